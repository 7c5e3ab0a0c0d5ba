/**
 * The acceptable-risk verdicts as rows for a published table: metrics in
 * words, each value in its metric's format (rates as percentages, weighted
 * accuracy with 2 decimals, times in ms), one run's or several side by side.
 *
 * @module
 */
import type { PolicyVerdict } from "../score/policy.ts";
import { metricLabel } from "./column_label.ts";
import { formatFixed, formatPercent } from "./number_format.ts";

/**
 * A threshold's value in its metric's format: shares as percentages,
 * weighted accuracy with 2 decimals, latencies as whole ms; null as "–".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatMetric } from "./threshold_rows.ts";
 * assert.equal(formatMetric("passRate", 0.6), "60%");
 * assert.equal(formatMetric("weightedAccuracy", -0.061), "−0.06");
 * assert.equal(formatMetric("p95TotalMs", 60000), "60000 ms");
 * assert.equal(formatMetric("passHatK@3", null), "–");
 * ```
 *
 * @param metric The threshold's name (`passRate`, `passHatK@3`, `p95TotalMs`…).
 * @param value The value.
 * @returns The text.
 */
export function formatMetric(metric: string, value: number | null): string {
  if (value === null) return "–";
  if (metric === "weightedAccuracy") return formatFixed(value, 2);
  if (/Ms$/.test(metric)) return `${formatFixed(value, 0)} ms`;
  return formatPercent(value)!;
}

/**
 * One row per model × variant (× language) × threshold: the metric in words,
 * the limit (`≥ 60%`, `≤ 60000 ms`), and for each run its measured value and
 * verdict (`ok`, `FAIL`, `FAIL (why it was not measured)`); with one run the
 * columns are `value` and `verdict`, with several `value A`, `verdict A`…
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { thresholdRows } from "./threshold_rows.ts";
 * const check = { metric: "passRate", bound: "min" as const, limit: 0.6, value: 0.5, ok: false, note: "" };
 * const verdicts = [{ model: "m", variant: "plain", ok: false, checks: [check] }];
 * assert.deepEqual(thresholdRows([verdicts]), [
 *   { model: "m", variant: "plain", metric: "pass rate", limit: "≥ 60%", value: "50%", verdict: "FAIL" },
 * ]);
 * assert.deepEqual(Object.keys(thresholdRows([verdicts, verdicts], ["A", "B"])[0]).slice(4), ["value A", "verdict A", "value B", "verdict B"]);
 * ```
 *
 * @param verdictsByRun Each run's verdicts (`judgeRun()`), the baseline first.
 * @param labels The runs' labels (needed with several runs). @default none
 * @returns The rows.
 */
export function thresholdRows(
  verdictsByRun: readonly (readonly PolicyVerdict[])[],
  labels: readonly string[] = [],
): Record<string, string>[] {
  const several = verdictsByRun.length > 1;
  const suffix = (i: number) => (several ? ` ${labels[i] ?? String(i + 1)}` : "");
  const mixed = verdictsByRun.some((vs) => vs.some((v) => v.language !== undefined));
  const rows = new Map<string, Record<string, string>>();
  verdictsByRun.forEach((vs, i) => {
    for (const v of vs) {
      for (const c of v.checks) {
        const key = JSON.stringify([v.model, v.variant, v.language, c.metric]);
        const row = rows.get(key) ?? {
          model: v.model,
          variant: v.variant,
          ...(mixed ? { language: v.language ?? "" } : {}),
          metric: metricLabel(c.metric),
          limit: `${c.bound === "min" ? "≥" : "≤"} ${formatMetric(c.metric, c.limit)}`,
        };
        row[`value${suffix(i)}`] = formatMetric(c.metric, c.value);
        row[`verdict${suffix(i)}`] = c.ok ? "ok" : c.value === null ? `FAIL (${c.note})` : "FAIL";
        rows.set(key, row);
      }
    }
  });
  // Every row has every run's columns (a dash where a run has no such threshold).
  const columns = verdictsByRun.flatMap((_, i) => [`value${suffix(i)}`, `verdict${suffix(i)}`]);
  return [...rows.values()].map((row) => ({
    ...row,
    ...Object.fromEntries(columns.map((c) => [c, row[c] ?? "–"])),
  }));
}
