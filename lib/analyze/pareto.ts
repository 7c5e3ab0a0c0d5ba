/**
 * Accuracy against latency: the Pareto frontier over model × variant, and
 * the most accurate choice within a latency budget (for interactive use).
 *
 * @module
 */

/** A point to compare: any row with a latency and an accuracy. */
export interface TradeoffPoint {
  /** Lower is better (ms). */
  latency: number | null;
  /** Higher is better. */
  accuracy: number | null;
}

/**
 * The points no other point beats on both latency (lower) and accuracy
 * (higher), sorted by latency. Points with a missing value are left out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bestUnderBudget, paretoFrontier } from "./pareto.ts";
 * const pts = [{ id: "a", latency: 100, accuracy: 0.5 }, { id: "b", latency: 200, accuracy: 0.9 }, { id: "c", latency: 300, accuracy: 0.8 }];
 * assert.deepEqual(paretoFrontier(pts).map((p) => p.id), ["a", "b"]);
 * assert.equal(bestUnderBudget(pts, 150)?.id, "a");
 * ```
 */
export function paretoFrontier<T extends TradeoffPoint>(points: readonly T[]): T[] {
  const valid = points.filter((p) => p.latency !== null && p.accuracy !== null);
  const sorted = [...valid].sort((a, b) => a.latency! - b.latency! || b.accuracy! - a.accuracy!);
  const out: T[] = [];
  let best = -Infinity;
  for (const p of sorted) {
    if (p.accuracy! > best) {
      out.push(p);
      best = p.accuracy!;
    }
  }
  return out;
}

/** The most accurate point whose latency is within the budget (ties: the faster), or null. */
export function bestUnderBudget<T extends TradeoffPoint>(
  points: readonly T[],
  budgetMs: number,
): T | null {
  const within = paretoFrontier(points).filter((p) => p.latency! <= budgetMs);
  return within.at(-1) ?? null;
}
