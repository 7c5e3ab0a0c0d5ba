import assert from "node:assert/strict";
import { countInversions } from "./solution.ts";

/** A seeded PRNG (mulberry32): the same input on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inversions counted another way (a Fenwick tree over value ranks), for the large input. */
function fenwickInversions(values: readonly number[]): number {
  const ranks = new Map([...new Set(values)].sort((a, b) => a - b).map((v, i) => [v, i + 1]));
  const tree = new Float64Array(ranks.size + 1);
  let count = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    const r = ranks.get(values[i])!;
    for (let k = r - 1; k > 0; k -= k & -k) count += tree[k];
    for (let k = r; k <= ranks.size; k += k & -k) tree[k]++;
  }
  return count;
}

export const cases: Record<string, () => void | Promise<void>> = {
  "counts the inversions of a small array": () => {
    assert.equal(countInversions([2, 4, 1, 3, 5]), 3);
    assert.equal(countInversions([1, 20, 6, 4, 5]), 5);
  },
  "returns 0 for a sorted array": () => {
    assert.equal(countInversions([1, 2, 3, 4, 5, 6, 7, 8]), 0);
  },
  "counts every pair of a reversed array": () => {
    assert.equal(countInversions([5, 4, 3, 2, 1]), 10);
    assert.equal(countInversions([9, 7, 5, 3, 2, 1]), 15);
  },
  "handles negative and fractional values": () => {
    assert.equal(countInversions([-1, -3, 2.5, 2, -10]), 6);
  },
  "counts an odd-length unsorted array": () => {
    assert.equal(countInversions([3, 1, 2, 9, 8, 7, 0]), 11);
  },
  "returns 0 for an empty array and a single value": () => {
    assert.equal(countInversions([]), 0);
    assert.equal(countInversions([42]), 0);
  },
  "equal values are not inversions": () => {
    assert.equal(countInversions([2, 2, 2, 2]), 0);
    assert.equal(countInversions([3, 1, 1]), 2);
    assert.equal(countInversions([1, 3, 2, 3, 1]), 4);
  },
  "does not mutate the input": () => {
    const input = [4, 3, 2, 1];
    assert.equal(countInversions(input), 6);
    assert.deepEqual(input, [4, 3, 2, 1]);
  },
  "counts 200 000 values in well under a second": () => {
    const next = random(7);
    const values = Array.from({ length: 200_000 }, () => Math.floor(next() * 20_001) - 10_000);
    assert.equal(countInversions(values), fenwickInversions(values));
    const reversed = Array.from({ length: 100_000 }, (_, i) => 100_000 - i);
    assert.equal(countInversions(reversed), 4_999_950_000);
  },
};
