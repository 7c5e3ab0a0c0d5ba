/**
 * Quantiles by linear interpolation (R type 7), for latency percentiles and policy thresholds.
 *
 * @module
 */

/**
 * The `p`-quantile of `values` (p in [0, 1]) by linear interpolation between
 * the closest ranks (R type 7, as in numpy's and d3's default). Non-finite
 * values are ignored; `null` when nothing is left.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { percentile } from "./percentile.ts";
 * assert(percentile([1, 2, 3, 4], 0.5) === 2.5);
 * assert(percentile([], 0.9) === null);
 * ```
 *
 * @param values The sample (not modified).
 * @param p The quantile, from 0 (the minimum) to 1 (the maximum).
 * @returns The interpolated quantile, or null for no data.
 * @throws {RangeError} When p is outside [0, 1].
 */
export function percentile(values: number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`Cannot compute percentile ${p}: p must be in [0, 1]`);
  }
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
