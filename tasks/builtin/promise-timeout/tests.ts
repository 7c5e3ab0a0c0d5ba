import assert from "node:assert/strict";
import { withTimeout } from "./solution.ts";

/** A fake timer with exactly the two declared methods; handles are opaque objects. */
function fakeTimer() {
  const pending = new Map<object, () => void>();
  const log: string[] = [];
  const timer = {
    set(callback: () => void, ms: number): unknown {
      const handle = { ms };
      pending.set(handle, callback);
      log.push(`set ${ms}`);
      return handle;
    },
    clear(handle: unknown): void {
      log.push(pending.delete(handle as object) ? "clear" : "clear unknown handle");
    },
  };
  const fire = () => {
    for (const [handle, callback] of [...pending]) {
      pending.delete(handle);
      callback();
    }
  };
  return { timer, fire, log, pending };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

export const cases: Record<string, () => void | Promise<void>> = {
  "resolves with the value when the promise settles first": async () => {
    const t = fakeTimer();
    const d = deferred<string>();
    const wrapped = withTimeout(d.promise, 100, t.timer);
    d.resolve("value");
    assert.equal(await wrapped, "value");
    assert.deepEqual(t.log, ["set 100", "clear"]);
    assert.equal(t.pending.size, 0);
  },
  "rejects with the original error when the promise rejects first": async () => {
    const t = fakeTimer();
    const boom = new Error("boom");
    const wrapped = withTimeout(Promise.reject(boom), 100, t.timer);
    await assert.rejects(wrapped, (error) => error === boom);
    assert.deepEqual(t.log, ["set 100", "clear"]);
  },
  "rejects with a TimeoutError when the timer fires first": async () => {
    const t = fakeTimer();
    const d = deferred<number>();
    const wrapped = withTimeout(d.promise, 250, t.timer);
    t.fire();
    await assert.rejects(wrapped, (error) => {
      assert.ok(error instanceof Error);
      assert.equal(error.name, "TimeoutError");
      assert.equal(error.message, "timed out after 250 ms");
      return true;
    });
  },
  "schedules one timer with the given delay": () => {
    const t = fakeTimer();
    withTimeout(new Promise(() => {}), 1_500, t.timer);
    assert.deepEqual(t.log, ["set 1500"]);
    assert.equal(t.pending.size, 1);
  },
  "works with an already resolved promise": async () => {
    const t = fakeTimer();
    assert.deepEqual(await withTimeout(Promise.resolve([1, 2]), 10, t.timer), [1, 2]);
    assert.equal(t.pending.size, 0);
  },
  "ignores a resolution after the timeout": async () => {
    const t = fakeTimer();
    const d = deferred<string>();
    const wrapped = withTimeout(d.promise, 10, t.timer);
    t.fire();
    d.resolve("late");
    await assert.rejects(wrapped, { name: "TimeoutError" });
    await flush();
    assert.deepEqual(t.log, ["set 10"]);
  },
  "ignores a rejection after the timeout": async () => {
    const t = fakeTimer();
    const d = deferred<string>();
    const wrapped = withTimeout(d.promise, 10, t.timer);
    t.fire();
    d.reject(new Error("late"));
    await assert.rejects(wrapped, { name: "TimeoutError" });
    await flush();
    assert.deepEqual(t.log, ["set 10"]);
  },
  "a delay of 0 is allowed": async () => {
    const t = fakeTimer();
    const wrapped = withTimeout(new Promise<never>(() => {}), 0, t.timer);
    assert.deepEqual(t.log, ["set 0"]);
    t.fire();
    await assert.rejects(wrapped, { name: "TimeoutError", message: "timed out after 0 ms" });
  },
  "rejects an invalid delay without setting a timer": async () => {
    const t = fakeTimer();
    for (const ms of [-1, Number.NaN, Infinity]) {
      let result: Promise<number> | undefined;
      assert.doesNotThrow(() => {
        result = withTimeout(Promise.resolve(1), ms, t.timer);
      });
      await assert.rejects(result as Promise<number>, RangeError);
    }
    assert.deepEqual(t.log, []);
  },
};
