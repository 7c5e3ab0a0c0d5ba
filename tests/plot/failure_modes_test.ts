import assert from "node:assert/strict";
import { FAILURE_COLORS, failureModesChart } from "../../lib/plot/failure_modes.ts";
import { MODEL_PALETTE } from "../../lib/plot/model_colors.ts";
import { result } from "../analyze/failure_fixtures.ts";

const manifest = {
  models: [{ spec: "m:a", synthetic: true }, { spec: "m:b", synthetic: true }],
};

Deno.test("failureModesChart() stacks each model's failures by category, in model colour order", () => {
  const run = {
    manifest,
    results: [
      result("t1", "m:b", "crash"),
      result("t2", "m:b", "boundary"),
      result("t3", "m:b", null),
      result("t1", "m:a", "timeout"),
      result("t2", "m:a", null),
    ],
  };
  const c = failureModesChart(run);
  assert.match(c.html, /<h2[^>]*>Failure modes per model<\/h2>/);
  assert.match(c.html, /-swatch"/, "a legend");
  assert.match(c.html, /Synthetic \(offline\) models/);
  const svg = c.html.slice(c.html.lastIndexOf("<svg"));
  assert.match(svg, /aria-label="x-axis label"/);
  assert.equal(svg.match(/<rect /g)?.length, 3, "one segment per category present per model");
  assert.ok(svg.includes(`fill="${FAILURE_COLORS.crash}"`));
  assert.ok(svg.includes(`fill="${FAILURE_COLORS.timeout}"`));
  assert.ok(!svg.includes(`fill="${FAILURE_COLORS.syntax}"`), "absent categories are not drawn");
  // the model squares in the palette colours of the manifest order
  assert.ok(
    svg.includes(`fill="${MODEL_PALETTE[0]}"`) && svg.includes(`fill="${MODEL_PALETTE[1]}"`),
  );
  assert.match(svg, />1 of 2 failed</);
  assert.match(svg, />2 of 3 failed</);
  assert.ok(svg.indexOf(">m:a<") < svg.indexOf(">m:b<"), "rows in manifest order");
  assert.match(svg, />50%</, "shares written on the bars");
});

Deno.test("failureModesChart() says so for a model without failures", () => {
  const c = failureModesChart({ manifest, results: [result("t1", "m:a", null)] });
  const svg = c.html.slice(c.html.lastIndexOf("<svg"));
  assert.match(svg, />no failures \(n=1\)</);
  assert.equal(svg.match(/<rect /g), null);
});
