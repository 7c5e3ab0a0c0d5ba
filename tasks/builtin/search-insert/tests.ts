import assert from "node:assert/strict";
import { searchInsert } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "finds an existing element": () => {
    assert.equal(searchInsert([1, 3, 5, 7, 9], 5), 2);
    assert.equal(searchInsert([1, 3, 5, 7, 9], 9), 4);
    assert.equal(searchInsert([1, 3, 5, 7, 9], 1), 0);
  },
  "returns the insertion index for a missing element": () => {
    assert.equal(searchInsert([1, 3, 5, 7, 9], 4), 2);
    assert.equal(searchInsert([1, 3, 5, 7, 9], 8), 4);
    assert.equal(searchInsert([10, 20], 15), 1);
  },
  "returns 0 for a target below every element": () => {
    assert.equal(searchInsert([2, 4, 6], 1), 0);
    assert.equal(searchInsert([2, 4, 6], -100), 0);
  },
  "returns the length for a target above every element": () => {
    assert.equal(searchInsert([2, 4, 6], 7), 3);
    assert.equal(searchInsert([2, 4, 6], 1e9), 3);
  },
  "returns 0 for an empty array": () => {
    assert.equal(searchInsert([], 42), 0);
  },
  "returns the first index among duplicates": () => {
    assert.equal(searchInsert([1, 2, 2, 2, 3], 2), 1);
    assert.equal(searchInsert([5, 5, 5, 5], 5), 0);
    assert.equal(searchInsert([1, 1, 4, 4, 4, 4, 9], 4), 2);
  },
  "handles negative numbers and fractions": () => {
    assert.equal(searchInsert([-10, -5, -1, 0, 2.5], -5), 1);
    assert.equal(searchInsert([-10, -5, -1, 0, 2.5], -3), 2);
    assert.equal(searchInsert([-10, -5, -1, 0, 2.5], 1), 4);
  },
  "handles a single element": () => {
    assert.equal(searchInsert([7], 7), 0);
    assert.equal(searchInsert([7], 6), 0);
    assert.equal(searchInsert([7], 8), 1);
  },
  "agrees with a linear scan on many inputs": () => {
    const sorted = [-4, -4, -1, 0, 0, 0, 3, 8, 8, 13, 21];
    for (let target = -6; target <= 23; target++) {
      let expected = 0;
      while (expected < sorted.length && sorted[expected] < target) expected++;
      assert.equal(searchInsert(sorted, target), expected, `target ${target}`);
    }
  },
  "reads a logarithmic number of elements": () => {
    const size = 100_000;
    const backing = Array.from({ length: size }, (_, i) => i * 2);
    let reads = 0;
    const counted = new Proxy(backing, {
      get(target, property, receiver) {
        if (typeof property === "string" && /^\d+$/.test(property)) reads++;
        return Reflect.get(target, property, receiver);
      },
    });
    assert.equal(searchInsert(counted, 77_777), 38_889);
    assert.ok(reads <= 40, `read ${reads} elements`);
  },
};
