/**
 * A pool's statistics over a span of its life: what it did since a snapshot (e.g. the samples of
 * a run without the reference timings that ran before them in the same pool).
 *
 * @module
 */
import type { PoolStats } from "./pool.ts";

/** `now[k] - before[k]` for every key, dropping keys that end at zero. */
function since(now: Record<string, number>, before: Record<string, number> = {}) {
  const out: Record<string, number> = {};
  for (const [k, n] of Object.entries(now)) {
    const d = n - (before[k] ?? 0);
    if (d > 0) out[k] = d;
  }
  return out;
}

/**
 * What a pool did between the snapshot `before` and `now` (both from `pool.stats()`); `now` when
 * there is no snapshot.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { poolStatsSince } from "./pool_stats.ts";
 * const before = { pooled: 7, strict: { "uses Deno": 1 }, timeouts: 0, hostsStarted: 2, contaminated: 0 };
 * const now = { pooled: 359, strict: { "uses Deno": 3, "host died": 1 }, timeouts: 2, hostsStarted: 3, contaminated: 1 };
 * assert.deepEqual(poolStatsSince(now, before), {
 *   pooled: 352, strict: { "uses Deno": 2, "host died": 1 }, timeouts: 2, hostsStarted: 1, contaminated: 1,
 * });
 * ```
 */
export function poolStatsSince(now: PoolStats, before?: PoolStats): PoolStats {
  if (before === undefined) return now;
  const out: PoolStats = {
    pooled: now.pooled - before.pooled,
    strict: since(now.strict, before.strict),
    timeouts: now.timeouts - before.timeouts,
    hostsStarted: now.hostsStarted - before.hostsStarted,
    contaminated: now.contaminated - before.contaminated,
  };
  const recycled = since(now.recycled ?? {}, before.recycled);
  if (Object.keys(recycled).length) out.recycled = recycled;
  // The graphs first needed (or needed otherwise) since the snapshot.
  const graphs = Object.entries(now.packageGraphs ?? {})
    .filter(([k, v]) => before.packageGraphs?.[k] !== v);
  if (graphs.length) out.packageGraphs = Object.fromEntries(graphs);
  return out;
}
