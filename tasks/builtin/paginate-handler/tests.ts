import assert from "node:assert/strict";
import { handleList } from "./src/handler.ts";
import { listPage, listProducts } from "./src/service.ts";
import { makeStore } from "./src/store.ts";

type Body = { items: { id: number }[]; page: number; pageSize: number; total: number; hasNext: boolean };
const ok = (store: ReturnType<typeof makeStore>, query: Record<string, string>) => {
  const res = handleList(store, query);
  assert.equal(res.status, 200);
  return res.body as Body;
};
const ids = (b: Body) => b.items.map((p) => p.id);

export const cases: Record<string, () => void | Promise<void>> = {
  "the first page has 20 items by default": () => {
    const body = ok(makeStore(45), {});
    assert.deepEqual(ids(body), Array.from({ length: 20 }, (_, i) => i + 1));
    assert.deepEqual({ ...body, items: undefined }, {
      items: undefined,
      page: 1,
      pageSize: 20,
      total: 45,
      hasNext: true,
    });
  },
  "returns the requested page": () => {
    const body = ok(makeStore(45), { page: "2", pageSize: "10" });
    assert.deepEqual(ids(body), [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    assert.equal(body.hasNext, true);
  },
  "the last page is partial and has no next": () => {
    const body = ok(makeStore(45), { page: "3" });
    assert.deepEqual(ids(body), [41, 42, 43, 44, 45]);
    assert.equal(body.hasNext, false);
  },
  "an exactly full last page has no next": () => {
    const body = ok(makeStore(40), { page: "2" });
    assert.equal(body.items.length, 20);
    assert.equal(body.hasNext, false);
    assert.equal(ok(makeStore(41), { page: "2" }).hasNext, true);
  },
  "a page past the end is empty, not an error": () => {
    const body = ok(makeStore(5), { page: "4", pageSize: "2" });
    assert.deepEqual(body.items, []);
    assert.equal(body.total, 5);
    assert.equal(body.hasNext, false);
    assert.deepEqual(ok(makeStore(0), {}).items, []);
  },
  "rejects an invalid page": () => {
    for (const page of ["0", "-1", "1.5", "abc", ""]) {
      const res = handleList(makeStore(5), { page });
      assert.equal(res.status, 400, page);
      assert.deepEqual(res.body, { error: "invalid page" });
    }
  },
  "page size is between 1 and 100": () => {
    assert.equal(ok(makeStore(150), { pageSize: "100" }).items.length, 100);
    assert.equal(ok(makeStore(150), { pageSize: "1" }).items.length, 1);
    for (const pageSize of ["101", "0", "x"]) {
      assert.deepEqual(handleList(makeStore(5), { pageSize }), {
        status: 400,
        body: { error: "invalid pageSize" },
      });
    }
  },
  "the service slices by offset and limit": () => {
    const page = listPage(makeStore(10), 3, 4);
    assert.deepEqual(page.items.map((p) => p.id), [4, 5, 6, 7]);
    assert.equal(page.total, 10);
    assert.deepEqual(listPage(makeStore(3), 2, 5).items.map((p) => p.id), [3]);
    assert.deepEqual(listProducts(makeStore(2)).map((p) => p.id), [1, 2]);
  },
  "returned items are copies": () => {
    const store = makeStore(3);
    const body = ok(store, {});
    body.items[0].id = 99;
    assert.equal(store[0].id, 1);
  },
};
