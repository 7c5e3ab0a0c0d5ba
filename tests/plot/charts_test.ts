import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { type Chart, chart, JUPYTER_DISPLAY } from "../../lib/plot/chart.ts";
import { latencyAccuracyChart } from "../../lib/plot/latency_accuracy.ts";
import { modelColor, modelColorScale } from "../../lib/plot/model_colors.ts";
import { BUCKET_COLORS, spectrumChart } from "../../lib/plot/spectrum.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;
const run = await loadRun(FIXTURE);

/** How often `pattern` occurs in `text`. */
const count = (text: string, pattern: RegExp) => text.match(new RegExp(pattern, "g"))?.length ?? 0;

/** The chart's main (non-legend) SVG. */
const mainSvg = (c: Chart) => c.html.slice(c.html.indexOf("<svg", c.html.indexOf("</div>")));

/** Assertions every report chart must satisfy. */
function assertReportChart(c: Chart, title: string) {
  assert.ok(c.html.startsWith("<figure"), "a figure");
  assert.match(c.html, new RegExp(`<h2[^>]*>${title}</h2>`), "a title");
  assert.match(c.html, /class="plot-[0-9a-f]+-swatch"/, "a legend");
  assert.match(c.html, /<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, "SVG namespace");
  assert.match(c.html, /<svg [^>]*font-family="[^"]+"/, "a font for SVG text");
  assert.match(c.html, /aria-label="x-axis label"/, "an x-axis label");
  assert.match(c.html, /aria-label="y-axis label"/, "a y-axis label");
  const display = c[JUPYTER_DISPLAY]();
  assert.deepEqual(Object.keys(display), ["text/html"], "displayed as text/html only");
  assert.equal(display["text/html"], c.html);
}

Deno.test("JUPYTER_DISPLAY is the kernel's global display symbol", () => {
  assert.equal(JUPYTER_DISPLAY, Symbol.for("Jupyter.display"));
});

Deno.test("chart() renders Plot options as a figure displayed as text/html", () => {
  const c = chart({
    title: "Squares",
    color: { legend: true },
    marks: [
      Plot.dot(["a", "b", "c"], {
        x: (_d: string, i: number) => i,
        y: (_d: string, i: number) => i * i,
        fill: (d: string) => d,
      }),
    ],
  });
  assert.equal(count(c.html, /<circle/), 3);
  assert.match(c.html, /<h2[^>]*>Squares<\/h2>/);
  assert.equal(c[JUPYTER_DISPLAY]()["text/html"], c.html);
});

Deno.test("chart() adds the SVG namespace to a bare svg built by a function", () => {
  const c = chart((document) => Plot.plot({ document, marks: [Plot.frame()] }) as Element);
  assert.match(c.html, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
});

Deno.test("spectrumChart() stacks correct, almost and wrong bars with a legend", () => {
  const c = spectrumChart(run);
  assertReportChart(c, "Accuracy spectrum");
  const svg = mainSvg(c);
  assert.ok(count(svg, /<rect/) >= 6, "bars for 2 models × 3 buckets");
  for (const colour of BUCKET_COLORS) assert.match(svg, new RegExp(`fill="${colour}"`));
  assert.match(c.html, />share of samples \(%\)/);
  assert.match(c.html, />83%</, "synthetic:steady is 5 of 6 correct");
  assert.match(c.html, /Synthetic \(offline\) models/);
});

Deno.test("latencyAccuracyChart() plots uncached samples and a mean per model", () => {
  const c = latencyAccuracyChart(run);
  assertReportChart(c, "Latency vs weighted accuracy");
  const svg = mainSvg(c);
  // 12 samples − 1 cached − 1 generation error = 10 dots; 2 means drawn as diamond paths.
  assert.equal(count(svg, /<circle/), 10);
  assert.equal(count(svg, /<path [^>]*d="M0,-[^"]*Z"/), 2, "mean diamonds");
  assert.match(c.html, />total generation time \(ms\)/);
  assert.match(c.html, />↑ weighted accuracy/);
});

Deno.test("latencyAccuracyChart() colours models as modelColorScale() does", () => {
  const svg = mainSvg(latencyAccuracyChart(run));
  const scale = modelColorScale(run);
  assert.deepEqual(scale.domain, ["synthetic:steady", "synthetic:sloppy"]);
  for (const model of scale.domain) {
    assert.match(svg, new RegExp(`fill="${modelColor(run, model)}"`));
  }
});

Deno.test("modelColorScale() follows the manifest order, then models found only in records", () => {
  const scale = modelColorScale({
    manifest: { models: [{ spec: "openai:b", synthetic: false }] },
    results: [{ ...run.results[0], model: "openai:z" }],
  });
  assert.deepEqual(scale.domain, ["openai:b", "openai:z"]);
  assert.equal(new Set(scale.range).size, 2);
});

Deno.test("charts of a run with no data still render a titled figure", () => {
  const empty = { manifest: { models: [] }, generations: [], results: [] };
  assert.match(spectrumChart(empty).html, /Accuracy spectrum/);
  assert.match(latencyAccuracyChart(empty).html, /no uncached samples/);
});
