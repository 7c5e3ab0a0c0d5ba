import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { JUPYTER_DISPLAY } from "../../lib/plot/chart.ts";
import { coreEdgeChart } from "../../lib/plot/core_edge.ts";
import { modelColor } from "../../lib/plot/model_colors.ts";

const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
const count = (text: string, re: RegExp) => text.match(new RegExp(re, "g"))?.length ?? 0;
const mainSvg = (html: string) => html.slice(html.lastIndexOf("<svg"));

Deno.test("coreEdgeChart() shows the share of failed core and edge cases per model", () => {
  const c = coreEdgeChart(run);
  assert.match(c.html, /<h2[^>]*>Failed core vs edge cases<\/h2>/);
  assert.match(c.html, /-swatch"/, "a model legend");
  assert.match(c.html, /aria-label="x-axis label"[\s\S]*failed cases \(% of the kind's cases\)/);
  assert.match(c.html, /aria-label="fy-axis label"/, "the model axis is labelled");
  assert.equal(count(mainSvg(c.html), /<rect/), 4, "2 models × core, edge");
  // steady: no core failure, 1 of 10 edge cases; sloppy: 7 of 16 core, 5 of 10 edge
  for (
    const label of [
      "core: 0% (0 of 16)",
      "edge: 10% (1 of 10)",
      "core: 44% (7 of 16)",
      "edge: 50% (5 of 10)",
    ]
  ) assert.ok(c.html.includes(`>${label}<`), label);
  assert.deepEqual(Object.keys(c[JUPYTER_DISPLAY]()), ["text/html"]);
});

Deno.test("coreEdgeChart() colours each model as the run's other charts do", () => {
  const svg = mainSvg(coreEdgeChart(run).html);
  for (const model of ["synthetic:steady", "synthetic:sloppy"]) {
    assert.match(svg, new RegExp(`fill="${modelColor(run, model)}"`), model);
  }
});

Deno.test("coreEdgeChart() labels rows model · variant when a run has several variants", () => {
  const results = [...run.results, { ...run.results[0], variant: "few-shot" }];
  assert.match(coreEdgeChart({ ...run, results }).html, /synthetic:steady · few-shot/);
});

Deno.test("coreEdgeChart() of a run without results still renders a titled figure", () => {
  assert.match(coreEdgeChart({ manifest: { models: [] }, results: [] }).html, /no scored samples/);
});
