import assert from "node:assert/strict";
import { diffByKey } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "finds added, removed and changed items": () => {
    const before = [{ id: 1, name: "ann" }, { id: 2, name: "bob" }, { id: 3, name: "cy" }];
    const after = [{ id: 1, name: "ann" }, { id: 3, name: "cyd" }, { id: 4, name: "dee" }];
    assert.deepEqual(diffByKey(before, after, "id"), {
      added: [{ id: 4, name: "dee" }],
      removed: [{ id: 2, name: "bob" }],
      changed: [{ key: 3, before: { id: 3, name: "cy" }, after: { id: 3, name: "cyd" } }],
    });
  },
  "identical lists have no differences": () => {
    const list = [{ sku: "a", qty: 1 }, { sku: "b", qty: 2 }];
    const copy = list.map((item) => ({ ...item }));
    assert.deepEqual(diffByKey(list, copy, "sku"), { added: [], removed: [], changed: [] });
  },
  "ignores the position of items": () => {
    const before = [{ id: "x", v: 1 }, { id: "y", v: 2 }];
    const after = [{ id: "y", v: 2 }, { id: "x", v: 1 }];
    assert.deepEqual(diffByKey(before, after, "id"), { added: [], removed: [], changed: [] });
  },
  "orders results by their list": () => {
    const before = [{ k: 5 }, { k: 1, v: 1 }, { k: 9 }, { k: 2, v: 1 }];
    const after = [{ k: 2, v: 2 }, { k: 7 }, { k: 1, v: 2 }, { k: 3 }];
    const diff = diffByKey(before, after, "k");
    assert.deepEqual(diff.added.map((item) => item.k), [7, 3]);
    assert.deepEqual(diff.removed.map((item) => item.k), [5, 9]);
    assert.deepEqual(diff.changed.map((change) => change.key), [2, 1]);
  },
  "returns the original objects": () => {
    const old = { id: 1, v: "a" };
    const gone = { id: 2 };
    const updated = { id: 1, v: "b" };
    const fresh = { id: 3 };
    const diff = diffByKey([old, gone], [updated, fresh], "id");
    assert.equal(diff.added[0], fresh);
    assert.equal(diff.removed[0], gone);
    assert.equal(diff.changed[0].before, old);
    assert.equal(diff.changed[0].after, updated);
  },
  "an added or removed field is a change": () => {
    const diff = diffByKey([{ id: 1, a: 1 }, { id: 2, a: 1, b: 2 }], [
      { id: 1, a: 1, b: undefined },
      { id: 2, a: 1 },
    ], "id");
    assert.deepEqual(diff.changed.map((change) => change.key), [1, 2]);
    const swapped = diffByKey([{ id: 1, x: undefined }], [{ id: 1, y: undefined }], "id");
    assert.equal(swapped.changed.length, 1);
  },
  "compares field values shallowly by identity": () => {
    const tags = ["a"];
    const same = diffByKey([{ id: 1, tags }], [{ id: 1, tags }], "id");
    assert.equal(same.changed.length, 0);
    const copied = diffByKey([{ id: 1, tags }], [{ id: 1, tags: ["a"] }], "id");
    assert.equal(copied.changed.length, 1);
    const typed = diffByKey([{ id: 1, n: 1 }], [{ id: 1, n: "1" }], "id");
    assert.equal(typed.changed.length, 1);
  },
  "empty lists": () => {
    assert.deepEqual(diffByKey([], [], "id"), { added: [], removed: [], changed: [] });
    assert.deepEqual(diffByKey([], [{ id: 1 }], "id"), {
      added: [{ id: 1 }],
      removed: [],
      changed: [],
    });
    assert.deepEqual(diffByKey([{ id: 1 }], [], "id"), {
      added: [],
      removed: [{ id: 1 }],
      changed: [],
    });
  },
  "keys are compared like Map keys": () => {
    const diff = diffByKey([{ id: 1 }, { id: 0 }], [{ id: "1" }, { id: -0 }], "id");
    assert.deepEqual(diff.added, [{ id: "1" }]);
    assert.deepEqual(diff.removed, [{ id: 1 }]);
    assert.equal(diff.changed.length, 0);
  },
  "throws on a duplicate key in either list": () => {
    assert.throws(() => diffByKey([{ id: 1 }, { id: 1 }], [], "id"), /duplicate/);
    assert.throws(() => diffByKey([], [{ id: "a", v: 1 }, { id: "a", v: 2 }], "id"), /duplicate/);
  },
};
