import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { samplePayload } from "../../lib/report/sample_browser_data.ts";
import type { PromptRecord } from "../../lib/record/generation.ts";
import { sampleKey } from "../../lib/record/sample_key.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;

Deno.test("samplePayload() keeps a generation error and a task error as statuses of their own, unscored", async () => {
  const run = await loadRun(FIXTURE);
  const [first, second, ...rest] = run.results;
  const generationError = {
    ...first,
    outcome: "generation_error" as const,
    passed: false,
    cases: [],
  };
  const taskError = { ...second, taskError: "the reference fails its own tests" };
  const g = run.generations.map((x) =>
    sampleKey(x) === sampleKey(first)
      ? { ...x, error: "no answer from http://127.0.0.1:9/v1", code: null }
      : x
  );
  const payload = samplePayload([{
    ...run,
    generations: g,
    results: [generationError, ...rest],
    unjudged: [taskError],
  }]);
  const byKey = new Map(payload.samples.map((s) => [s.key, s]));
  const ge = byKey.get(sampleKey(first))!;
  assert.equal(ge.status, "generation_error");
  assert.equal(ge.generationError, "no answer from http://127.0.0.1:9/v1");
  const te = byKey.get(sampleKey(second))!;
  assert.equal(te.status, "task_error");
  assert.equal(te.weighted, null, "a task error's sample is not scored");
  assert.equal(te.bucket, null);
  assert.equal(payload.samples.length, run.generations.length, "no sample dropped");
  const passed = payload.samples.filter((s) => s.status === "passed").length;
  assert.equal(passed, rest.filter((r) => r.passed).length);
});

Deno.test("samplePayload() of several runs prefixes keys with the run's label and keeps each run's samples", async () => {
  const run = await loadRun(FIXTURE);
  const payload = samplePayload([run, run], { labels: ["A", "B"] });
  assert.equal(payload.samples.length, 2 * run.generations.length);
  assert.deepEqual(payload.runs.map((r) => r.label), ["A", "B"]);
  const b = payload.samples.filter((s) => s.run === "B");
  assert.equal(b.length, run.generations.length);
  assert.ok(b.every((s) => s.key.startsWith('B:["')));
  assert.equal(
    new Set(payload.samples.map((s) => s.key)).size,
    payload.samples.length,
    "keys are unique",
  );
});

Deno.test("samplePayload() embeds only the prompts and references its samples use, and the failure evidence in full", async () => {
  const run = await loadRun(FIXTURE);
  const hash = "h-used";
  const generations = run.generations.map((g, i) => i === 0 ? { ...g, promptHash: hash } : g);
  const prompts: PromptRecord[] = [
    { hash, messages: [{ role: "user", content: "Write clamp." }] },
    { hash: "h-unused", messages: [{ role: "user", content: "unused" }] },
  ];
  const payload = samplePayload([{ ...run, generations }], {
    prompts,
    references: { clamp: "export const clamp = 1;", "not-in-run": "x" },
    filter: { category: "syntax", q: "" },
  });
  assert.deepEqual(Object.keys(payload.prompts), [hash]);
  assert.deepEqual(Object.keys(payload.references), ["clamp"]);
  assert.deepEqual(payload.filter, { category: "syntax" }, "empty filter fields are dropped");
  for (const s of payload.samples) {
    const r = run.results.find((x) => sampleKey(x) === s.key)!;
    assert.deepEqual(s.evidence.map((e) => e.text), (r.failure?.evidence ?? []).map((e) => e.text));
    assert.equal(s.casesTotal, r.cases.length);
  }
});

Deno.test("samplePayload() shows an infrastructure error and an answer not judged yet apart from failures, unscored", async () => {
  const run = await loadRun(FIXTURE);
  const [first, second, ...rest] = run.results;
  const infra = { ...first, executionError: "the job was delivered 4 times and never finished" };
  // `second` has a generation but no result: the run was interrupted before judging it.
  const payload = samplePayload([{ ...run, results: rest, unjudged: [infra] }]);
  const byKey = new Map(payload.samples.map((s) => [s.key, s]));
  const i = byKey.get(sampleKey(first))!;
  assert.equal(i.status, "infrastructure_error");
  assert.equal(i.weighted, null);
  assert.equal(i.bucket, null);
  const n = byKey.get(sampleKey(second))!;
  assert.equal(n.status, "not_judged");
  assert.equal(n.weighted, null);
  // Failed: judged, not passed, and with an answer (a failed request is a generation error).
  const errored = new Set(run.generations.filter((g) => g.error).map(sampleKey));
  const failed = rest.filter((r) => !r.passed && !errored.has(sampleKey(r))).length;
  assert.equal(payload.samples.filter((s) => s.status === "failed").length, failed);
});
