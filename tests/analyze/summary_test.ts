import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { percentile, summarize } from "../../lib/analyze/summary.ts";
import type { GenerationRecord } from "../../lib/record/generation.ts";
import type { ResultRecord } from "../../lib/record/result.ts";
import { generationRecord } from "../_helpers.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;

/** A generation record with defaults. */
const gen = (over: Partial<GenerationRecord>): GenerationRecord => generationRecord(over);

/** A result record with defaults (a passing sample). */
function res(over: Partial<ResultRecord>): ResultRecord {
  return {
    task: "t",
    model: "openai:a",
    variant: "plain",
    sample: 0,
    outcome: "completed",
    detail: "",
    cases: [],
    passed: true,
    passFraction: 1,
    weightedAccuracy: 1,
    bucket: "correct",
    execMs: 10,
    failure: null,
    stderr: "",
    ...over,
  };
}

Deno.test("percentile() interpolates linearly between closest ranks (R type 7)", () => {
  assert.equal(percentile([4, 1, 3, 2], 0.5), 2.5);
  assert.ok(Math.abs(percentile([1, 2, 3, 4], 0.9)! - 3.7) < 1e-12);
  assert.equal(percentile([10, 20], 0), 10);
  assert.equal(percentile([10, 20], 1), 20);
  assert.equal(percentile([7], 0.9), 7);
  assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9), 9.1);
});

Deno.test("percentile() returns null for no values and ignores non-finite ones", () => {
  assert.equal(percentile([], 0.5), null);
  assert.equal(percentile([NaN], 0.5), null);
  assert.equal(percentile([1, NaN, 3], 0.5), 2);
});

Deno.test("percentile() throws a RangeError when p is outside [0, 1]", () => {
  assert.throws(() => percentile([1, 2], 50), RangeError);
  assert.throws(() => percentile([1, 2], -0.1), RangeError);
});

Deno.test("summarize() returns one row per model and variant in first-appearance order", () => {
  const rows = summarize({
    generations: [
      gen({ model: "openai:b", variant: "v1" }),
      gen({ model: "openai:a", variant: "v1" }),
      gen({ model: "openai:b", variant: "v2" }),
      gen({ model: "openai:a", variant: "v1", sample: 1 }),
    ],
    results: [],
  });
  assert.deepEqual(rows.map((r) => [r.model, r.variant]), [
    ["openai:b", "v1"],
    ["openai:a", "v1"],
    ["openai:b", "v2"],
  ]);
});

Deno.test("summarize() computes pass rate, means and bucket counts from results", () => {
  const [row] = summarize({
    generations: [],
    results: [
      res({ sample: 0 }),
      res({
        sample: 1,
        passed: false,
        passFraction: 0.5,
        weightedAccuracy: 0.25,
        bucket: "almost",
      }),
      res({ sample: 2, passed: false, passFraction: 0, weightedAccuracy: -1, bucket: "wrong" }),
      res({
        sample: 3,
        passed: false,
        passFraction: 0.5,
        weightedAccuracy: -0.25,
        bucket: "wrong",
      }),
    ],
  });
  assert.equal(row.samples, 4);
  assert.equal(row.passRate, 0.25);
  assert.equal(row.passFraction, 0.5);
  assert.equal(row.weightedAccuracy, 0);
  assert.deepEqual([row.correct, row.almost, row.wrong], [1, 1, 2]);
});

Deno.test("summarize() excludes cached generations from latency percentiles", () => {
  const [row] = summarize({
    generations: [
      gen({ sample: 0, ttftMs: 100, totalMs: 1000, tokensPerSec: 40 }),
      gen({ sample: 1, ttftMs: 300, totalMs: 3000, tokensPerSec: 60 }),
      gen({ sample: 2, ttftMs: 1, totalMs: 2, tokensPerSec: 9999, cached: true }),
    ],
    results: [],
  });
  assert.equal(row.ttftP50, 200);
  assert.equal(row.totalP50, 2000);
  assert.equal(row.totalP90, 2800);
  assert.equal(row.tokensPerSecP50, 50);
});

Deno.test("summarize() excludes generation errors from latency and counts them", () => {
  const [row] = summarize({
    generations: [
      gen({ sample: 0, totalMs: 1000 }),
      gen({ sample: 1, totalMs: 60_000, ttftMs: null, error: "request failed: 503" }),
    ],
    results: [],
  });
  assert.equal(row.generationErrors, 1);
  assert.equal(row.totalP90, 1000);
});

Deno.test("summarize() reports null rates and latencies when there is no data", () => {
  const [row] = summarize({ generations: [gen({ cached: true })], results: [] });
  assert.equal(row.samples, 0);
  assert.equal(row.passRate, null);
  assert.equal(row.weightedAccuracy, null);
  assert.equal(row.ttftP50, null);
  assert.equal(row.tokensPerSecP50, null);
});

Deno.test("summarize() flags rows whose generations are synthetic", () => {
  const rows = summarize({
    generations: [gen({ model: "synthetic:x", synthetic: true }), gen({ model: "openai:a" })],
    results: [],
  });
  assert.deepEqual(rows.map((r) => r.synthetic), [true, false]);
});

Deno.test("summarize() summarises the fixture run", async () => {
  const rows = summarize(await loadRun(FIXTURE));
  assert.deepEqual(rows.map((r) => r.model), ["synthetic:steady", "synthetic:sloppy"]);
  const [steady, sloppy] = rows;
  assert.equal(steady.samples, 6);
  assert.equal(steady.passRate, 5 / 6);
  assert.deepEqual([steady.correct, steady.almost, steady.wrong], [5, 1, 0]);
  assert.deepEqual([sloppy.correct, sloppy.almost, sloppy.wrong], [1, 2, 3]);
  assert.equal(sloppy.generationErrors, 1);
  assert.ok(steady.totalP50! > 100, "the cached 2 ms generation is not in the median");
});
