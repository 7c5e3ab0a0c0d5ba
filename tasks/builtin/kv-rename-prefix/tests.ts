import assert from "node:assert/strict";
import { renamePrefix } from "./solution.ts";

/** A store with exactly the four declared methods and nothing else. */
function strictStore(initial: Record<string, string>) {
  const data = new Map(Object.entries(initial));
  const writes: string[] = [];
  const store = Object.freeze({
    get(key: string): string | undefined {
      return data.get(key);
    },
    set(key: string, value: string): void {
      writes.push(`set ${key}`);
      data.set(key, String(value));
    },
    keys(): string[] {
      return [...data.keys()];
    },
    remove(key: string): void {
      writes.push(`remove ${key}`);
      data.delete(key);
    },
  });
  const snapshot = () => Object.fromEntries([...data].sort(([a], [b]) => (a < b ? -1 : 1)));
  return { store, writes, snapshot };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "renames the matching keys and returns their count": () => {
    const s = strictStore({ "user:1": "ann", "user:2": "bob", "team:1": "red" });
    assert.equal(renamePrefix(s.store, "user:", "member:"), 2);
    assert.deepEqual(s.snapshot(), { "member:1": "ann", "member:2": "bob", "team:1": "red" });
  },
  "only matches the prefix at the start of a key": () => {
    const s = strictStore({ "a:x": "1", "b:a:x": "2", "A:x": "3", "a:": "4" });
    assert.equal(renamePrefix(s.store, "a:", "z:"), 2);
    assert.deepEqual(s.snapshot(), { "A:x": "3", "b:a:x": "2", "z:": "4", "z:x": "1" });
  },
  "overwrites an existing destination key": () => {
    const s = strictStore({ "old:k": "new value", "new:k": "stale", "new:other": "kept" });
    assert.equal(renamePrefix(s.store, "old:", "new:"), 1);
    assert.deepEqual(s.snapshot(), { "new:k": "new value", "new:other": "kept" });
  },
  "an empty target prefix strips the prefix": () => {
    const s = strictStore({ "tmp/a": "1", "tmp/b/c": "2", other: "3" });
    assert.equal(renamePrefix(s.store, "tmp/", ""), 2);
    assert.deepEqual(s.snapshot(), { a: "1", "b/c": "2", other: "3" });
  },
  "works when the new prefix extends the old one": () => {
    const s = strictStore({ x1: "one", xx1: "two", y: "three" });
    assert.equal(renamePrefix(s.store, "x", "xx"), 2);
    assert.deepEqual(s.snapshot(), { xx1: "one", xxx1: "two", y: "three" });
  },
  "works when the old prefix extends the new one": () => {
    const s = strictStore({ aa1: "A", a1: "B" });
    assert.equal(renamePrefix(s.store, "aa", "a"), 1);
    assert.deepEqual(s.snapshot(), { a1: "A" });
  },
  "renaming to the same prefix keeps everything": () => {
    const s = strictStore({ "p:1": "a", "p:2": "b", q: "c" });
    assert.equal(renamePrefix(s.store, "p:", "p:"), 2);
    assert.deepEqual(s.snapshot(), { "p:1": "a", "p:2": "b", q: "c" });
  },
  "an empty source prefix matches every key": () => {
    const s = strictStore({ a: "1", b: "2" });
    assert.equal(renamePrefix(s.store, "", "ns/"), 2);
    assert.deepEqual(s.snapshot(), { "ns/a": "1", "ns/b": "2" });
  },
  "no match writes nothing": () => {
    const s = strictStore({ a: "1" });
    assert.equal(renamePrefix(s.store, "zzz", "y"), 0);
    assert.deepEqual(s.writes, []);
    const empty = strictStore({});
    assert.equal(renamePrefix(empty.store, "", "x"), 0);
    assert.deepEqual(empty.writes, []);
  },
  "moves empty and unicode values intact": () => {
    const s = strictStore({ "k:empty": "", "k:emoji": "😀 ü", "k:zero": "0" });
    assert.equal(renamePrefix(s.store, "k:", "ключ:"), 3);
    assert.deepEqual(s.snapshot(), { "ключ:emoji": "😀 ü", "ключ:empty": "", "ключ:zero": "0" });
  },
};
