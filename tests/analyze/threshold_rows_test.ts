import assert from "node:assert/strict";
import { formatMetric, thresholdRows } from "../../lib/analyze/threshold_rows.ts";
import type { PolicyVerdict } from "../../lib/score/policy.ts";

const check = (metric: string, bound: "min" | "max", limit: number, value: number | null) => ({
  metric,
  bound,
  limit,
  value,
  ok: value !== null && (bound === "min" ? value >= limit : value <= limit),
  note: value === null ? "needs at least 3 samples per task" : "",
});

Deno.test("formatMetric() writes each threshold in its metric's unit", () => {
  assert.equal(formatMetric("passRate", 0.661), "66%");
  assert.equal(formatMetric("passHatK@3", 0.8), "80%");
  assert.equal(formatMetric("weightedAccuracy", 0.4), "0.40");
  assert.equal(formatMetric("p95TtftMs", 1234.5), "1235 ms");
  assert.equal(formatMetric("timeoutRate", null), "–");
});

Deno.test("thresholdRows() gives one run's verdicts in words, an unmeasured one as FAIL with why", () => {
  const verdicts: PolicyVerdict[] = [{
    model: "m",
    variant: "plain",
    ok: false,
    checks: [check("passRate", "min", 0.6, 0.66), check("passHatK@3", "min", 0.8, null)],
  }];
  assert.deepEqual(thresholdRows([verdicts]), [
    {
      model: "m",
      variant: "plain",
      metric: "pass rate",
      limit: "≥ 60%",
      value: "66%",
      verdict: "ok",
    },
    {
      model: "m",
      variant: "plain",
      metric: "pass^3",
      limit: "≥ 80%",
      value: "–",
      verdict: "FAIL (needs at least 3 samples per task)",
    },
  ]);
});

Deno.test("thresholdRows() puts several runs side by side, a language column when mixed", () => {
  const a: PolicyVerdict[] = [{
    model: "m",
    variant: "plain",
    language: "py",
    ok: true,
    checks: [check("p95TotalMs", "max", 60000, 580)],
  }];
  const b: PolicyVerdict[] = [{
    model: "m",
    variant: "plain",
    language: "py",
    ok: false,
    checks: [check("p95TotalMs", "max", 60000, 70000)],
  }];
  assert.deepEqual(thresholdRows([a, b], ["A", "B"]), [{
    model: "m",
    variant: "plain",
    language: "py",
    metric: "total p95",
    limit: "≤ 60000 ms",
    "value A": "580 ms",
    "verdict A": "ok",
    "value B": "70000 ms",
    "verdict B": "FAIL",
  }]);
});
