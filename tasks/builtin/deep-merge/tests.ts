import assert from "node:assert/strict";
import { deepMerge } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "merges nested objects recursively": () => {
    const target = { db: { host: "localhost", port: 5432 }, debug: false };
    const source = { db: { port: 6543, user: "app" } };
    assert.deepEqual(deepMerge(target, source), {
      db: { host: "localhost", port: 6543, user: "app" },
      debug: false,
    });
  },
  "source values override target values": () => {
    assert.deepEqual(deepMerge({ a: 1, b: "x", c: true }, { a: 2, c: false }), {
      a: 2,
      b: "x",
      c: false,
    });
  },
  "keeps keys that exist in only one input": () => {
    assert.deepEqual(deepMerge({ a: { x: 1 } }, { b: { y: 2 } }), { a: { x: 1 }, b: { y: 2 } });
  },
  "replaces arrays instead of concatenating them": () => {
    const merged = deepMerge({ tags: ["a", "b", "c"], nested: { list: [1, 2] } }, {
      tags: ["z"],
      nested: { list: [] },
    });
    assert.deepEqual(merged, { tags: ["z"], nested: { list: [] } });
  },
  "does not mutate the inputs": () => {
    const target = { a: { b: 1 }, list: [1] };
    const source = { a: { c: 2 }, list: [2] };
    deepMerge(target, source);
    assert.deepEqual(target, { a: { b: 1 }, list: [1] });
    assert.deepEqual(source, { a: { c: 2 }, list: [2] });
  },
  "the result shares no objects or arrays with the inputs": () => {
    const target = { keep: { deep: { n: 1 } }, arr: [1, 2], both: { x: 1 } };
    const source = { added: { m: 1 }, list: [3], both: { y: 2 } };
    const merged = deepMerge(target, source) as typeof target & typeof source;
    assert.notEqual(merged.keep, target.keep);
    assert.notEqual(merged.keep.deep, target.keep.deep);
    assert.notEqual(merged.arr, target.arr);
    assert.notEqual(merged.added, source.added);
    assert.notEqual(merged.list, source.list);
    merged.keep.deep.n = 99;
    merged.list.push(4);
    merged.both.x = 5;
    assert.equal(target.keep.deep.n, 1);
    assert.deepEqual(source.list, [3]);
    assert.deepEqual(target.both, { x: 1 });
  },
  "undefined in the source is ignored, null overrides": () => {
    const merged = deepMerge({ a: 1, b: 2, c: { d: 1 } }, { a: undefined, b: null, c: null });
    assert.deepEqual(merged, { a: 1, b: null, c: null });
    assert.deepEqual(deepMerge({}, { x: undefined }), {});
    assert.deepEqual(deepMerge({ n: null }, { n: { a: 1 } }), { n: { a: 1 } });
  },
  "non-plain objects are replaced, not merged": () => {
    const when = new Date(0);
    class Point {
      constructor(public x: number) {}
    }
    const p = new Point(3);
    const merged = deepMerge({ when: { year: 1 }, p: { x: 1, y: 2 } }, { when, p });
    assert.equal(merged.when, when);
    assert.equal(merged.p, p);
    const back = deepMerge({ when }, { when: { year: 2 } });
    assert.deepEqual(back, { when: { year: 2 } });
  },
  "objects and scalars replace each other": () => {
    assert.deepEqual(deepMerge({ a: 5 }, { a: { x: 1 } }), { a: { x: 1 } });
    assert.deepEqual(deepMerge({ a: { x: 1 } }, { a: 7 }), { a: 7 });
    assert.deepEqual(deepMerge({ a: { x: 1 } }, { a: [1, 2] }), { a: [1, 2] });
    assert.deepEqual(deepMerge({ a: [1, 2] }, { a: { x: 1 } }), { a: { x: 1 } });
    assert.deepEqual(deepMerge({ a: "text" }, { a: { x: 1 } }), { a: { x: 1 } });
  },
  "merges objects with a null prototype": () => {
    const target = Object.assign(Object.create(null), { a: 1, n: { b: 1 } });
    const source = { n: Object.assign(Object.create(null), { c: 2 }) };
    const merged = deepMerge({ cfg: target }, { cfg: source }) as {
      cfg: { a: number; n: { b: number; c: number } };
    };
    assert.equal(merged.cfg.a, 1);
    assert.equal(merged.cfg.n.b, 1);
    assert.equal(merged.cfg.n.c, 2);
  },
  "empty inputs": () => {
    assert.deepEqual(deepMerge({}, {}), {});
    assert.deepEqual(deepMerge({}, { a: { b: 1 } }), { a: { b: 1 } });
    assert.deepEqual(deepMerge({ a: { b: 1 } }, {}), { a: { b: 1 } });
    assert.deepEqual(deepMerge({ a: { b: 1 } }, { a: {} }), { a: { b: 1 } });
  },
};
