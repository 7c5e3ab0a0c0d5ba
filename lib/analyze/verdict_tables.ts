/**
 * Stability and acceptable-risk results as arquero tables, ready for
 * `tableHTML` in a notebook or report.
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { ResultRecord } from "../record/result.ts";
import type { PolicyVerdict } from "../score/policy.ts";
import { stabilityByTask, summarizeStability } from "../score/stability.ts";
import { FailureCategory } from "../record/failure.ts";

/**
 * pass@k, pass^k and consistency per model × variant, one column per k.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { failureTable, policyTable, stabilityTable } from "./verdict_tables.ts";
 * assert.deepEqual(stabilityTable({ results: [] }, [1, 3]).columnNames().slice(0, 3), ["model", "variant", "tasks"]);
 * assert.equal(policyTable([]).numRows(), 0);
 * assert.equal(failureTable({ results: [] }).numRows(), 0);
 * ```
 */
export function stabilityTable(
  run: { results: readonly ResultRecord[] },
  ks: readonly number[] = [1, 3, 5],
): ColumnTable {
  const rows = summarizeStability(stabilityByTask(run.results, ks), ks).map((s) => ({
    model: s.model,
    variant: s.variant,
    tasks: s.tasks,
    ...Object.fromEntries(ks.map((k) => [`pass@${k}`, s.passAtK[k]])),
    ...Object.fromEntries(ks.map((k) => [`pass^${k}`, s.passHatK[k]])),
    consistency: s.consistency,
  }));
  const columns = [
    "model",
    "variant",
    "tasks",
    ...ks.map((k) => `pass@${k}`),
    ...ks.map((k) => `pass^${k}`),
    "consistency",
  ];
  return rows.length
    ? aq.from(rows, columns)
    : aq.table(Object.fromEntries(columns.map((c) => [c, []])));
}

/** One row per threshold check: model, variant, metric, measured value, limit, ok. */
export function policyTable(verdicts: readonly PolicyVerdict[]): ColumnTable {
  const rows = verdicts.flatMap((v) =>
    v.checks.map((c) => ({
      model: v.model,
      variant: v.variant,
      metric: c.metric,
      value: c.value,
      limit: `${c.bound} ${c.limit}`,
      verdict: c.ok ? "ok" : c.value === null ? `FAIL (${c.note})` : "FAIL",
    }))
  );
  const columns = ["model", "variant", "metric", "value", "limit", "verdict"];
  return rows.length
    ? aq.from(rows, columns)
    : aq.table(Object.fromEntries(columns.map((c) => [c, []])));
}

/**
 * Failed samples per primary failure category, one row per model × variant,
 * one column per category (in precedence order), plus the share classified.
 */
export function failureTable(run: { results: readonly ResultRecord[] }): ColumnTable {
  const groups = new Map<string, Record<string, string | number>>();
  for (const r of run.results) {
    const key = JSON.stringify([r.model, r.variant]);
    const row = groups.get(key) ?? { model: r.model, variant: r.variant, samples: 0, failed: 0 };
    row.samples = Number(row.samples) + 1;
    if (!r.passed) {
      row.failed = Number(row.failed) + 1;
      const c = r.failure?.category ?? "unclassified";
      row[c] = Number(row[c] ?? 0) + 1;
    }
    groups.set(key, row);
  }
  const categories = [...FailureCategory.options, "unclassified"].filter((c) =>
    [...groups.values()].some((row) => row[c] !== undefined)
  );
  const columns = ["model", "variant", "samples", "failed", ...categories];
  const rows = [...groups.values()].map((row) =>
    Object.fromEntries(columns.map((c) => [c, row[c] ?? 0]))
  );
  return rows.length
    ? aq.from(rows, columns)
    : aq.table(Object.fromEntries(columns.map((c) => [c, []])));
}
