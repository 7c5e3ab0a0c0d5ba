import assert from "node:assert/strict";
import { pruneBlobs } from "./solution.ts";

type Blobs = Record<string, { size: number; modifiedAt: number }>;

/**
 * A store with exactly the three declared methods: reading any other member throws, so a
 * call to a method that does not exist fails with a message naming it. `list` enforces its
 * contract (limit 1..100, keys strictly after `after`, ascending).
 */
function fakeStore(blobs: Blobs) {
  const data = new Map(Object.entries(blobs));
  const calls: string[] = [];
  const methods = {
    list: async (prefix: string, options: { after?: string; limit: number }) => {
      calls.push(`list ${prefix} after=${options.after ?? "-"} limit=${options.limit}`);
      await Promise.resolve();
      if (!Number.isInteger(options.limit) || options.limit < 1 || options.limit > 100) {
        throw new RangeError(`list: limit must be 1..100, got ${options.limit}`);
      }
      return [...data.keys()].filter((k) => k.startsWith(prefix))
        .filter((k) => options.after === undefined || k > options.after)
        .sort().slice(0, options.limit);
    },
    head: async (key: string) => {
      calls.push(`head ${key}`);
      await Promise.resolve();
      const b = data.get(key);
      return b ? { ...b } : null;
    },
    delete: async (key: string) => {
      calls.push(`delete ${key}`);
      await Promise.resolve();
      return data.delete(key);
    },
  };
  const store = new Proxy(Object.freeze(methods), {
    get(target, key) {
      if (typeof key === "string" && !(key in target)) {
        if (key === "then") return undefined;
        throw new TypeError(`BlobStore has no member "${key}" (it has list, head, delete)`);
      }
      return Reflect.get(target, key);
    },
  });
  return { store, calls, keys: () => [...data.keys()].sort() };
}

const pad = (n: number) => String(n).padStart(4, "0");

export const cases: Record<string, () => void | Promise<void>> = {
  "deletes the blobs older than the cutoff": async () => {
    const f = fakeStore({
      "logs/a": { size: 10, modifiedAt: 100 },
      "logs/b": { size: 20, modifiedAt: 300 },
      "logs/c": { size: 5, modifiedAt: 50 },
    });
    assert.deepEqual(await pruneBlobs(f.store, "logs/", 200), { deleted: ["logs/a", "logs/c"], freedBytes: 15 });
    assert.deepEqual(f.keys(), ["logs/b"]);
  },
  "only touches keys under the prefix": async () => {
    const f = fakeStore({ "logs/a": { size: 1, modifiedAt: 1 }, "tmp/a": { size: 1, modifiedAt: 1 }, "logsx": { size: 1, modifiedAt: 1 } });
    assert.deepEqual((await pruneBlobs(f.store, "logs/", 10)).deleted, ["logs/a"]);
    assert.deepEqual(f.keys(), ["logsx", "tmp/a"]);
  },
  "keeps a blob modified exactly at the cutoff": async () => {
    const f = fakeStore({ "k/1": { size: 1, modifiedAt: 99 }, "k/2": { size: 2, modifiedAt: 100 } });
    assert.deepEqual(await pruneBlobs(f.store, "k/", 100), { deleted: ["k/1"], freedBytes: 1 });
  },
  "pages through more than 100 keys with after": async () => {
    const blobs: Blobs = {};
    for (let i = 0; i < 250; i++) blobs[`b/${pad(i)}`] = { size: 1, modifiedAt: i % 2 === 0 ? 0 : 1000 };
    const f = fakeStore(blobs);
    const result = await pruneBlobs(f.store, "b/", 500);
    assert.equal(result.deleted.length, 125);
    assert.equal(result.freedBytes, 125);
    assert.deepEqual(result.deleted.slice(0, 3), ["b/0000", "b/0002", "b/0004"]);
    assert.equal(f.keys().length, 125);
    assert.deepEqual(f.calls.filter((c) => c.startsWith("list")), [
      "list b/ after=- limit=100",
      "list b/ after=b/0099 limit=100",
      "list b/ after=b/0199 limit=100",
    ]);
  },
  "stops after a page of exactly 100 keys when the next one is empty": async () => {
    const blobs: Blobs = {};
    for (let i = 0; i < 100; i++) blobs[`p/${pad(i)}`] = { size: 3, modifiedAt: 0 };
    const f = fakeStore(blobs);
    const result = await pruneBlobs(f.store, "p/", 1);
    assert.equal(result.deleted.length, 100);
    assert.equal(result.freedBytes, 300);
    assert.deepEqual(f.keys(), []);
    assert.equal(f.calls.filter((c) => c.startsWith("list")).length, 2);
  },
  "skips a blob that disappears before head": async () => {
    const f = fakeStore({ "x/1": { size: 4, modifiedAt: 0 }, "x/2": { size: 8, modifiedAt: 0 } });
    const store = {
      list: f.store.list,
      head: (key: string) => key === "x/1" ? Promise.resolve(null) : f.store.head(key),
      delete: f.store.delete,
    };
    assert.deepEqual(await pruneBlobs(store, "x/", 1), { deleted: ["x/2"], freedBytes: 8 });
    assert.ok(!f.calls.includes("delete x/1"), "a blob whose head is null is not deleted");
  },
  "does not count a blob that delete reports as already gone": async () => {
    const f = fakeStore({ "y/1": { size: 4, modifiedAt: 0 }, "y/2": { size: 8, modifiedAt: 0 } });
    const store = {
      list: f.store.list,
      head: f.store.head,
      delete: (key: string) => key === "y/1" ? Promise.resolve(false) : f.store.delete(key),
    };
    assert.deepEqual(await pruneBlobs(store, "y/", 1), { deleted: ["y/2"], freedBytes: 8 });
  },
  "returns nothing deleted for an empty store": async () => {
    const f = fakeStore({});
    assert.deepEqual(await pruneBlobs(f.store, "any/", 1e15), { deleted: [], freedBytes: 0 });
    assert.deepEqual(f.calls, ["list any/ after=- limit=100"]);
  },
  "an empty prefix covers every key": async () => {
    const f = fakeStore({ "a": { size: 1, modifiedAt: 0 }, "b/c": { size: 2, modifiedAt: 0 }, "d": { size: 4, modifiedAt: 9 } });
    assert.deepEqual(await pruneBlobs(f.store, "", 5), { deleted: ["a", "b/c"], freedBytes: 3 });
  },
  "passes a store error through": async () => {
    const f = fakeStore({ "z/1": { size: 1, modifiedAt: 0 } });
    const boom = new Error("store unavailable");
    const store = { list: f.store.list, head: f.store.head, delete: () => Promise.reject(boom) };
    await assert.rejects(pruneBlobs(store, "z/", 1), (error) => error === boom);
  },
};
