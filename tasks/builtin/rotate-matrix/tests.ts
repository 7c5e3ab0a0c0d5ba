import assert from "node:assert/strict";
import { rotateMatrix } from "./solution.ts";

const square = [
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
];

export const cases: Record<string, () => void | Promise<void>> = {
  "rotates a square matrix clockwise": () => {
    assert.deepEqual(rotateMatrix(square, 1), [
      [7, 4, 1],
      [8, 5, 2],
      [9, 6, 3],
    ]);
  },
  "rotates by two and three quarter turns": () => {
    assert.deepEqual(rotateMatrix(square, 2), [
      [9, 8, 7],
      [6, 5, 4],
      [3, 2, 1],
    ]);
    assert.deepEqual(rotateMatrix(square, 3), [
      [3, 6, 9],
      [2, 5, 8],
      [1, 4, 7],
    ]);
  },
  "rotates a rectangular matrix": () => {
    const wide = [
      ["a", "b", "c"],
      ["d", "e", "f"],
    ];
    assert.deepEqual(rotateMatrix(wide, 1), [
      ["d", "a"],
      ["e", "b"],
      ["f", "c"],
    ]);
    assert.deepEqual(rotateMatrix(wide, 3), [
      ["c", "f"],
      ["b", "e"],
      ["a", "d"],
    ]);
  },
  "negative turns rotate counter-clockwise": () => {
    assert.deepEqual(rotateMatrix(square, -1), rotateMatrix(square, 3));
    assert.deepEqual(rotateMatrix(square, -1), [
      [3, 6, 9],
      [2, 5, 8],
      [1, 4, 7],
    ]);
    assert.deepEqual(rotateMatrix(square, -2), rotateMatrix(square, 2));
    assert.deepEqual(rotateMatrix(square, -7), rotateMatrix(square, 1));
  },
  "full turns return an equal copy": () => {
    for (const turns of [0, 4, 8, -4]) {
      const result = rotateMatrix(square, turns);
      assert.deepEqual(result, square);
      assert.notEqual(result, square);
      assert.notEqual(result[0], square[0]);
    }
    assert.deepEqual(rotateMatrix(square, 5), rotateMatrix(square, 1));
  },
  "does not modify the input": () => {
    const input = [
      [1, 2],
      [3, 4],
    ];
    const result = rotateMatrix(input, 1);
    result[0][0] = 99;
    assert.deepEqual(input, [
      [1, 2],
      [3, 4],
    ]);
  },
  "single row and single column": () => {
    assert.deepEqual(rotateMatrix([[1, 2, 3]], 1), [[1], [2], [3]]);
    assert.deepEqual(rotateMatrix([[1], [2], [3]], 1), [[3, 2, 1]]);
    assert.deepEqual(rotateMatrix([[1, 2, 3]], 2), [[3, 2, 1]]);
    assert.deepEqual(rotateMatrix([[5]], 1), [[5]]);
  },
  "an empty matrix stays empty": () => {
    assert.deepEqual(rotateMatrix([], 1), []);
    assert.deepEqual(rotateMatrix([], 0), []);
    assert.deepEqual(rotateMatrix([], -3), []);
  },
  "throws on a non-integer number of turns": () => {
    assert.throws(() => rotateMatrix(square, 1.5), RangeError);
    assert.throws(() => rotateMatrix(square, Number.NaN), RangeError);
    assert.throws(() => rotateMatrix([], Infinity), RangeError);
  },
};
