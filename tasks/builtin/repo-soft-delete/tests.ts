import assert from "node:assert/strict";
import { NoteRepo } from "./src/repo.ts";

function repo() {
  let now = 1000;
  const r = new NoteRepo(() => now);
  return { r, tick: (ms: number) => (now += ms) };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "new notes are not deleted": () => {
    const { r } = repo();
    assert.deepEqual(r.create("a"), { id: 1, text: "a", createdAt: 1000, deletedAt: null });
    assert.equal(r.get(1)?.deletedAt, null);
  },
  "remove hides a note from get and list": () => {
    const { r } = repo();
    r.create("a");
    r.create("b");
    assert.equal(r.remove(1), true);
    assert.equal(r.get(1), undefined);
    assert.deepEqual(r.list().map((n) => n.id), [2]);
  },
  "remove records the deletion time from the clock": () => {
    const { r, tick } = repo();
    r.create("a");
    tick(500);
    r.remove(1);
    assert.deepEqual(r.get(1, { includeDeleted: true }), {
      id: 1,
      text: "a",
      createdAt: 1000,
      deletedAt: 1500,
    });
  },
  "includeDeleted lists deleted notes too, in creation order": () => {
    const { r } = repo();
    r.create("a");
    r.create("b");
    r.create("c");
    r.remove(2);
    assert.deepEqual(r.list({ includeDeleted: true }).map((n) => n.id), [1, 2, 3]);
    assert.deepEqual(r.list({ includeDeleted: false }).map((n) => n.id), [1, 3]);
  },
  "restore brings a deleted note back": () => {
    const { r } = repo();
    r.create("a");
    r.remove(1);
    assert.equal(r.restore(1), true);
    assert.equal(r.get(1)?.deletedAt, null);
    assert.deepEqual(r.list().map((n) => n.id), [1]);
  },
  "removing twice or a missing note returns false": () => {
    const { r, tick } = repo();
    r.create("a");
    assert.equal(r.remove(1), true);
    tick(100);
    assert.equal(r.remove(1), false);
    assert.equal(r.get(1, { includeDeleted: true })?.deletedAt, 1000, "the first deletion time stays");
    assert.equal(r.remove(99), false);
  },
  "restoring a live or missing note returns false": () => {
    const { r } = repo();
    r.create("a");
    assert.equal(r.restore(1), false);
    assert.equal(r.restore(42), false);
    assert.equal(r.get(42), undefined);
    assert.equal(r.get(42, { includeDeleted: true }), undefined);
  },
  "ids are never reused after a deletion": () => {
    const { r } = repo();
    r.create("a");
    r.remove(1);
    assert.equal(r.create("b").id, 2);
  },
  "returned notes are copies": () => {
    const { r } = repo();
    r.create("a");
    const got = r.get(1)!;
    got.deletedAt = 5;
    r.list()[0].deletedAt = 6;
    assert.equal(r.get(1)?.deletedAt, null);
    assert.deepEqual(r.list().length, 1);
  },
};
