import assert from "node:assert/strict";
import { robustness, robustnessTable, splitVariant } from "../../lib/analyze/robustness.ts";

const r = (task: string, variant: string, passed: boolean, model = "m", weighted?: number) => ({
  task,
  model,
  variant,
  passed,
  weightedAccuracy: weighted ?? (passed ? 1 : -1),
});
const TASKS = Array.from({ length: 10 }, (_, i) => `t${i}`);

Deno.test("splitVariant() takes the longest template of the run that prefixes the variant", () => {
  assert.deepEqual(splitVariant("a+b+reword", ["a", "a+b", "a+b+reword"]), {
    template: "a+b",
    perturbation: "reword",
  });
  assert.equal(splitVariant("plain+reword", ["few-shot", "plain+reword"]), null);
});

Deno.test("robustness() pairs tasks and reports both metrics' deltas with intervals", () => {
  const results = [
    ...TASKS.map((t) => r(t, "plain", true)),
    ...TASKS.map((t, i) => r(t, "plain+reword", i < 3)), // 7 of 10 tasks break
    ...TASKS.map((t) => r(t, "plain+reorder", true)),
  ];
  const [reword, reorder] = robustness(results);
  assert.deepEqual(
    [reword.template, reword.perturbation, reword.tasks, reword.samples],
    ["plain", "reword", 10, 10],
  );
  assert.equal(reword.baselinePassRate, 1);
  assert.ok(Math.abs(reword.passRateDelta - -0.7) < 1e-12);
  assert.ok(Math.abs(reword.weightedDelta - -1.4) < 1e-12);
  assert.ok(reword.passRateLow <= -0.7 && reword.passRateHigh < 0);
  assert.equal(reword.fragile, true);
  assert.deepEqual(
    [reorder.passRateDelta, reorder.passRateLow, reorder.passRateHigh, reorder.fragile],
    [0, 0, 0, false],
  );
});

Deno.test("robustness() is not fragile when the interval includes 0", () => {
  // Two tasks, one breaks: delta -0.5 but the bootstrap interval reaches 0.
  const results = [
    r("a", "plain", true),
    r("b", "plain", true),
    r("a", "plain+reword", false),
    r("b", "plain+reword", true),
  ];
  const [row] = robustness(results);
  assert.equal(row.passRateDelta, -0.5);
  assert.equal(row.passRateHigh, 0);
  assert.equal(row.fragile, false);
});

Deno.test("robustness() is not fragile when the drop is under the threshold", () => {
  const results = [
    ...TASKS.map((t) => r(t, "plain", true)),
    ...TASKS.map((t, i) => r(t, "plain+reword", i > 0)), // one of ten: -0.1
  ];
  const [row] = robustness(results);
  assert.ok(Math.abs(row.passRateDelta - -0.1) < 1e-12);
  assert.equal(row.fragile, false);
  assert.equal(robustness(results, { threshold: 0.1 })[0].passRateHigh <= 0, true);
});

Deno.test("robustness() can judge fragility on weighted accuracy", () => {
  // No sample passes either way (pass rate unchanged), but more cases fail under the perturbation.
  const results = [
    ...TASKS.map((t) => r(t, "plain", false, "m", 0.8)),
    ...TASKS.map((t) => r(t, "plain+formatting", false, "m", 0.2)),
  ];
  const [row] = robustness(results, { metric: "weightedAccuracy", threshold: 0.5 });
  assert.equal(row.passRateDelta, 0);
  assert.ok(Math.abs(row.weightedDelta - -0.6) < 1e-12);
  assert.equal(row.fragile, true);
  assert.equal(robustness(results)[0].fragile, false);
});

Deno.test("robustness() averages samples per task before pairing and skips unpaired tasks", () => {
  const results = [
    r("a", "plain", true),
    r("a", "plain", false),
    r("b", "plain", true),
    r("a", "plain+reword", false),
    r("a", "plain+reword", false),
    r("c", "plain+reword", false), // no baseline for c
  ];
  const [row] = robustness(results);
  assert.deepEqual([row.tasks, row.samples, row.baselinePassRate, row.passRateDelta], [
    1,
    2,
    0.5,
    -0.5,
  ]);
});

Deno.test("robustness() gives one row per model", () => {
  const results = ["x", "y"].flatMap((model) => [
    ...TASKS.map((t) => r(t, "plain", true, model)),
    ...TASKS.map((t, i) => r(t, "plain+rename_entry", model === "x" || i % 2 === 0, model)),
  ]);
  const rows = robustness(results);
  assert.deepEqual(rows.map((x) => [x.model, x.passRateDelta]), [["x", 0], ["y", -0.5]]);
});

Deno.test("robustnessTable() has one row per perturbation and the columns when empty", () => {
  const table = robustnessTable({
    results: [r("a", "plain", true), r("a", "plain+reword", false)],
  });
  assert.equal(table.numRows(), 1);
  assert.equal(table.get("passRateDelta", 0), -1);
  const empty = robustnessTable({ results: [r("a", "plain", true)] });
  assert.equal(empty.numRows(), 0);
  assert(empty.columnNames().includes("fragile"));
});
