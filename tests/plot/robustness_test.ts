import assert from "node:assert/strict";
import { robustnessChart, robustnessRows } from "../../lib/plot/robustness.ts";

const r = (model: string, variant: string, passed: boolean) => ({
  model,
  variant,
  passed,
  weightedAccuracy: passed ? 1 : -1,
});
const results = [
  r("m", "plain", true),
  r("m", "plain", true),
  r("m", "plain+reword", true),
  r("m", "plain+reword", false),
  r("m", "plain+reorder", true),
  r("m", "plain+reorder", true),
];

Deno.test("robustnessRows() compares each perturbed variant with its template", () => {
  const rows = robustnessRows(results);
  assert.deepEqual(
    rows.map((x) => [x.template, x.perturbation, x.baseline, x.perturbed, x.delta, x.n]),
    [["plain", "reword", 1, 0.5, -0.5, 2], ["plain", "reorder", 1, 1, 0, 2]],
  );
  assert.equal(robustnessRows(results, { metric: "weightedAccuracy" })[0].delta, -1);
});

Deno.test("robustnessRows() takes the longest template that prefixes a variant", () => {
  const rows = robustnessRows([
    r("m", "a", true),
    r("m", "a+b", true),
    r("m", "a+b+reword", false),
  ]);
  assert.deepEqual(rows.map((x) => [x.template, x.perturbation]), [["a", "b"], ["a+b", "reword"]]);
});

Deno.test("robustnessChart() marks a drop past the threshold as fragile", () => {
  const c = robustnessChart({ manifest: { models: [{ spec: "m", synthetic: true }] }, results });
  assert.match(c.html, /<h2[^>]*>Robustness to prompt perturbations<\/h2>/);
  assert.match(c.html, /-swatch"/);
  assert.match(c.html, /Δ pass rate vs unperturbed \(percentage points\)/);
  assert.match(c.html, /aria-label="fy-axis label"/);
  const svg = c.html.slice(c.html.lastIndexOf("<svg"));
  assert.equal(svg.match(/<rect/g)?.length, 2);
  assert.match(svg, />-50 pp fragile</);
  assert.match(svg, />0 pp</);
  assert.match(svg, /stroke="#d8362b"/, "the fragile bar and the threshold rule");
  assert.doesNotMatch(
    robustnessChart({ manifest: { models: [] }, results }, { threshold: 0.6 }).html,
    /fragile</,
  );
});

Deno.test("robustnessChart() of a run without perturbed variants says so", () => {
  const c = robustnessChart({ manifest: { models: [] }, results: [r("m", "plain", true)] });
  assert.match(c.html, /no perturbed variants/);
});
