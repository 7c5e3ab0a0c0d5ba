import assert from "node:assert/strict";
import { dedupe } from "./solution.ts";

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
  "removes repeated numbers keeping the first occurrence": () => {
    assert.deepEqual(dedupe([3, 1, 3, 2, 1, 4]), [3, 1, 2, 4]);
  },
  "removes repeated strings in order of first appearance": () => {
    assert.deepEqual(dedupe(["b", "a", "b", "c", "a"]), ["b", "a", "c"]);
  },
  "keeps values of different types apart": () => {
    assert.deepEqual(dedupe([1, "1", true, 1, "true", true, 1n]), [1, "1", true, "true", 1n]);
  },
  "returns a new array without mutating the input": () => {
    const input = [2, 2, 1];
    const result = dedupe(input);
    assert.deepEqual(result, [2, 1]);
    assert.deepEqual(input, [2, 2, 1]);
    const unique = [5, 6];
    assert.notEqual(dedupe(unique), unique);
  },
  "returns an empty array for empty input": () => {
    assert.deepEqual(dedupe([]), []);
  },
  "treats NaN as equal to NaN": () => {
    assert.deepEqual(dedupe([NaN, 1, NaN, 1]), [NaN, 1]);
  },
  "treats 0 and -0 as equal and keeps the first": () => {
    const result = dedupe([-0, 0, 5, 0]);
    assert.equal(result.length, 2);
    assert.ok(Object.is(result[0], -0), "the first occurrence (-0) is kept");
    assert.deepEqual(dedupe([0, -0]).map((x) => Object.is(x, -0)), [false]);
  },
  "keeps null and undefined once each": () => {
    assert.deepEqual(dedupe([null, undefined, null, undefined, ""]), [null, undefined, ""]);
  },
  "dedupes 200 000 strings in well under a second": () => {
    const next = random(3);
    const ids = Array.from({ length: 200_000 }, () => Math.floor(next() * 60_000));
    const names = Array.from({ length: 60_000 }, (_, id) => `user-${id}`);
    const values = ids.map((id) => names[id]);
    const seen = new Uint8Array(60_000);
    const expected: string[] = [];
    for (let i = 0; i < ids.length; i++) {
      if (!seen[ids[i]]) {
        seen[ids[i]] = 1;
        expected.push(values[i]);
      }
    }
    const result = dedupe(values);
    assert.equal(result.length, expected.length);
    assert.ok(result.every((v, i) => v === expected[i]), "first occurrences, in input order");
  },
};
