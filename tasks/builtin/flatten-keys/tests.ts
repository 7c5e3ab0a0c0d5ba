import assert from "node:assert/strict";
import { flattenKeys } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "flattens nested objects to dot paths": () => {
    assert.deepEqual(flattenKeys({ a: { b: { c: 1 } }, d: 2 }), { "a.b.c": 1, d: 2 });
  },
  "uses array indices as path segments": () => {
    assert.deepEqual(flattenKeys({ tags: ["x", "y"], users: [{ name: "ann" }, { name: "bob" }] }), {
      "tags.0": "x",
      "tags.1": "y",
      "users.0.name": "ann",
      "users.1.name": "bob",
    });
  },
  "handles arrays nested in arrays": () => {
    assert.deepEqual(flattenKeys({ grid: [[1, 2], [3]] }), {
      "grid.0.0": 1,
      "grid.0.1": 2,
      "grid.1.0": 3,
    });
  },
  "keeps primitive leaves as they are": () => {
    assert.deepEqual(flattenKeys({ s: "text", n: 0, b: false, big: 10n }), {
      s: "text",
      n: 0,
      b: false,
      big: 10n,
    });
  },
  "lists paths depth-first in key order": () => {
    const out = flattenKeys({ z: 1, a: { y: 2, b: [3, { c: 4 }] }, m: 5 });
    assert.deepEqual(Object.keys(out), ["z", "a.y", "a.b.0", "a.b.1.c", "m"]);
  },
  "keeps empty objects and arrays as leaves": () => {
    assert.deepEqual(flattenKeys({ a: {}, b: [], c: { d: {} }, e: [[]] }), {
      a: {},
      b: [],
      "c.d": {},
      "e.0": [],
    });
  },
  "keeps null and undefined leaves": () => {
    const out = flattenKeys({ a: null, b: { c: undefined }, d: [null] });
    assert.deepEqual(out, { a: null, "b.c": undefined, "d.0": null });
    assert.ok(Object.hasOwn(out, "b.c"));
  },
  "treats dates and class instances as leaves": () => {
    const when = new Date(0);
    const map = new Map([["k", 1]]);
    class Point {
      constructor(public x: number, public y: number) {}
    }
    const point = new Point(1, 2);
    const out = flattenKeys({ meta: { when, map, point } });
    assert.equal(out["meta.when"], when);
    assert.equal(out["meta.map"], map);
    assert.equal(out["meta.point"], point);
    assert.deepEqual(Object.keys(out), ["meta.when", "meta.map", "meta.point"]);
  },
  "does not split strings into characters": () => {
    assert.deepEqual(flattenKeys({ word: "abc", list: ["de"] }), { word: "abc", "list.0": "de" });
  },
  "an empty input gives an empty object": () => {
    assert.deepEqual(flattenKeys({}), {});
  },
};
