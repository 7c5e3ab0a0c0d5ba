import assert from "node:assert/strict";
import { Mutex } from "./solution.ts";

const tick = async (n = 5) => {
  for (let i = 0; i < n; i++) await Promise.resolve();
};

export const cases: Record<string, () => void | Promise<void>> = {
  "lock resolves immediately when free": async () => {
    const mutex = new Mutex();
    assert.equal(mutex.isLocked, false);
    const release = await mutex.lock();
    assert.equal(mutex.isLocked, true);
    release();
    assert.equal(mutex.isLocked, false);
  },
  "a second lock waits for the release": async () => {
    const mutex = new Mutex();
    const release = await mutex.lock();
    let acquired = false;
    const second = mutex.lock().then((r) => {
      acquired = true;
      return r;
    });
    await tick();
    assert.equal(acquired, false);
    release();
    const releaseSecond = await second;
    assert.equal(acquired, true);
    assert.equal(mutex.isLocked, true);
    releaseSecond();
    assert.equal(mutex.isLocked, false);
  },
  "waiters acquire the lock in FIFO order": async () => {
    const mutex = new Mutex();
    const release = await mutex.lock();
    const order: number[] = [];
    const all = [1, 2, 3].map((n) =>
      mutex.lock().then((r) => {
        order.push(n);
        r();
      })
    );
    await tick();
    assert.deepEqual(order, []);
    release();
    await Promise.all(all);
    assert.deepEqual(order, [1, 2, 3]);
    assert.equal(mutex.isLocked, false);
  },
  "runExclusive serializes critical sections": async () => {
    const mutex = new Mutex();
    let active = 0;
    let peak = 0;
    const log: string[] = [];
    const section = (name: string, ticks: number) =>
      mutex.runExclusive(async () => {
        active++;
        peak = Math.max(peak, active);
        log.push(`start ${name}`);
        await tick(ticks);
        log.push(`end ${name}`);
        active--;
        return name;
      });
    const results = await Promise.all([section("a", 3), section("b", 1), section("c", 2)]);
    assert.deepEqual(results, ["a", "b", "c"]);
    assert.equal(peak, 1);
    assert.deepEqual(log, ["start a", "end a", "start b", "end b", "start c", "end c"]);
  },
  "runExclusive releases the lock when fn throws": async () => {
    const mutex = new Mutex();
    const boom = new Error("boom");
    await assert.rejects(
      mutex.runExclusive(() => {
        throw boom;
      }),
      (error) => error === boom,
    );
    assert.equal(mutex.isLocked, false);
    await assert.rejects(mutex.runExclusive(() => Promise.reject(boom)), (e) => e === boom);
    assert.equal(await mutex.runExclusive(() => 42), 42);
    assert.equal(mutex.isLocked, false);
  },
  "tryLock succeeds only when free": async () => {
    const mutex = new Mutex();
    const release = mutex.tryLock();
    assert.equal(typeof release, "function");
    assert.equal(mutex.isLocked, true);
    assert.equal(mutex.tryLock(), null);
    release?.();
    assert.equal(mutex.isLocked, false);
    const again = mutex.tryLock();
    assert.notEqual(again, null);
    let acquired = false;
    const waiting = mutex.lock().then((r) => {
      acquired = true;
      r();
    });
    await tick();
    assert.equal(acquired, false);
    again?.();
    await waiting;
    assert.equal(acquired, true);
  },
  "releasing twice has no effect": async () => {
    const mutex = new Mutex();
    const first = await mutex.lock();
    const order: string[] = [];
    const b = mutex.lock().then((r) => {
      order.push("b");
      return r;
    });
    const c = mutex.lock().then((r) => {
      order.push("c");
      return r;
    });
    first();
    first();
    const releaseB = await b;
    await tick();
    assert.deepEqual(order, ["b"]);
    releaseB();
    releaseB();
    (await c)();
    assert.deepEqual(order, ["b", "c"]);
    assert.equal(mutex.isLocked, false);
  },
  "the lock passes straight to the next waiter": async () => {
    const mutex = new Mutex();
    const release = await mutex.lock();
    const waiter = mutex.lock();
    release();
    assert.equal(mutex.isLocked, true);
    assert.equal(mutex.tryLock(), null);
    (await waiter)();
    assert.equal(mutex.isLocked, false);
  },
  "a waiter queued after a release waits for the new holder": async () => {
    const mutex = new Mutex();
    const release = await mutex.lock();
    const order: string[] = [];
    const second = mutex.lock().then((r) => {
      order.push("second");
      return r;
    });
    release();
    const third = mutex.lock().then((r) => {
      order.push("third");
      r();
    });
    const releaseSecond = await second;
    await tick();
    assert.deepEqual(order, ["second"]);
    releaseSecond();
    await third;
    assert.deepEqual(order, ["second", "third"]);
  },
};
