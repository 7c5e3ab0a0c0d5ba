import assert from "node:assert/strict";
import { TTLMap } from "./solution.ts";

function clock(start = 50_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "stores and reads values before they expire": () => {
    const c = clock();
    const map = new TTLMap<string, number>(1_000, c.now);
    map.set("a", 1).set("b", 2);
    c.advance(999);
    assert.equal(map.get("a"), 1);
    assert.equal(map.has("b"), true);
    assert.equal(map.get("missing"), undefined);
    assert.equal(map.has("missing"), false);
  },
  "entries expire after their TTL": () => {
    const c = clock();
    const map = new TTLMap<string, string>(100, c.now);
    map.set("k", "v");
    c.advance(150);
    assert.equal(map.get("k"), undefined);
    assert.equal(map.has("k"), false);
  },
  "an entry is expired exactly at its expiry time": () => {
    const c = clock();
    const map = new TTLMap<string, number>(100, c.now);
    map.set("k", 1);
    c.advance(99);
    assert.equal(map.has("k"), true);
    c.advance(1);
    assert.equal(map.has("k"), false);
    assert.equal(map.get("k"), undefined);
  },
  "a per-entry TTL overrides the default": () => {
    const c = clock();
    const map = new TTLMap<string, number>(1_000, c.now);
    map.set("short", 1, 10);
    map.set("long", 2, 5_000);
    map.set("default", 3);
    c.advance(10);
    assert.equal(map.has("short"), false);
    c.advance(990);
    assert.equal(map.has("default"), false);
    assert.equal(map.get("long"), 2);
    c.advance(4_000);
    assert.equal(map.has("long"), false);
  },
  "setting a key again replaces the value and restarts its TTL": () => {
    const c = clock();
    const map = new TTLMap<string, number>(100, c.now);
    map.set("k", 1);
    c.advance(80);
    map.set("k", 2);
    c.advance(80);
    assert.equal(map.get("k"), 2);
    c.advance(20);
    assert.equal(map.get("k"), undefined);
  },
  "size counts only live entries": () => {
    const c = clock();
    const map = new TTLMap<number, string>(100, c.now);
    assert.equal(map.size, 0);
    map.set(1, "a");
    map.set(2, "b", 50);
    map.set(3, "c", 200);
    assert.equal(map.size, 3);
    c.advance(50);
    assert.equal(map.size, 2);
    c.advance(50);
    assert.equal(map.size, 1);
    c.advance(100);
    assert.equal(map.size, 0);
  },
  "delete reports whether a live entry was removed": () => {
    const c = clock();
    const map = new TTLMap<string, number>(100, c.now);
    map.set("a", 1);
    map.set("b", 2);
    assert.equal(map.delete("a"), true);
    assert.equal(map.has("a"), false);
    assert.equal(map.delete("a"), false);
    c.advance(100);
    assert.equal(map.delete("b"), false);
    assert.equal(map.size, 0);
  },
  "stores undefined and other falsy values": () => {
    const c = clock();
    const map = new TTLMap<string, unknown>(100, c.now);
    map.set("u", undefined);
    map.set("z", 0);
    map.set("n", null);
    assert.equal(map.has("u"), true);
    assert.equal(map.get("z"), 0);
    assert.equal(map.get("n"), null);
    assert.equal(map.size, 3);
  },
  "reads time only from the injected clock": () => {
    const c = clock(0);
    const map = new TTLMap<string, number>(10, c.now);
    map.set("k", 1);
    assert.equal(map.get("k"), 1);
    c.advance(9);
    assert.equal(map.get("k"), 1);
    c.advance(1);
    assert.equal(map.get("k"), undefined);
  },
  "rejects a TTL that is not a positive number": () => {
    const c = clock();
    for (const bad of [0, -1, Number.NaN, Infinity]) {
      assert.throws(() => new TTLMap<string, number>(bad, c.now), RangeError);
    }
    const map = new TTLMap<string, number>(100, c.now);
    for (const bad of [0, -5, Number.NaN, Infinity]) {
      assert.throws(() => map.set("k", 1, bad), RangeError);
    }
    assert.equal(map.has("k"), false);
    map.set("k", 1, 0.5);
    assert.equal(map.has("k"), true);
  },
};
