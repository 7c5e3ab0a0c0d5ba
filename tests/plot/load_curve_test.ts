import assert from "node:assert/strict";
import { loadCurveChart, type LoadCurveRow } from "../../lib/plot/load_curve.ts";
import { MODEL_PALETTE } from "../../lib/plot/model_colors.ts";

const level = (model: string, concurrency: number, ms: number | null): LoadCurveRow => ({
  model,
  concurrency,
  requests: 8,
  errors: ms === null ? 8 : 0,
  wallMs: 100,
  throughputRps: 10,
  tokensPerSec: 100,
  ttftP50: ms,
  ttftP95: ms === null ? null : 2 * ms,
  totalP50: ms === null ? null : 3 * ms,
  totalP95: ms === null ? null : 4 * ms,
});
const rows = [1, 2, 4, 8].map((c) => level("synthetic:default", c, 50 * c));

Deno.test("loadCurveChart() draws p50 and p95 lines against concurrency", () => {
  const c = loadCurveChart(rows, { synthetic: true });
  assert.match(c.html, /<h2[^>]*>Time to first token under load<\/h2>/);
  assert.match(c.html, /-swatch"/);
  assert.match(c.html, /concurrent requests \(in flight\)/);
  assert.match(c.html, /time to first token \(ms\)/);
  const svg = c.html.slice(c.html.lastIndexOf("<svg"));
  assert.equal(svg.match(/<path d="[^"]*" stroke=/g)?.length, 2, "p50 and p95");
  assert.match(svg, /stroke-dasharray="6,4"/, "p95 dashed");
  assert.match(svg, />p50<[\s\S]*>p95</);
  assert.match(c.html, /Synthetic \(offline\) model/);
  assert.match(loadCurveChart(rows, { metric: "total" }).html, /Total generation time under load/);
});

Deno.test("loadCurveChart() keeps the run's model colours and lists only measured models", () => {
  const c = loadCurveChart(rows, { models: ["openai:a", "synthetic:default"] });
  assert.doesNotMatch(c.html, /openai:a/, "not in the legend");
  assert.match(c.html, new RegExp(`stroke="${MODEL_PALETTE[1]}"`), "second colour, as in the run");
});

Deno.test("loadCurveChart() leaves a gap at a level where every request failed", () => {
  const c = loadCurveChart([...rows.slice(0, 3), level("synthetic:default", 8, null)]);
  assert.match(c.html, /<path /);
});

Deno.test("loadCurveChart() without measurements still renders a titled figure", () => {
  assert.match(loadCurveChart([]).html, /no measurements/);
});
