import assert from "node:assert/strict";
import { robustness } from "../../lib/analyze/robustness.ts";
import { robustnessChart } from "../../lib/plot/robustness.ts";

const r = (task: string, variant: string, passed: boolean) => ({
  task,
  model: "m",
  variant,
  passed,
  weightedAccuracy: passed ? 1 : -1,
});
const TASKS = ["a", "b", "c", "d", "e", "f"];
/** reword breaks every task (fragile); reorder breaks half of them (a drop, not beyond noise). */
const results = TASKS.flatMap((t, i) => [
  r(t, "plain", true),
  r(t, "plain+reword", false),
  r(t, "plain+reorder", i % 2 === 0),
]);
const run = { manifest: { models: [{ spec: "m", synthetic: true }] }, results };

Deno.test("robustnessChart() labels fragile exactly the bars robustness() calls fragile", () => {
  const verdicts = robustness(results);
  assert.deepEqual(verdicts.map((v) => [v.perturbation, v.passRateDelta, v.fragile]), [
    ["reword", -1, true],
    ["reorder", -0.5, true],
  ]);
  const c = robustnessChart(run);
  assert.match(c.html, /<h2[^>]*>Robustness to prompt perturbations<\/h2>/);
  assert.match(c.html, /-swatch"/);
  assert.match(c.html, /Δ pass rate vs unperturbed \(percentage points\)/);
  assert.match(c.html, /aria-label="fy-axis label"/);
  const svg = c.html.slice(c.html.lastIndexOf("<svg"));
  assert.equal(svg.match(/<rect/g)?.length, 2);
  assert.match(svg, />-100 pp fragile</);
  assert.match(svg, />-50 pp fragile</);
  assert.match(svg, /stroke="#d8362b"/, "the fragile bars and the threshold rule");
});

Deno.test("robustnessChart() does not call a drop fragile when its interval reaches 0", () => {
  // Two tasks, one broken: a drop of 50 pp, past the threshold, but the interval is [−1, 0].
  const few = ["a", "b"].flatMap((t, i) => [r(t, "plain", true), r(t, "plain+reword", i === 0)]);
  const [verdict] = robustness(few);
  assert.deepEqual([verdict.passRateDelta, verdict.passRateHigh, verdict.fragile], [
    -0.5,
    0,
    false,
  ]);
  const svg = robustnessChart({ manifest: { models: [] }, results: few }).html;
  assert.match(svg, />-50 pp</);
  assert.doesNotMatch(svg, /fragile</);
  assert.doesNotMatch(robustnessChart(run, { threshold: 1.1 }).html, /fragile</);
});

Deno.test("robustnessChart() of a run without perturbed variants says so", () => {
  const c = robustnessChart({ manifest: { models: [] }, results: [r("a", "plain", true)] });
  assert.match(c.html, /no perturbed variants/);
});
