import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { groupAccuracyChart } from "../../lib/plot/group_accuracy.ts";

const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
const count = (text: string, re: RegExp) => text.match(new RegExp(re, "g"))?.length ?? 0;
const mainSvg = (html: string) => html.slice(html.lastIndexOf("<svg"));
const kind: Record<string, string> = { clamp: "numbers", slugify: "strings", sum_pairs: "numbers" };

Deno.test("groupAccuracyChart() shows the pass rate per group and model", () => {
  const c = groupAccuracyChart(run, (task) => kind[task], {
    metric: "passRate",
    groupLabel: "category",
  });
  assert.match(c.html, /<h2[^>]*>Pass rate by category<\/h2>/);
  assert.match(c.html, /-swatch"/);
  assert.match(c.html, /aria-label="fy-axis label"/);
  assert.match(c.html, /pass rate \(% of samples\)/);
  const svg = mainSvg(c.html);
  assert.equal(count(svg, /<rect/), 4, "2 groups × 2 models");
  // numbers: steady passes 4 of 4 samples over 2 tasks, sloppy none
  assert.ok(svg.includes(">100% · n=2/4<") && svg.includes(">0% · n=2/4<"));
  assert.equal(count(svg, />50% · n=1\/2</), 2, "strings: both models pass 1 of 2");
});

Deno.test("groupAccuracyChart() follows the given group order and leaves out null groups", () => {
  const c = groupAccuracyChart(run, (task) => (task === "clamp" ? null : kind[task]), {
    order: ["strings", "numbers"],
  });
  assert.match(c.html, /<h2[^>]*>Weighted accuracy by group<\/h2>/);
  const svg = mainSvg(c.html);
  assert.ok(svg.indexOf(">strings<") < svg.indexOf(">numbers<"), "strings first");
  assert.match(svg, />0\.81 · n=1\/2</, "steady slugify: (1 + 0.625) / 2");
  assert.ok(!svg.includes("n=2/4"), "clamp is left out");
});

Deno.test("groupAccuracyChart() of a run without results still renders a titled figure", () => {
  const c = groupAccuracyChart({ manifest: { models: [] }, results: [] }, () => "x");
  assert.match(c.html, /no scored samples/);
});
