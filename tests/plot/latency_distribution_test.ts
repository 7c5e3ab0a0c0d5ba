import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { latencyDistributionChart } from "../../lib/plot/latency_distribution.ts";

const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
const mainSvg = (html: string) => html.slice(html.lastIndexOf("<svg"));

Deno.test("latencyDistributionChart() shows time to first token per model with p50 and p90", () => {
  const c = latencyDistributionChart(run, { metric: "ttftMs" });
  assert.match(c.html, /<h2[^>]*>Time to first token per model<\/h2>/);
  assert.match(c.html, /-swatch"/);
  assert.match(c.html, /time to first token \(ms\)/);
  assert.match(c.html, /aria-label="y-axis label"/);
  const svg = mainSvg(c.html);
  assert.match(svg, /<rect/, "interquartile boxes");
  // steady: 5 uncached samples 185, 201, 217, 222, 238 (the cached one is left out)
  assert.match(svg, />p50 217 · p90 232 ms \(n=5\)</);
  assert.match(svg, /\(n=5\)<[\s\S]*\(n=5\)</, "sloppy: its generation error is left out");
});

Deno.test("latencyDistributionChart() labels total time and tokens per second with units", () => {
  assert.match(latencyDistributionChart(run).html, /total generation time \(ms\)/);
  const tps = latencyDistributionChart(run, { metric: "tokensPerSec", title: "Speed" }).html;
  assert.match(tps, /<h2[^>]*>Speed<\/h2>/);
  assert.match(tps, /completion tokens per second \(tokens\/s\)/);
  assert.match(tps, / tok\/s \(n=5\)</);
});

Deno.test("latencyDistributionChart() without uncached samples still renders a titled figure", () => {
  const c = latencyDistributionChart({ manifest: { models: [] }, generations: [] });
  assert.match(c.html, /no uncached samples/);
});
