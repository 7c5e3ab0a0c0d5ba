import assert from "node:assert/strict";
import { mapLimit } from "./solution.ts";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const flush = () => sleep(0);

function controlled() {
  const started: number[] = [];
  const resolvers = new Map<number, (value: string) => void>();
  const fn = (item: number) => {
    started.push(item);
    return new Promise<string>((resolve) => resolvers.set(item, resolve));
  };
  const finish = (item: number) => resolvers.get(item)?.(`r${item}`);
  return { started, fn, finish };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "maps every item": async () => {
    const result = await mapLimit([1, 2, 3, 4], 2, (n) => Promise.resolve(n * 10));
    assert.deepEqual(result, [10, 20, 30, 40]);
  },
  "preserves input order when later items finish first": async () => {
    const delays = [15, 10, 5, 1];
    const result = await mapLimit(delays, 4, async (ms, i) => {
      await sleep(ms);
      return `item${i}`;
    });
    assert.deepEqual(result, ["item0", "item1", "item2", "item3"]);
  },
  "passes the index to fn": async () => {
    const result = await mapLimit(["a", "b", "c"], 2, (s, i) => Promise.resolve(`${s}${i}`));
    assert.deepEqual(result, ["a0", "b1", "c2"]);
  },
  "never exceeds the limit but reaches it": async () => {
    let active = 0;
    let peak = 0;
    const delays = [4, 1, 3, 2, 5, 1, 2, 3, 1];
    await mapLimit(delays, 3, async (ms) => {
      active++;
      peak = Math.max(peak, active);
      await sleep(ms);
      active--;
      return ms;
    });
    assert.equal(peak, 3);
    assert.equal(active, 0);
  },
  "starts the next item as soon as one finishes": async () => {
    const { started, fn, finish } = controlled();
    const promise = mapLimit([0, 1, 2, 3], 2, fn);
    await flush();
    assert.deepEqual(started, [0, 1]);
    finish(1);
    await flush();
    assert.deepEqual(started, [0, 1, 2]);
    finish(2);
    await flush();
    assert.deepEqual(started, [0, 1, 2, 3]);
    finish(3);
    finish(0);
    assert.deepEqual(await promise, ["r0", "r1", "r2", "r3"]);
  },
  "runs everything at once when the limit exceeds the count": async () => {
    const { started, fn, finish } = controlled();
    const promise = mapLimit([0, 1, 2], 10, fn);
    await flush();
    assert.deepEqual(started, [0, 1, 2]);
    finish(2);
    finish(0);
    finish(1);
    assert.deepEqual(await promise, ["r0", "r1", "r2"]);
  },
  "runs one at a time with limit 1": async () => {
    const { started, fn, finish } = controlled();
    const promise = mapLimit([0, 1, 2], 1, fn);
    await flush();
    assert.deepEqual(started, [0]);
    finish(0);
    await flush();
    assert.deepEqual(started, [0, 1]);
    finish(1);
    await flush();
    assert.deepEqual(started, [0, 1, 2]);
    finish(2);
    assert.deepEqual(await promise, ["r0", "r1", "r2"]);
  },
  "returns an empty array for empty input without calling fn": async () => {
    let calls = 0;
    const result = await mapLimit([], 3, () => {
      calls++;
      return Promise.resolve(1);
    });
    assert.deepEqual(result, []);
    assert.equal(calls, 0);
  },
  "rejects with a RangeError for an invalid limit": async () => {
    let calls = 0;
    const fn = (n: number) => {
      calls++;
      return Promise.resolve(n);
    };
    await assert.rejects(() => mapLimit([1, 2], 0, fn), RangeError);
    await assert.rejects(() => mapLimit([1, 2], -1, fn), RangeError);
    await assert.rejects(() => mapLimit([1, 2], 1.5, fn), RangeError);
    await assert.rejects(() => mapLimit([], 0, fn), RangeError);
    assert.equal(calls, 0);
  },
  "rejects with the error thrown by fn": async () => {
    const boom = new Error("boom");
    await assert.rejects(
      () => mapLimit([1, 2, 3], 2, (n) => (n === 2 ? Promise.reject(boom) : Promise.resolve(n))),
      (error) => error === boom,
    );
  },
  "starts no new items after a failure": async () => {
    const started: number[] = [];
    const promise = mapLimit([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error("fail");
      await sleep(5);
      return n;
    });
    await assert.rejects(promise, /fail/);
    await sleep(15);
    assert.deepEqual(started, [0, 1]);
  },
};
