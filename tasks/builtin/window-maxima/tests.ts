import assert from "node:assert/strict";
import { windowMaxima } from "./solution.ts";

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

/** Window maxima computed another way (block prefix and suffix maxima), for the large input. */
function blockMaxima(values: readonly number[], k: number): number[] {
  const n = values.length;
  const prefix = new Float64Array(n);
  const suffix = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    prefix[i] = i % k === 0 ? values[i] : Math.max(prefix[i - 1], values[i]);
  }
  for (let i = n - 1; i >= 0; i--) {
    suffix[i] = i === n - 1 || (i + 1) % k === 0 ? values[i] : Math.max(suffix[i + 1], values[i]);
  }
  return Array.from({ length: n - k + 1 }, (_, i) => Math.max(suffix[i], prefix[i + k - 1]));
}

export const cases: Record<string, () => void | Promise<void>> = {
  "returns the maximum of every window": () => {
    assert.deepEqual(windowMaxima([1, 3, -1, -3, 5, 3, 6, 7], 3), [3, 3, 5, 5, 6, 7]);
  },
  "handles a decreasing sequence": () => {
    assert.deepEqual(windowMaxima([9, 8, 7, 6, 5], 2), [9, 8, 7, 6]);
  },
  "handles repeated maxima": () => {
    assert.deepEqual(windowMaxima([4, 4, 2, 4, 1, 1], 3), [4, 4, 4, 4]);
  },
  "handles negative numbers": () => {
    assert.deepEqual(windowMaxima([-7, -2, -9, -4, -8], 2), [-2, -2, -4, -4]);
  },
  "a window of 1 returns a copy of the values": () => {
    const input = [3, 1, 2];
    const result = windowMaxima(input, 1);
    assert.deepEqual(result, [3, 1, 2]);
    assert.notEqual(result, input);
    assert.deepEqual(windowMaxima([2, 1, 4, 0], 1), [2, 1, 4, 0]);
  },
  "a window as long as the input returns one maximum": () => {
    assert.deepEqual(windowMaxima([2, 9, 4], 3), [9]);
  },
  "a window longer than the input returns an empty array": () => {
    assert.deepEqual(windowMaxima([2, 9, 4], 4), []);
    assert.deepEqual(windowMaxima([], 1), []);
  },
  "throws a RangeError on an invalid window size": () => {
    for (const k of [0, -1, 1.5, NaN]) assert.throws(() => windowMaxima([1, 2, 3], k), RangeError);
  },
  "computes 200 000 windows of 100 000 in well under a second": () => {
    // Mostly decreasing: the maximum leaves almost every window, so rescanning costs n × k.
    const next = random(17);
    const values = Array.from({ length: 300_000 }, (_, i) => 2e6 - 5 * i + Math.floor(next() * 10));
    const result = windowMaxima(values, 100_000);
    const expected = blockMaxima(values, 100_000);
    assert.equal(result.length, 200_001);
    assert.ok(result.every((v, i) => v === expected[i]), "every window maximum matches");
  },
};
