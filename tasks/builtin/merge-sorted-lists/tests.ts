import assert from "node:assert/strict";
import { mergeSortedLists } from "./solution.ts";

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

export const cases: Record<string, () => void | Promise<void>> = {
  "merges three sorted lists": () => {
    assert.deepEqual(mergeSortedLists([[1, 4, 7], [2, 5, 8], [3, 6, 9]]), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  },
  "merges lists of different lengths": () => {
    assert.deepEqual(mergeSortedLists([[1, 10], [2, 3, 4, 5, 6], [0]]), [0, 1, 2, 3, 4, 5, 6, 10]);
  },
  "keeps duplicates across lists": () => {
    assert.deepEqual(mergeSortedLists([[1, 2, 2], [2, 3], [1]]), [1, 1, 2, 2, 2, 3]);
  },
  "handles negative and fractional numbers": () => {
    assert.deepEqual(mergeSortedLists([[-5, -1.5, 0], [-2, 0.5]]), [-5, -2, -1.5, 0, 0.5]);
  },
  "returns an empty array for no lists or only empty lists": () => {
    assert.deepEqual(mergeSortedLists([]), []);
    assert.deepEqual(mergeSortedLists([[], [], []]), []);
  },
  "skips empty lists among others": () => {
    assert.deepEqual(mergeSortedLists([[], [3, 4], [], [1], []]), [1, 3, 4]);
  },
  "returns a copy of a single list": () => {
    const only = [1, 2, 3];
    const result = mergeSortedLists([only]);
    assert.deepEqual(result, [1, 2, 3]);
    assert.notEqual(result, only);
  },
  "does not mutate the input lists": () => {
    const lists = [[5, 9], [1, 7], [3]];
    assert.deepEqual(mergeSortedLists(lists), [1, 3, 5, 7, 9]);
    assert.deepEqual(lists, [[5, 9], [1, 7], [3]]);
  },
  "merges 50 000 lists of 200 000 numbers in well under a second": () => {
    const next = random(13);
    const lists: number[][] = [];
    for (let i = 0; i < 50_000; i++) {
      const length = Math.floor(next() * 9); // 0..8, 4 on average
      lists.push(Array.from({ length }, () => Math.floor(next() * 1e6)).sort((a, b) => a - b));
    }
    const expected = Float64Array.from(lists.flat()).sort();
    const result = mergeSortedLists(lists);
    assert.equal(result.length, expected.length);
    assert.ok(result.every((v, i) => v === expected[i]), "ascending, every number once");
  },
};
