import assert from "node:assert/strict";
import { groupBy } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "groups by a computed key": () => {
    const result = groupBy([1, 2, 3, 4, 5, 6], (n) => (n % 2 === 0 ? "even" : "odd"));
    assert.deepEqual([...result.entries()], [["odd", [1, 3, 5]], ["even", [2, 4, 6]]]);
  },
  "groups objects by a property": () => {
    const people = [
      { name: "Ann", team: "red" },
      { name: "Bob", team: "blue" },
      { name: "Cid", team: "red" },
    ];
    const result = groupBy(people, (p) => p.team);
    assert.deepEqual(result.get("red"), [people[0], people[2]]);
    assert.deepEqual(result.get("blue"), [people[1]]);
    assert.equal(result.get("red")?.[0], people[0]);
  },
  "keeps groups in order of first appearance": () => {
    const result = groupBy(["kiwi", "fig", "banana", "plum", "apple"], (s) => s.length);
    assert.deepEqual([...result.keys()], [4, 3, 6, 5]);
  },
  "keeps items in input order within a group": () => {
    const result = groupBy(["b1", "a1", "b2", "a2", "b3"], (s) => s[0]);
    assert.deepEqual(result.get("b"), ["b1", "b2", "b3"]);
    assert.deepEqual(result.get("a"), ["a1", "a2"]);
  },
  "passes the index to the key function": () => {
    const result = groupBy(["x", "y", "z", "w"], (_item, index) => index < 2);
    assert.deepEqual([...result.entries()], [[true, ["x", "y"]], [false, ["z", "w"]]]);
  },
  "calls the key function once per item in order": () => {
    const seen: Array<[string, number]> = [];
    groupBy(["a", "b", "c"], (item, index) => {
      seen.push([item, index]);
      return item;
    });
    assert.deepEqual(seen, [["a", 0], ["b", 1], ["c", 2]]);
  },
  "returns an empty map for empty input": () => {
    const result = groupBy([], () => "k");
    assert.ok(result instanceof Map);
    assert.equal(result.size, 0);
  },
  "distinguishes keys of different types": () => {
    const result = groupBy([1, "1", 1, "1", true], (v) => v);
    assert.deepEqual([...result.keys()], [1, "1", true]);
    assert.deepEqual(result.get(1), [1, 1]);
    assert.deepEqual(result.get("1"), ["1", "1"]);
  },
  "groups NaN keys together": () => {
    const result = groupBy([0, 1, 2, 3], (n) => (n % 2 === 0 ? Number.NaN : n));
    assert.deepEqual([...result.entries()], [[Number.NaN, [0, 2]], [1, [1]], [3, [3]]]);
  },
  "uses object keys by identity": () => {
    const red = { color: "red" };
    const alsoRed = { color: "red" };
    const result = groupBy(["a", "b", "c"], (s) => (s === "b" ? alsoRed : red));
    assert.equal(result.size, 2);
    assert.deepEqual(result.get(red), ["a", "c"]);
    assert.deepEqual(result.get(alsoRed), ["b"]);
  },
  "does not mutate the input": () => {
    const input = [3, 1, 2];
    groupBy(input, (n) => n > 1);
    assert.deepEqual(input, [3, 1, 2]);
  },
};
