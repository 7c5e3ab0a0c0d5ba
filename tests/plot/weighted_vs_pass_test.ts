import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { weightedVsPassChart } from "../../lib/plot/weighted_vs_pass.ts";

const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
const count = (text: string, re: RegExp) => text.match(new RegExp(re, "g"))?.length ?? 0;
const mainSvg = (html: string) => html.slice(html.lastIndexOf("<svg"));

Deno.test("weightedVsPassChart() draws a dot per task × model and a diamond per model", () => {
  const c = weightedVsPassChart(run);
  assert.match(c.html, /<h2[^>]*>Weighted accuracy vs pass rate<\/h2>/);
  assert.match(c.html, /-swatch"/, "a model legend");
  assert.match(c.html, /pass rate \(% of samples with every case passing\)/);
  assert.match(c.html, /weighted accuracy \(−1 to 1\)/);
  const svg = mainSvg(c.html);
  assert.equal(count(svg, /<circle/), 6, "3 tasks × 2 models");
  assert.equal(count(svg, /<path [^>]*d="M0,-[^"]*Z"/), 2, "one mean diamond per model");
  // synthetic:steady on slugify: 1 of 2 samples pass, weighted accuracy (1 + 0.625) / 2
  assert.match(svg, /slugify \(2 samples\)\npass rate 50%, weighted accuracy 0\.81/);
});

Deno.test("weightedVsPassChart() draws the all-or-nothing line from (0, −1) to (100, 1)", () => {
  assert.match(mainSvg(weightedVsPassChart(run).html), /stroke-dasharray="4,4"/);
});

Deno.test("weightedVsPassChart() of a run without results still renders a titled figure", () => {
  assert.match(
    weightedVsPassChart({ manifest: { models: [] }, results: [] }).html,
    /no scored samples/,
  );
});
