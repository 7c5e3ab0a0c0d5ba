import assert from "node:assert/strict";
import { retry } from "./solution.ts";

function recorder() {
  const delays: number[] = [];
  const sleep = (ms: number): Promise<void> => {
    delays.push(ms);
    if (delays.length > 50) return Promise.reject(new Error("too many sleeps"));
    return Promise.resolve();
  };
  return { delays, sleep };
}

function failing(times: number, value = "ok") {
  const attempts: number[] = [];
  const errors: Error[] = [];
  const fn = (attempt: number): Promise<string> => {
    attempts.push(attempt);
    if (attempts.length <= times) {
      const error = new Error(`fail ${attempts.length}`);
      errors.push(error);
      return Promise.reject(error);
    }
    return Promise.resolve(value);
  };
  return { attempts, errors, fn };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "returns the first successful result without sleeping": async () => {
    const { delays, sleep } = recorder();
    const { attempts, fn } = failing(0, "done");
    assert.equal(await retry(fn, { retries: 3, baseDelayMs: 100, sleep }), "done");
    assert.deepEqual(attempts, [1]);
    assert.deepEqual(delays, []);
  },
  "retries with exponentially growing delays": async () => {
    const { delays, sleep } = recorder();
    const { attempts, fn } = failing(3);
    assert.equal(await retry(fn, { retries: 5, baseDelayMs: 100, sleep }), "ok");
    assert.deepEqual(attempts, [1, 2, 3, 4]);
    assert.deepEqual(delays, [100, 200, 400]);
  },
  "rejects with the last error once retries are exhausted": async () => {
    const { delays, sleep } = recorder();
    const { attempts, errors, fn } = failing(10);
    await assert.rejects(
      retry(fn, { retries: 2, baseDelayMs: 10, sleep }),
      (error) => error === errors[2],
    );
    assert.deepEqual(attempts, [1, 2, 3]);
    assert.deepEqual(delays, [10, 20]);
  },
  "caps each delay at maxDelayMs": async () => {
    const { delays, sleep } = recorder();
    const { fn } = failing(6);
    await retry(fn, { retries: 6, baseDelayMs: 100, maxDelayMs: 400, sleep });
    assert.deepEqual(delays, [100, 200, 400, 400, 400, 400]);
    const other = recorder();
    await retry(failing(3).fn, {
      retries: 3,
      baseDelayMs: 100,
      maxDelayMs: 250,
      sleep: other.sleep,
    });
    assert.deepEqual(other.delays, [100, 200, 250]);
  },
  "stops early when shouldRetry returns false": async () => {
    const { delays, sleep } = recorder();
    const { attempts, errors, fn } = failing(10);
    const seen: [unknown, number][] = [];
    const shouldRetry = (error: unknown, attempt: number) => {
      seen.push([error, attempt]);
      return attempt < 2;
    };
    await assert.rejects(
      retry(fn, { retries: 5, baseDelayMs: 1, sleep, shouldRetry }),
      (error) => error === errors[1],
    );
    assert.deepEqual(attempts, [1, 2]);
    assert.deepEqual(delays, [1]);
    assert.deepEqual(seen, [[errors[0], 1], [errors[1], 2]]);
  },
  "waits for sleep to finish before the next attempt": async () => {
    let wake: () => void = () => {};
    const sleep = () => new Promise<void>((resolve) => (wake = resolve));
    const { attempts, fn } = failing(1);
    const result = retry(fn, { retries: 1, baseDelayMs: 1_000, sleep });
    for (let i = 0; i < 5; i++) await Promise.resolve();
    assert.deepEqual(attempts, [1]);
    wake();
    assert.equal(await result, "ok");
    assert.deepEqual(attempts, [1, 2]);
  },
  "retries 0 means a single attempt": async () => {
    const { delays, sleep } = recorder();
    const { attempts, errors, fn } = failing(1);
    await assert.rejects(
      retry(fn, { retries: 0, baseDelayMs: 100, sleep }),
      (error) => error === errors[0],
    );
    assert.deepEqual(attempts, [1]);
    assert.deepEqual(delays, []);
  },
  "makes exactly retries + 1 attempts": async () => {
    const { delays, sleep } = recorder();
    const last = failing(1);
    assert.equal(await retry(last.fn, { retries: 1, baseDelayMs: 50, sleep }), "ok");
    assert.deepEqual(last.attempts, [1, 2]);
    const over = failing(2);
    await assert.rejects(retry(over.fn, { retries: 1, baseDelayMs: 50, sleep }), /fail 2/);
    assert.deepEqual(over.attempts, [1, 2]);
    assert.deepEqual(delays, [50, 50]);
  },
  "a zero base delay sleeps zero": async () => {
    const { delays, sleep } = recorder();
    await retry(failing(2).fn, { retries: 2, baseDelayMs: 0, sleep });
    assert.deepEqual(delays, [0, 0]);
  },
  "rejects an invalid retries count without calling fn": async () => {
    const { sleep } = recorder();
    for (const retries of [-1, 1.5, Number.NaN, Infinity]) {
      const { attempts, fn } = failing(0);
      await assert.rejects(retry(fn, { retries, baseDelayMs: 1, sleep }), RangeError);
      assert.deepEqual(attempts, []);
    }
  },
};
