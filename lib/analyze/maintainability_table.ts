/**
 * Maintainability of a run's generated code, per sample and compared across models: computed on
 * demand from the generations' code ({@link maintainability}: syntax-tree metrics plus one
 * batched `deno lint`), so every run — old ones included — has it.
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { type GenerationRecord } from "../record/generation.ts";
import { type ResultRecord } from "../record/result.ts";
import { sampleKey } from "../record/sample_key.ts";
import { type Maintainability, maintainability } from "../score/maintainability.ts";
import { percentile } from "./summary.ts";

/** One sample with code, and its metrics. */
export interface MaintainabilityRow extends Maintainability {
  task: string;
  model: string;
  variant: string;
  sample: number;
  /** Whether the sample passed every case; null without a result. */
  passed: boolean | null;
}

/** Options for {@link maintainabilityRows} and {@link maintainabilityTable}. */
export interface MaintainabilityTableOptions {
  /** Run `deno lint` (one process for the run). @default true */
  lint?: boolean;
  /** Which samples: all with code, or only those that passed every case. @default "all" */
  samples?: "all" | "passed";
  /** TypeScript or JavaScript. @default "ts" */
  language?: "ts" | "js";
}

type RunRecords = { generations: readonly GenerationRecord[]; results: readonly ResultRecord[] };

/** The metrics compared by {@link maintainabilityTable}, in column order. */
export const MAINTAINABILITY_METRICS = [
  "lines",
  "complexity",
  "maxComplexity",
  "maxNesting",
  "anyCount",
  "lintFindings",
] as const;

/**
 * The maintainability metrics of every sample with code (generations with code and no error), in
 * generation order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { maintainabilityRows } from "./maintainability_table.ts";
 * const g = { task: "t", model: "m", variant: "plain", sample: 0, code: "export const f = (x: any) => x || 1;", error: null } as never;
 * const [row] = await maintainabilityRows({ generations: [g], results: [] }, { lint: false });
 * assert.deepEqual([row.complexity, row.anyCount, row.lintFindings, row.passed], [2, 1, null, null]);
 * ```
 *
 * @param run The run's generations and results.
 * @param options Lint on or off, which samples, the language.
 * @returns One row per sample with code.
 */
export async function maintainabilityRows(
  run: RunRecords,
  options: MaintainabilityTableOptions = {},
): Promise<MaintainabilityRow[]> {
  const passed = new Map(run.results.map((r) => [sampleKey(r), r.passed]));
  const withCode = run.generations.filter((g) =>
    g.code !== null && g.code.trim() !== "" && g.error === null &&
    (options.samples !== "passed" || passed.get(sampleKey(g)) === true)
  );
  const metrics = await maintainability(
    withCode.map((g) => ({ id: sampleKey(g), code: g.code!, language: options.language })),
    { lint: options.lint },
  );
  return withCode.map((g) => ({
    task: g.task,
    model: g.model,
    variant: g.variant,
    sample: g.sample,
    passed: passed.get(sampleKey(g)) ?? null,
    ...metrics.get(sampleKey(g))!,
  }));
}

/**
 * Maintainability compared across models: one row per model × variant (first-appearance order)
 * with the number of samples with code, the median (`<metric>P50`) and 90th percentile
 * (`<metric>P90`) of each of {@link MAINTAINABILITY_METRICS}, the share of linted samples with at
 * least one lint finding (`withFindings`) and the most frequent lint rules
 * (`topRules`, `rule×count`, at most 3).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { maintainabilityTable } from "./maintainability_table.ts";
 * const g = (model: string, code: string) => ({ task: "t", model, variant: "plain", sample: 0, code, error: null }) as never;
 * const table = await maintainabilityTable({
 *   generations: [g("a", "export const f = (x: number) => x;"), g("b", "export const f = (x: any) => x ? 1 : 2;")],
 *   results: [],
 * }, { lint: false });
 * assert.deepEqual(table.array("complexityP50"), [1, 2]);
 * assert.deepEqual(table.array("anyCountP90"), [0, 1]);
 * ```
 *
 * @param run The run's generations and results.
 * @param options Lint on or off, which samples, the language.
 * @returns The table.
 */
export async function maintainabilityTable(
  run: RunRecords,
  options: MaintainabilityTableOptions = {},
): Promise<ColumnTable> {
  const rows = await maintainabilityRows(run, options);
  const groups = new Map<string, MaintainabilityRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.model, r.variant]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const columns = [
    "model",
    "variant",
    "samples",
    ...MAINTAINABILITY_METRICS.flatMap((m) => [`${m}P50`, `${m}P90`]),
    "withFindings",
    "topRules",
  ];
  const out = [...groups.values()].map((rs) => {
    const row: Record<string, string | number | null> = {
      model: rs[0].model,
      variant: rs[0].variant,
      samples: rs.length,
    };
    for (const m of MAINTAINABILITY_METRICS) {
      const values = rs.flatMap((r) => r[m] ?? []);
      row[`${m}P50`] = percentile(values, 0.5);
      row[`${m}P90`] = percentile(values, 0.9);
    }
    const linted = rs.filter((r) => r.lintFindings !== null);
    row.withFindings = linted.length
      ? linted.filter((r) => r.lintFindings! > 0).length / linted.length
      : null;
    const counts = new Map<string, number>();
    for (const r of rs) {
      for (const [rule, n] of Object.entries(r.lintRules)) {
        counts.set(rule, (counts.get(rule) ?? 0) + n);
      }
    }
    row.topRules = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3)
      .map(([rule, n]) => `${rule}×${n}`).join(", ");
    return row;
  });
  return out.length
    ? aq.from(out, columns)
    : aq.table(Object.fromEntries(columns.map((c) => [c, []])));
}
