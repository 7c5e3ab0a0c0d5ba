import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { paretoChart } from "../../lib/plot/pareto.ts";

const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
const mainSvg = (html: string) => html.slice(html.lastIndexOf("<svg"));

Deno.test("paretoChart() draws the frontier, the budget and the best point within it", () => {
  const c = paretoChart(run, { budgetMs: 1500 });
  assert.match(c.html, /<h2[^>]*>Accuracy vs latency: the Pareto frontier<\/h2>/);
  assert.match(c.html, /-swatch"/);
  assert.match(c.html, /median total generation time \(ms\)/);
  assert.match(c.html, /pass rate \(% of samples\)/);
  const svg = mainSvg(c.html);
  assert.match(svg, /<path/, "the frontier line");
  assert.match(svg, /budget 1500 ms/);
  // steady: median 1086 ms, 5 of 6 pass; sloppy: slower and worse, off the frontier
  assert.match(svg, /best under 1500 ms: synthetic:steady</);
  assert.match(svg, /synthetic:steady\n1086 ms, 83%/);
});

Deno.test("paretoChart() rings nothing when no point fits the budget", () => {
  const c = paretoChart(run, { budgetMs: 100, accuracy: "weightedAccuracy", latency: "ttftP50" });
  assert.doesNotMatch(c.html, /best under/);
  assert.match(c.html, /weighted accuracy \(−1 to 1\)/);
  assert.match(c.html, /median time to first token \(ms\)/);
});

Deno.test("paretoChart() of a run without data still renders a titled figure", () => {
  const c = paretoChart({ manifest: { models: [] }, generations: [], results: [] });
  assert.match(c.html, /no model with both a latency and an accuracy/);
});
