/**
 * Choosing and numbering the samples of a row: a seeded subset for quick runs (`--limit N`), and
 * each task's sample indices 0, 1, … in file order (what the replay provider serves). Pure.
 *
 * @module
 */

/**
 * `n` items chosen with a seeded generator (mulberry32), in their original order; all of them
 * when `n` is undefined or not smaller.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seededSubset } from "./sampling.ts";
 * const items = Array.from({ length: 100 }, (_, i) => i);
 * const some = seededSubset(items, 10, 7);
 * assert.equal(some.length, 10);
 * assert.deepEqual(some, [...some].sort((a, b) => a - b));
 * assert.deepEqual(seededSubset(items, 10, 7), some);
 * assert.equal(seededSubset(items, undefined, 7), items);
 * ```
 */
export function seededSubset<T>(items: readonly T[], n: number | undefined, seed: number): T[] {
  if (n === undefined || n >= items.length) return items as T[];
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const indices = items.map((_, i) => i);
  for (let i = indices.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indices[i], indices[j]] = [indices[j], indices[i]];
  }
  return indices.slice(0, n).sort((a, b) => a - b).map((i) => items[i]);
}

/**
 * Give each item its sample index within its task, in order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { numberSamples } from "./sampling.ts";
 * const out = numberSamples([{ task: "a" }, { task: "b" }, { task: "a" }]);
 * assert.deepEqual(out.map((x) => x.sample), [0, 0, 1]);
 * ```
 */
export function numberSamples<T extends { task: string }>(items: readonly T[]): (T & {
  sample: number;
})[] {
  const next = new Map<string, number>();
  return items.map((item) => {
    const sample = next.get(item.task) ?? 0;
    next.set(item.task, sample + 1);
    return { ...item, sample };
  });
}
