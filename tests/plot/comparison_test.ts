import assert from "node:assert/strict";
import type { ComparisonRow } from "../../lib/analyze/compare.ts";
import { comparisonChart } from "../../lib/plot/comparison.ts";

const rows: ComparisonRow[] = [
  {
    model: "b",
    variant: "plain",
    tasks: 6,
    before: 0.5,
    after: 0.7,
    delta: 0.2,
    low: 0.05,
    high: 0.35,
  },
  {
    model: "a",
    variant: "plain",
    tasks: 6,
    before: 0.6,
    after: 0.5,
    delta: -0.1,
    low: -0.3,
    high: 0.1,
  },
];

Deno.test("comparisonChart() shows each model's change with its interval", () => {
  const c = comparisonChart(rows, { names: ["plain", "checklist"], models: ["a", "b"] });
  assert.match(c.html, /<h2[^>]*>Change between runs<\/h2>/);
  assert.match(c.html, /-swatch"/);
  assert.match(c.html, /Δ pass rate, checklist − plain \(percentage points\)/);
  const svg = c.html.slice(c.html.lastIndexOf("<svg"));
  assert.equal(svg.match(/<circle/g)?.length, 2);
  assert.equal(svg.match(/<rect/g)?.length, 2, "the intervals");
  assert.match(svg, />\+20 pp {2}\(50% → 70%, 6 tasks\)</);
  assert.match(svg, />−10 pp {2}\(60% → 50%, 6 tasks\)</);
  assert.ok(svg.indexOf(">a<") < svg.indexOf(">b<"), "models in colour order");
});

Deno.test("comparisonChart() shows weighted accuracy changes as numbers", () => {
  const c = comparisonChart(rows, { metric: "weightedAccuracy", title: "Drift", synthetic: true });
  assert.match(c.html, /<h2[^>]*>Drift<\/h2>/);
  assert.match(c.html, />\+0\.20 {2}\(0\.50 → 0\.70, 6 tasks\)</);
  assert.match(c.html, /Synthetic \(offline\) models/);
});

Deno.test("comparisonChart() without rows still renders a titled figure", () => {
  assert.match(comparisonChart([]).html, /nothing in common to compare/);
});
