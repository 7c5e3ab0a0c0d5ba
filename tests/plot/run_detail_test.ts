import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { runDetailHTML } from "../../lib/plot/run_detail.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;

Deno.test("runDetailHTML() shows a run's summary, spectrum and failure categories under its label", async () => {
  const run = await loadRun(FIXTURE);
  const html = runDetailHTML(run, { label: "C" });
  assert.match(html, /<h3 id="run-C"[^>]*>Run C in detail · run-tiny<\/h3>/);
  assert.match(html, /12 judged results\./);
  assert.match(html, /Summary of run C per model × variant/);
  assert.match(html, /<th[^>]*>pass rate<\/th>/);
  assert.doesNotMatch(html, /<th[^>]*>tokensPerSecP50<\/th>/, "only the default columns");
  assert.match(html, />Accuracy spectrum</);
  assert.match(html, />Failure modes per model, run C</);
  assert.match(html, /Failed samples per primary category, run C/);
  for (const model of new Set(run.results.map((r) => r.model))) {
    assert.ok(html.includes(`href="#samples?run=C&amp;model=${encodeURIComponent(model)}"`), model);
  }
});

Deno.test("runDetailHTML() says when a run has no failed sample, and shows an incomplete run as such", async () => {
  const run = await loadRun(FIXTURE);
  const passing = {
    ...run,
    results: run.results.filter((r) => r.passed),
    incomplete: { recorded: 5, expected: 12 },
  };
  const html = runDetailHTML(passing, { label: "B" });
  assert.match(html, /No failed samples in run B\./);
  assert.doesNotMatch(html, /Failure modes per model/);
  assert.match(html, /incomplete: 5 of 12 samples recorded/);
});
