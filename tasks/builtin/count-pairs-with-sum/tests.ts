import assert from "node:assert/strict";
import { countPairsWithSum } from "./solution.ts";

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

/** Pairs counted another way (a histogram over a known value range), for the large input. */
function histogramPairs(values: readonly number[], target: number, min: number, max: number) {
  const freq = new Float64Array(max - min + 1);
  for (const v of values) freq[v - min]++;
  let pairs = 0;
  for (let v = min; v <= max; v++) {
    const w = target - v;
    if (w < v || w > max) continue;
    pairs += w === v ? (freq[v - min] * (freq[v - min] - 1)) / 2 : freq[v - min] * freq[w - min];
  }
  return pairs;
}

export const cases: Record<string, () => void | Promise<void>> = {
  "counts the pairs that add up to the target": () => {
    assert.equal(countPairsWithSum([1, 5, 7, -1], 6), 2);
    assert.equal(countPairsWithSum([1, 2, 3, 4, 5], 9), 1);
  },
  "counts a value once per partner index": () => {
    assert.equal(countPairsWithSum([1, 5, 7, -1, 5], 6), 3);
  },
  "returns 0 when no pair matches": () => {
    assert.equal(countPairsWithSum([1, 2, 3], 100), 0);
  },
  "handles negative values and targets": () => {
    assert.equal(countPairsWithSum([-4, -1, 2, -3, 0, 1], -3), 2);
  },
  "does not pair an element with itself": () => {
    assert.equal(countPairsWithSum([3], 6), 0);
    assert.equal(countPairsWithSum([3, 4], 6), 0);
  },
  "counts pairs of equal values": () => {
    assert.equal(countPairsWithSum([3, 3, 3], 6), 3);
    assert.equal(countPairsWithSum([0, 0, 0, 0], 0), 6);
  },
  "returns 0 for an empty array": () => {
    assert.equal(countPairsWithSum([], 0), 0);
  },
  "does not mutate the input": () => {
    const input = [4, 2, 2, 0];
    assert.equal(countPairsWithSum(input, 4), 2);
    assert.deepEqual(input, [4, 2, 2, 0]);
  },
  "counts pairs among 300 000 values in well under a second": () => {
    const next = random(5);
    const values = Array.from({ length: 300_000 }, () => Math.floor(next() * 2001) - 1000);
    assert.equal(countPairsWithSum(values, 17), histogramPairs(values, 17, -1000, 1000));
    assert.equal(countPairsWithSum(values, 0), histogramPairs(values, 0, -1000, 1000));
  },
};
