import assert from "node:assert/strict";
import { compareRuns } from "../../lib/analyze/compare.ts";
import { bestUnderBudget, paretoFrontier } from "../../lib/analyze/pareto.ts";
import { resultRecord } from "../_helpers.ts";

const r = (task: string, sample: number, passed: boolean) =>
  resultRecord({ task, sample }, [passed ? "pass" : "fail"]);

Deno.test("compareRuns() gives a bootstrap interval that excludes 0 for a clear regression, and no flips of its own", () => {
  const tasks = Array.from({ length: 30 }, (_, i) => `t${i}`);
  const a = { results: tasks.flatMap((t) => [0, 1].map((s) => r(t, s, true))) };
  const b = { results: tasks.flatMap((t, i) => [0, 1].map((s) => r(t, s, i >= 12))) };
  const compared = compareRuns(a, b);
  const { rows } = compared;
  // Flips are judgeFlips()'s alone (one rule for notebooks and reports).
  assert.deepEqual(Object.keys(compared), ["rows"]);
  assert.equal(rows[0].tasks, 30);
  assert.ok(Math.abs(rows[0].delta - -0.4) < 1e-12);
  assert.ok(rows[0].high < 0 && rows[0].low < rows[0].delta, `[${rows[0].low}, ${rows[0].high}]`);
});

Deno.test("compareRuns() gives an interval around 0 when nothing changed, deterministically", () => {
  const tasks = Array.from({ length: 20 }, (_, i) => `t${i}`);
  const a = { results: tasks.map((t, i) => r(t, 0, i % 2 === 0)) };
  const { rows } = compareRuns(a, a);
  assert.deepEqual([rows[0].low, rows[0].delta, rows[0].high], [0, 0, 0]);
  assert.deepEqual(
    compareRuns(a, { results: tasks.map((t) => r(t, 0, true)) }),
    compareRuns(a, { results: tasks.map((t) => r(t, 0, true)) }),
  );
});

Deno.test("paretoFrontier() keeps only undominated points; bestUnderBudget() picks the most accurate within budget", () => {
  const pts = [
    { id: "fast-bad", latency: 100, accuracy: 0.2 },
    { id: "dominated", latency: 300, accuracy: 0.3 },
    { id: "mid", latency: 250, accuracy: 0.6 },
    { id: "slow-good", latency: 900, accuracy: 0.95 },
    { id: "missing", latency: null, accuracy: 1 },
  ];
  assert.deepEqual(paretoFrontier(pts).map((p) => p.id), ["fast-bad", "mid", "slow-good"]);
  assert.equal(bestUnderBudget(pts, 500)?.id, "mid");
  assert.equal(bestUnderBudget(pts, 50), null);
});
