/**
 * The grouped summary in arquero: model × variant × category, from a table of flat sample rows
 * (`samplesTable()`-like columns plus `category`). `summaryFrame()` in `polars_frames.ts`
 * computes the same columns with polars; `./assay bench summaries` compares the two.
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";

/** The output columns of a grouped summary (arquero and polars alike), in order. */
export const GROUPED_SUMMARY_COLUMNS = [
  "model",
  "variant",
  "category",
  "samples",
  "passRate",
  "weightedAccuracy",
  "ttftP50",
  "ttftP95",
  "totalP50",
  "totalP95",
] as const;

/**
 * Summarise sample rows per model × variant × category (groups sorted by those three columns):
 *
 * - `samples`: rows with a result (`passed` not null);
 * - `passRate`: share of those with every case passed; `weightedAccuracy`: their mean;
 * - `ttftP50`/`ttftP95`, `totalP50`/`totalP95`: percentiles (linear interpolation, R type 7, as
 *   `percentile()`) of the latencies of generations neither cached nor failed
 *   (`cached` false, `generationError` null), in ms; null without any.
 *
 * Input columns: `model`, `variant`, `category`, `passed` (boolean or null),
 * `weightedAccuracy`, `ttftMs`, `totalMs`, `cached` (boolean or null), `generationError`
 * (string or null).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as aq from "arquero";
 * import { groupedSummaryTable } from "./grouped_summary.ts";
 * const rows = aq.table({
 *   model: ["m", "m", "m"], variant: ["plain", "plain", "plain"], category: ["strings", "strings", "strings"],
 *   passed: [true, false, null], weightedAccuracy: [1, -0.5, null],
 *   ttftMs: [10, 20, 30], totalMs: [100, 200, 300], cached: [false, true, false], generationError: [null, null, "boom"],
 * });
 * const [row] = groupedSummaryTable(rows).objects() as Record<string, unknown>[];
 * assert.deepEqual([row.samples, row.passRate, row.weightedAccuracy, row.totalP50], [2, 0.5, 0.25, 100]);
 * ```
 *
 * @param samples Flat sample rows as an arquero table.
 * @returns One row per model × variant × category.
 */
export function groupedSummaryTable(samples: ColumnTable): ColumnTable {
  if (samples.numRows() === 0) {
    return aq.table(Object.fromEntries(GROUPED_SUMMARY_COLUMNS.map((c) => [c, []])));
  }
  return samples
    .derive({
      // Nulls are skipped by arquero's aggregates: these columns hold only what each one counts.
      result: (d: Record<string, unknown>) => (d.passed === null ? null : d.passed ? 1 : 0),
      score: (d: Record<string, unknown>) => (d.passed === null ? null : d.weightedAccuracy),
      timedTtft: (d: Record<string, unknown>) =>
        d.cached === false && d.generationError === null ? d.ttftMs : null,
      timedTotal: (d: Record<string, unknown>) =>
        d.cached === false && d.generationError === null ? d.totalMs : null,
    })
    .groupby("model", "variant", "category")
    .rollup({
      samples: aq.op.valid("result"),
      passRate: aq.op.mean("result"),
      weightedAccuracy: aq.op.mean("score"),
      ttftP50: aq.op.quantile("timedTtft", 0.5),
      ttftP95: aq.op.quantile("timedTtft", 0.95),
      totalP50: aq.op.quantile("timedTotal", 0.5),
      totalP95: aq.op.quantile("timedTotal", 0.95),
    })
    .orderby("model", "variant", "category")
    .select([...GROUPED_SUMMARY_COLUMNS]);
}
