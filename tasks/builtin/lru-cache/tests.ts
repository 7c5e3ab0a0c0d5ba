import assert from "node:assert/strict";
import { LRUCache } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "stores and retrieves values": () => {
    const cache = new LRUCache<string, number>(3);
    cache.put("a", 1);
    cache.put("b", 2);
    assert.equal(cache.get("a"), 1);
    assert.equal(cache.get("b"), 2);
    assert.equal(cache.has("a"), true);
  },
  "returns undefined for a missing key": () => {
    const cache = new LRUCache<string, number>(2);
    assert.equal(cache.get("nope"), undefined);
    assert.equal(cache.has("nope"), false);
    cache.put("a", 1);
    assert.equal(cache.get("b"), undefined);
  },
  "tracks the size": () => {
    const cache = new LRUCache<string, number>(3);
    assert.equal(cache.size, 0);
    cache.put("a", 1);
    cache.put("b", 2);
    assert.equal(cache.size, 2);
    cache.put("c", 3);
    cache.put("d", 4);
    assert.equal(cache.size, 3);
  },
  "evicts the least recently used entry": () => {
    const cache = new LRUCache<string, number>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("c", 3);
    assert.equal(cache.has("a"), false);
    assert.equal(cache.get("a"), undefined);
    assert.equal(cache.get("b"), 2);
    assert.equal(cache.get("c"), 3);
  },
  "get refreshes recency": () => {
    const cache = new LRUCache<string, number>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    assert.equal(cache.get("a"), 1);
    cache.put("c", 3);
    assert.equal(cache.has("a"), true);
    assert.equal(cache.has("b"), false);
  },
  "put on an existing key updates and refreshes it": () => {
    const cache = new LRUCache<string, number>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("a", 10);
    cache.put("c", 3);
    assert.equal(cache.get("a"), 10);
    assert.equal(cache.has("b"), false);
    assert.equal(cache.get("c"), 3);
  },
  "updating a key at capacity does not evict": () => {
    const cache = new LRUCache<string, number>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.put("b", 20);
    assert.equal(cache.size, 2);
    assert.equal(cache.get("a"), 1);
    assert.equal(cache.get("b"), 20);
  },
  "has does not refresh recency": () => {
    const cache = new LRUCache<string, number>(2);
    cache.put("a", 1);
    cache.put("b", 2);
    assert.equal(cache.has("a"), true);
    cache.put("c", 3);
    assert.equal(cache.has("a"), false);
    assert.equal(cache.has("b"), true);
  },
  "works with capacity 1": () => {
    const cache = new LRUCache<number, string>(1);
    cache.put(1, "one");
    cache.put(2, "two");
    assert.equal(cache.size, 1);
    assert.equal(cache.get(1), undefined);
    assert.equal(cache.get(2), "two");
  },
  "stores falsy values": () => {
    const cache = new LRUCache<string, number | string | boolean | null>(4);
    cache.put("zero", 0);
    cache.put("empty", "");
    cache.put("no", false);
    cache.put("nil", null);
    assert.equal(cache.get("zero"), 0);
    assert.equal(cache.get("empty"), "");
    assert.equal(cache.get("no"), false);
    assert.equal(cache.get("nil"), null);
    cache.put("new", 1);
    assert.equal(cache.has("zero"), false);
    assert.equal(cache.has("empty"), true);
  },
  "throws on a capacity below 1": () => {
    assert.throws(() => new LRUCache<string, number>(0), RangeError);
    assert.throws(() => new LRUCache<string, number>(-1), RangeError);
    assert.throws(() => new LRUCache<string, number>(2.5), RangeError);
  },
};
