import assert from "node:assert/strict";
import { collectPages } from "./solution.ts";

type Pages = Record<string, { items: number[]; next: string | null }>;

/** A source with exactly the one declared method; pages are frozen plain objects. */
function strictSource(pages: Pages) {
  const requests: (string | null)[] = [];
  let inFlight = 0;
  let peak = 0;
  const source = Object.freeze({
    async fetchPage(cursor: string | null) {
      requests.push(cursor);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await Promise.resolve();
      inFlight--;
      const page = pages[cursor ?? "start"];
      if (!page) throw new Error(`unknown cursor ${cursor}`);
      return Object.freeze({ items: Object.freeze([...page.items]) as number[], next: page.next });
    },
  });
  return { source, requests, peak: () => peak };
}

const threePages: Pages = {
  start: { items: [1, 2, 3], next: "c2" },
  c2: { items: [4, 5], next: "c3" },
  c3: { items: [6], next: null },
};

export const cases: Record<string, () => void | Promise<void>> = {
  "collects the items of every page in order": async () => {
    const s = strictSource(threePages);
    assert.deepEqual(await collectPages(s.source, 100), [1, 2, 3, 4, 5, 6]);
  },
  "follows the next cursors": async () => {
    const s = strictSource(threePages);
    await collectPages(s.source, 100);
    assert.deepEqual(s.requests, [null, "c2", "c3"]);
  },
  "stops at the limit in the middle of a page": async () => {
    const s = strictSource(threePages);
    assert.deepEqual(await collectPages(s.source, 4), [1, 2, 3, 4]);
    assert.deepEqual(s.requests, [null, "c2"]);
  },
  "fetches pages one at a time": async () => {
    const s = strictSource(threePages);
    await collectPages(s.source, 6);
    assert.equal(s.peak(), 1);
  },
  "passes a fetch error through": async () => {
    const boom = new Error("network down");
    const source = {
      fetchPage: (cursor: string | null) =>
        cursor === null ? Promise.resolve({ items: [1], next: "x" }) : Promise.reject(boom),
    };
    await assert.rejects(collectPages(source, 10), (error) => error === boom);
  },
  "no extra fetch when the limit ends exactly at a page": async () => {
    const s = strictSource(threePages);
    assert.deepEqual(await collectPages(s.source, 3), [1, 2, 3]);
    assert.deepEqual(s.requests, [null]);
    const all = strictSource(threePages);
    assert.deepEqual(await collectPages(all.source, 6), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(all.requests, [null, "c2", "c3"]);
  },
  "continues past empty pages": async () => {
    const s = strictSource({
      start: { items: [], next: "a" },
      a: { items: [], next: "b" },
      b: { items: [7], next: "c" },
      c: { items: [], next: null },
    });
    assert.deepEqual(await collectPages(s.source, 10), [7]);
    assert.deepEqual(s.requests, [null, "a", "b", "c"]);
  },
  "a limit of 0 fetches nothing": async () => {
    const s = strictSource(threePages);
    assert.deepEqual(await collectPages(s.source, 0), []);
    assert.deepEqual(s.requests, []);
  },
  "a single empty page gives an empty array": async () => {
    const s = strictSource({ start: { items: [], next: null } });
    assert.deepEqual(await collectPages(s.source, 5), []);
    assert.deepEqual(s.requests, [null]);
  },
  "rejects when a cursor repeats": async () => {
    const s = strictSource({
      start: { items: [1], next: "a" },
      a: { items: [2], next: "b" },
      b: { items: [3], next: "a" },
    });
    await assert.rejects(collectPages(s.source, 50), /cycle/);
    assert.deepEqual(s.requests, [null, "a", "b"]);
    const done = strictSource({
      start: { items: [1, 2], next: "a" },
      a: { items: [3], next: "a" },
    });
    assert.deepEqual(await collectPages(done.source, 3), [1, 2, 3]);
  },
  "rejects an invalid limit without fetching": async () => {
    const s = strictSource(threePages);
    for (const limit of [-1, 2.5, Number.NaN, Infinity]) {
      await assert.rejects(collectPages(s.source, limit), RangeError);
    }
    assert.deepEqual(s.requests, []);
  },
};
