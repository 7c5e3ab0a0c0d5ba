/**
 * The percentile bootstrap of a mean, seeded (the same input gives the same interval).
 *
 * @module
 */
import { rng } from "../task/hash.ts";

/** Options for {@link bootstrapMean}. */
export interface BootstrapOptions {
  /** Bootstrap resamples. @default 2000 */
  resamples?: number;
  /** Confidence level. @default 0.95 */
  confidence?: number;
  /** Seed of the resampling (deterministic). @default 1 */
  seed?: number;
}

/**
 * The mean of `values` and its percentile bootstrap confidence interval: `resamples` means of
 * samples drawn with replacement (same size as `values`), sorted; `low` and `high` are the
 * `(1 − confidence)/2` and `(1 + confidence)/2` quantiles (nearest rank, floor). NaN for no values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bootstrapMean } from "./bootstrap.ts";
 * const ci = bootstrapMean([-1, -1, -1, 0, 0, -1], { seed: 3 });
 * assert(ci.low <= ci.mean && ci.mean <= ci.high && ci.high <= 0);
 * assert.deepEqual(bootstrapMean([0.5, 0.5]), { mean: 0.5, low: 0.5, high: 0.5 });
 * ```
 *
 * @param values The sample (e.g. per-task differences).
 * @param options Resamples, confidence level, seed.
 * @returns The mean and the interval.
 */
export function bootstrapMean(
  values: readonly number[],
  options: BootstrapOptions = {},
): { mean: number; low: number; high: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, low: NaN, high: NaN };
  const resamples = options.resamples ?? 2000;
  const alpha = (1 - (options.confidence ?? 0.95)) / 2;
  const random = rng(options.seed ?? 1);
  const boot: number[] = [];
  for (let i = 0; i < resamples; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += values[Math.floor(random() * n)];
    boot.push(s / n);
  }
  boot.sort((p, q) => p - q);
  const at = (q: number) =>
    boot[Math.min(boot.length - 1, Math.max(0, Math.floor(q * boot.length)))];
  return { mean: values.reduce((a, b) => a + b, 0) / n, low: at(alpha), high: at(1 - alpha) };
}
