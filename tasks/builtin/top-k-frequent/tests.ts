import assert from "node:assert/strict";
import { topKFrequent } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "returns the most frequent words first": () => {
    const words = ["b", "a", "c", "a", "b", "a"];
    assert.deepEqual(topKFrequent(words, 2), ["a", "b"]);
    assert.deepEqual(topKFrequent(words, 1), ["a"]);
  },
  "orders all results by count": () => {
    const words = ["x", "y", "y", "z", "z", "z", "w", "w", "w", "w"];
    assert.deepEqual(topKFrequent(words, 4), ["w", "z", "y", "x"]);
  },
  "breaks ties by first appearance": () => {
    assert.deepEqual(topKFrequent(["pear", "fig", "apple", "fig", "apple", "pear"], 3), [
      "pear",
      "fig",
      "apple",
    ]);
    assert.deepEqual(topKFrequent(["d", "c", "b", "a", "a", "b"], 3), ["b", "a", "d"]);
  },
  "returns every distinct word when k is large": () => {
    assert.deepEqual(topKFrequent(["a", "b", "a"], 10), ["a", "b"]);
  },
  "returns exactly k words": () => {
    const result = topKFrequent(["a", "b", "c", "d", "e", "a"], 3);
    assert.equal(result.length, 3);
    assert.deepEqual(result, ["a", "b", "c"]);
  },
  "returns an empty array for k 0": () => {
    assert.deepEqual(topKFrequent(["a", "a", "b"], 0), []);
  },
  "returns an empty array for empty input": () => {
    assert.deepEqual(topKFrequent([], 3), []);
  },
  "treats words case-sensitively": () => {
    assert.deepEqual(topKFrequent(["Go", "go", "go", "GO", "Go", "go"], 3), ["go", "Go", "GO"]);
  },
  "throws on a negative or fractional k": () => {
    assert.throws(() => topKFrequent(["a"], -1), RangeError);
    assert.throws(() => topKFrequent(["a"], 1.5), RangeError);
  },
  "does not mutate the input": () => {
    const words = ["b", "a", "b"];
    topKFrequent(words, 2);
    assert.deepEqual(words, ["b", "a", "b"]);
  },
};
