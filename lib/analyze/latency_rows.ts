/**
 * Latency per model × variant at chosen percentiles: the numbers behind the latency notebook's
 * tables, defined once (over generations neither cached nor failed, as `summarize()`).
 *
 * @module
 */
import type { GenerationRecord } from "../record/generation.ts";
import { percentile } from "../score/percentile.ts";

/** One model × variant. */
export interface LatencyRow {
  model: string;
  variant: string;
  /** Generations timed: neither cached nor failed (the denominator of every percentile). */
  n: number;
  /** Generations served from the cache (not timed). */
  cached: number;
  /** Retries over every uncached generation, and the time they took, ms. */
  retries: number;
  retryMs: number;
  /** Time to first token at each of the percentiles asked for, ms (null: no timed value). */
  ttftMs: (number | null)[];
  /** Total generation time at each percentile, ms. */
  totalMs: (number | null)[];
  /** Median streaming speed, output tokens per second. */
  tokensPerSecP50: number | null;
  /** Mean output tokens per timed generation that reports them. */
  tokensOutMean: number | null;
}

/**
 * Latency per model × variant, in first-appearance order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { latencyRows } from "./latency_rows.ts";
 * const g = (totalMs: number, cached = false) =>
 *   ({ model: "m", variant: "plain", cached, error: null, retries: 0, retryMs: 0, ttftMs: totalMs / 2, totalMs, tokensPerSec: 10, tokensOut: 20 });
 * const [row] = latencyRows([g(100), g(200), g(300), g(50, true)] as never, [0.5]);
 * assert.deepEqual([row.n, row.cached, row.totalMs, row.ttftMs, row.tokensOutMean], [3, 1, [200], [100], 20]);
 * ```
 *
 * @param generations The run's generations.
 * @param percentiles The percentiles, in (0, 1] (linear interpolation, as `percentile()`).
 * @returns One row per model × variant.
 */
export function latencyRows(
  generations: readonly GenerationRecord[],
  percentiles: readonly number[] = [0.5, 0.9, 0.99],
): LatencyRow[] {
  const groups = new Map<string, GenerationRecord[]>();
  for (const g of generations) {
    const key = JSON.stringify([g.model, g.variant]);
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  return [...groups].map(([key, gens]) => {
    const [model, variant] = JSON.parse(key) as [string, string];
    const timed = gens.filter((g) => !g.cached && g.error === null);
    const values = (pick: (g: GenerationRecord) => number | null | undefined) =>
      timed.map(pick).filter((v): v is number => typeof v === "number");
    const at = (xs: number[]) => percentiles.map((p) => percentile(xs, p));
    const tokens = values((g) => g.tokensOut);
    return {
      model,
      variant,
      n: timed.length,
      cached: gens.filter((g) => g.cached).length,
      retries: gens.reduce((s, g) => s + g.retries, 0),
      retryMs: gens.reduce((s, g) => s + (g.cached ? 0 : g.retryMs), 0),
      ttftMs: at(values((g) => g.ttftMs)),
      totalMs: at(values((g) => g.totalMs)),
      tokensPerSecP50: percentile(values((g) => g.tokensPerSec), 0.5),
      tokensOutMean: tokens.length ? tokens.reduce((s, v) => s + v, 0) / tokens.length : null,
    };
  });
}
