import assert from "node:assert/strict";
import { mergeIntervals } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "merges an overlapping pair": () => {
    assert.deepEqual(mergeIntervals([[1, 4], [2, 6]]), [[1, 6]]);
  },
  "keeps disjoint intervals apart": () => {
    assert.deepEqual(mergeIntervals([[1, 2], [3, 4], [6, 9]]), [[1, 2], [3, 4], [6, 9]]);
  },
  "merges a chain of overlaps": () => {
    assert.deepEqual(mergeIntervals([[1, 3], [2, 5], [4, 8], [10, 12]]), [[1, 8], [10, 12]]);
  },
  "sorts unsorted input by start": () => {
    const result = mergeIntervals([[8, 10], [1, 3], [15, 18], [2, 6]]);
    assert.deepEqual(result, [[1, 6], [8, 10], [15, 18]]);
  },
  "merges intervals that only touch": () => {
    assert.deepEqual(mergeIntervals([[1, 3], [3, 5]]), [[1, 5]]);
    assert.deepEqual(mergeIntervals([[5, 7], [1, 5]]), [[1, 7]]);
  },
  "absorbs a contained interval": () => {
    assert.deepEqual(mergeIntervals([[1, 10], [2, 3], [4, 5]]), [[1, 10]]);
    assert.deepEqual(mergeIntervals([[1, 10], [2, 3], [11, 12]]), [[1, 10], [11, 12]]);
  },
  "returns an empty array for empty input": () => {
    assert.deepEqual(mergeIntervals([]), []);
  },
  "handles negative coordinates": () => {
    assert.deepEqual(mergeIntervals([[-5, -2], [-3, 0], [-10, -8]]), [[-10, -8], [-5, 0]]);
  },
  "handles zero-length intervals": () => {
    assert.deepEqual(mergeIntervals([[2, 2], [2, 2], [4, 4]]), [[2, 2], [4, 4]]);
    assert.deepEqual(mergeIntervals([[3, 3], [1, 3]]), [[1, 3]]);
  },
  "does not mutate the input": () => {
    const input: Array<[number, number]> = [[5, 6], [1, 3], [2, 4]];
    const result = mergeIntervals(input);
    assert.deepEqual(input, [[5, 6], [1, 3], [2, 4]]);
    assert.deepEqual(result, [[1, 4], [5, 6]]);
    assert.notEqual(result[1], input[0]);
  },
  "throws on a reversed interval": () => {
    assert.throws(() => mergeIntervals([[1, 2], [5, 3]]), RangeError);
    assert.throws(() => mergeIntervals([[0, -1]]), RangeError);
  },
};
