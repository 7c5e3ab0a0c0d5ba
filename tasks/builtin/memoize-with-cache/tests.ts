import assert from "node:assert/strict";
import { memoizeAsync } from "./solution.ts";

/** A cache with exactly the two declared methods and nothing else. */
function strictCache<V>(initial: Record<string, V> = {}) {
  const data = new Map<string, V>(Object.entries(initial));
  const log: string[] = [];
  const cache = Object.freeze({
    lookup(key: string): { value: V } | undefined {
      log.push(`lookup ${key}`);
      return data.has(key) ? { value: data.get(key) as V } : undefined;
    },
    store(key: string, value: V): void {
      log.push(`store ${key}`);
      data.set(key, value);
    },
  });
  return { cache, data, log };
}

function counted<V>(compute: (x: string) => V) {
  const calls: string[] = [];
  const fn = (x: string) => {
    calls.push(x);
    return Promise.resolve(compute(x));
  };
  return { fn, calls };
}

const identity = (x: string) => x;

export const cases: Record<string, () => void | Promise<void>> = {
  "computes and stores a missing value": async () => {
    const c = strictCache<number>();
    const { fn, calls } = counted((x) => x.length);
    const memo = memoizeAsync(fn, c.cache, identity);
    assert.equal(await memo("abcd"), 4);
    assert.deepEqual(calls, ["abcd"]);
    assert.equal(c.data.get("abcd"), 4);
  },
  "returns a cached value without calling fn": async () => {
    const c = strictCache<number>({ hello: 42 });
    const { fn, calls } = counted(() => -1);
    const memo = memoizeAsync(fn, c.cache, identity);
    assert.equal(await memo("hello"), 42);
    assert.deepEqual(calls, []);
  },
  "later calls are served from the cache": async () => {
    const c = strictCache<string>();
    const { fn, calls } = counted((x) => x.toUpperCase());
    const memo = memoizeAsync(fn, c.cache, identity);
    assert.equal(await memo("a"), "A");
    assert.equal(await memo("a"), "A");
    assert.equal(await memo("b"), "B");
    assert.deepEqual(calls, ["a", "b"]);
    assert.deepEqual(c.log.filter((l) => l.startsWith("store")), ["store a", "store b"]);
  },
  "keys come from keyOf": async () => {
    const c = strictCache<number>();
    let calls = 0;
    const add = (a: number, b: number) => {
      calls++;
      return Promise.resolve(a + b);
    };
    const memo = memoizeAsync(add, c.cache, (a, b) => `${Math.min(a, b)}+${Math.max(a, b)}`);
    assert.equal(await memo(1, 2), 3);
    assert.equal(await memo(2, 1), 3);
    assert.equal(calls, 1);
    assert.deepEqual([...c.data.keys()], ["1+2"]);
  },
  "caches falsy values": async () => {
    const c = strictCache<unknown>();
    const values: Record<string, unknown> = { u: undefined, z: 0, e: "", n: null, f: false };
    const { fn, calls } = counted((x) => values[x]);
    const memo = memoizeAsync(fn, c.cache, identity);
    for (const key of Object.keys(values)) assert.equal(await memo(key), values[key]);
    for (const key of Object.keys(values)) assert.equal(await memo(key), values[key]);
    assert.deepEqual(calls, ["u", "z", "e", "n", "f"]);
  },
  "concurrent calls with the same key share one call": async () => {
    const c = strictCache<string>();
    let release: (value: string) => void = () => {};
    let calls = 0;
    const fn = () => {
      calls++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const memo = memoizeAsync(fn, c.cache, () => "k");
    const first = memo();
    const second = memo();
    assert.equal(calls, 1);
    release("shared");
    assert.deepEqual(await Promise.all([first, second]), ["shared", "shared"]);
    assert.deepEqual(c.log.filter((l) => l.startsWith("store")), ["store k"]);
  },
  "different keys run independently": async () => {
    const c = strictCache<string>();
    const { fn, calls } = counted((x) => `v${x}`);
    const memo = memoizeAsync(fn, c.cache, identity);
    assert.deepEqual(await Promise.all([memo("1"), memo("2"), memo("1")]), ["v1", "v2", "v1"]);
    assert.deepEqual(calls, ["1", "2"]);
  },
  "failures are not cached": async () => {
    const c = strictCache<string>();
    const boom = new Error("boom");
    let attempt = 0;
    const fn = () => (++attempt === 1 ? Promise.reject(boom) : Promise.resolve("ok"));
    const memo = memoizeAsync(fn, c.cache, () => "k");
    await assert.rejects(memo(), (error) => error === boom);
    assert.equal(c.data.size, 0);
    assert.equal(await memo(), "ok");
    assert.equal(attempt, 2);
    assert.equal(c.data.get("k"), "ok");
  },
  "concurrent callers all see a failure": async () => {
    const c = strictCache<string>();
    const boom = new Error("shared failure");
    let calls = 0;
    const fn = () => {
      calls++;
      return Promise.reject(boom);
    };
    const memo = memoizeAsync(fn, c.cache, () => "k");
    const results = await Promise.allSettled([memo(), memo()]);
    assert.equal(calls, 1);
    for (const r of results) assert.ok(r.status === "rejected" && r.reason === boom);
    await assert.rejects(memo(), (error) => error === boom);
    assert.equal(calls, 2);
  },
};
