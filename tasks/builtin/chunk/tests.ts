import assert from "node:assert/strict";
import { chunk } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "splits evenly": () => {
    assert.deepEqual(chunk([1, 2, 3, 4], 2), [[1, 2], [3, 4]]);
    assert.deepEqual(chunk(["a", "b", "c", "d", "e", "f"], 3), [["a", "b", "c"], ["d", "e", "f"]]);
  },
  "puts the remainder in a shorter last chunk": () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunk([1, 2, 3, 4, 5, 6, 7], 3), [[1, 2, 3], [4, 5, 6], [7]]);
  },
  "uses size 1 for singletons": () => {
    assert.deepEqual(chunk([1, 2, 3], 1), [[1], [2], [3]]);
  },
  "returns one chunk when size equals length": () => {
    assert.deepEqual(chunk([1, 2, 3], 3), [[1, 2, 3]]);
  },
  "returns one chunk when size exceeds length": () => {
    assert.deepEqual(chunk([1, 2], 5), [[1, 2]]);
  },
  "returns an empty array for empty input": () => {
    assert.deepEqual(chunk([], 3), []);
  },
  "throws on size 0": () => {
    assert.throws(() => chunk([1, 2, 3], 0), RangeError);
  },
  "throws on a negative or fractional size": () => {
    assert.throws(() => chunk([1, 2, 3], -2), RangeError);
    assert.throws(() => chunk([1, 2, 3], 1.5), RangeError);
    assert.throws(() => chunk([1, 2, 3], Number.NaN), RangeError);
  },
  "preserves element identity and order": () => {
    const a = { id: 1 };
    const b = { id: 2 };
    const c = { id: 3 };
    const result = chunk([a, b, c], 2);
    assert.equal(result[0][0], a);
    assert.equal(result[0][1], b);
    assert.equal(result[1][0], c);
  },
  "does not mutate or alias the input": () => {
    const input = [1, 2, 3];
    const result = chunk(input, 3);
    assert.notEqual(result[0], input);
    result[0].push(4);
    assert.deepEqual(input, [1, 2, 3]);
  },
};
