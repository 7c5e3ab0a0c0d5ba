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

/** A result's language (records written before Python tasks are TypeScript's). */
const languageOf = (r: ResultRecord): string => r.language ?? "ts";

/** The languages of a run's results, in first-seen order. */
const languagesOf = (results: readonly ResultRecord[]): string[] => [
  ...new Set(results.map(languageOf)),
];

/**
 * pass@k, pass^k and consistency per model × variant (× language when the run mixes languages),
 * one column per k.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { failureTable, policyTable, stabilityTable } from "./verdict_tables.ts";
 * import type { ResultRecord } from "../record/result.ts";
 * assert.deepEqual(stabilityTable({ results: [] }, [1, 3]).columnNames().slice(0, 3), ["model", "variant", "tasks"]);
 * assert.equal(policyTable([]).numRows(), 0);
 * assert.equal(failureTable({ results: [] }).numRows(), 0);
 * // A run that mixes languages: a row per model × variant × language.
 * const result = (task: string, language: "ts" | "py") => ({
 *   task, model: "m", variant: "plain", sample: 0, language, passed: false, cases: [],
 *   failure: { category: "crash", secondary: [], evidence: [] },
 * }) as unknown as ResultRecord;
 * const mixed = { results: [result("a", "ts"), result("b", "py")] };
 * assert.deepEqual([failureTable(mixed).array("language"), failureTable(mixed).array("crash")], [["ts", "py"], [1, 1]]);
 * assert.deepEqual(stabilityTable(mixed, [1]).array("language"), ["ts", "py"]);
 * assert.deepEqual(policyTable([{ model: "m", variant: "plain", language: "py", ok: true, checks: [] }]).columnNames().slice(0, 3), ["model", "variant", "language"]);
 * ```
 */
export function stabilityTable(
  run: { results: readonly ResultRecord[] },
  ks: readonly number[] = [1, 3, 5],
): ColumnTable {
  // A run that mixes languages has a row per model × variant × language.
  const languages = languagesOf(run.results);
  const mixed = languages.length > 1;
  const rows = languages.flatMap((language) => {
    const results = mixed ? run.results.filter((r) => languageOf(r) === language) : run.results;
    return summarizeStability(stabilityByTask(results, ks), ks).map((s) => ({
      model: s.model,
      variant: s.variant,
      ...(mixed ? { language } : {}),
      tasks: s.tasks,
      ...Object.fromEntries(ks.map((k) => [`pass@${k}`, s.passAtK[k]])),
      ...Object.fromEntries(ks.map((k) => [`pass^${k}`, s.passHatK[k]])),
      consistency: s.consistency,
    }));
  });
  const columns = [
    "model",
    "variant",
    ...(mixed ? ["language"] : []),
    "tasks",
    ...ks.map((k) => `pass@${k}`),
    ...ks.map((k) => `pass^${k}`),
    "consistency",
  ];
  return rows.length
    ? aq.from(rows, columns)
    : aq.table(Object.fromEntries(columns.map((c) => [c, []])));
}

/**
 * One row per threshold check: model, variant (language, when the run mixes languages), metric,
 * measured value, limit, ok.
 */
export function policyTable(verdicts: readonly PolicyVerdict[]): ColumnTable {
  const mixed = verdicts.some((v) => v.language !== undefined);
  const rows = verdicts.flatMap((v) =>
    v.checks.map((c) => ({
      model: v.model,
      variant: v.variant,
      ...(mixed ? { language: v.language ?? "" } : {}),
      metric: c.metric,
      value: c.value,
      limit: `${c.bound} ${c.limit}`,
      verdict: c.ok ? "ok" : c.value === null ? `FAIL (${c.note})` : "FAIL",
    }))
  );
  const columns = [
    "model",
    "variant",
    ...(mixed ? ["language"] : []),
    "metric",
    "value",
    "limit",
    "verdict",
  ];
  return rows.length
    ? aq.from(rows, columns)
    : aq.table(Object.fromEntries(columns.map((c) => [c, []])));
}

/**
 * Failed samples per primary failure category, one row per model × variant (× language when the
 * run mixes languages), one column per category (in precedence order), plus the share classified.
 */
export function failureTable(run: { results: readonly ResultRecord[] }): ColumnTable {
  const mixed = languagesOf(run.results).length > 1;
  const groups = new Map<string, Record<string, string | number>>();
  for (const r of run.results) {
    const language = mixed ? languageOf(r) : undefined;
    const key = JSON.stringify([r.model, r.variant, language]);
    const row = groups.get(key) ??
      {
        model: r.model,
        variant: r.variant,
        ...(language === undefined ? {} : { language }),
        samples: 0,
        failed: 0,
      };
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
  const columns = [
    "model",
    "variant",
    ...(mixed ? ["language"] : []),
    "samples",
    "failed",
    ...categories,
  ];
  const rows = [...groups.values()].map((row) =>
    Object.fromEntries(columns.map((c) => [c, row[c] ?? 0]))
  );
  return rows.length
    ? aq.from(rows, columns)
    : aq.table(Object.fromEntries(columns.map((c) => [c, []])));
}
