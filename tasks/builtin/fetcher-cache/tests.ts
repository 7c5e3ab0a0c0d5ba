import assert from "node:assert/strict";
import { createFetcher } from "./src/fetcher.ts";
import { profileService } from "./src/profiles.ts";

function fakeClock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function counting<T>(value: (key: string, call: number) => T) {
  const calls: string[] = [];
  const load = (key: string) => {
    calls.push(key);
    return Promise.resolve(value(key, calls.length));
  };
  return { load, calls };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "caches a value for the ttl": async () => {
    const clock = fakeClock();
    const { load, calls } = counting((k, n) => `${k}#${n}`);
    const f = createFetcher(load, { ttlMs: 1000, clock });
    assert.equal(await f.get("a"), "a#1");
    clock.advance(999);
    assert.equal(await f.get("a"), "a#1");
    assert.deepEqual(calls, ["a"]);
  },
  "reloads once the ttl has passed": async () => {
    const clock = fakeClock();
    const { load } = counting((k, n) => `${k}#${n}`);
    const f = createFetcher(load, { ttlMs: 1000, clock });
    await f.get("a");
    clock.advance(1000);
    assert.equal(await f.get("a"), "a#2");
    clock.advance(500);
    assert.equal(await f.get("a"), "a#2");
  },
  "keys are cached separately": async () => {
    const clock = fakeClock();
    const { load, calls } = counting((k) => k.toUpperCase());
    const f = createFetcher(load, { ttlMs: 1000, clock });
    assert.equal(await f.get("a"), "A");
    assert.equal(await f.get("b"), "B");
    assert.equal(await f.get("a"), "A");
    assert.deepEqual(calls, ["a", "b"]);
  },
  "concurrent gets share one load": async () => {
    const clock = fakeClock();
    const { load, calls } = counting((k) => k);
    const f = createFetcher(load, { ttlMs: 1000, clock });
    const [x, y] = await Promise.all([f.get("a"), f.get("a")]);
    assert.equal(x, "a");
    assert.equal(y, "a");
    assert.deepEqual(calls, ["a"]);
  },
  "failures are not cached": async () => {
    const clock = fakeClock();
    let n = 0;
    const f = createFetcher((k) => (++n === 1 ? Promise.reject(new Error("down")) : Promise.resolve(k)), {
      ttlMs: 1000,
      clock,
    });
    await assert.rejects(f.get("a"), /down/);
    assert.equal(await f.get("a"), "a");
    assert.equal(n, 2);
  },
  "without a ttl nothing is cached": async () => {
    const { load, calls } = counting((k, n) => `${k}#${n}`);
    const f = createFetcher(load);
    assert.equal(await f.get("a"), "a#1");
    assert.equal(await f.get("a"), "a#2");
    assert.deepEqual(calls, ["a", "a"]);
  },
  "the ttl counts from when the load finished": async () => {
    const clock = fakeClock(100);
    const { load, calls } = counting((k) => k);
    const f = createFetcher((k) => {
      clock.advance(300);
      return load(k);
    }, { ttlMs: 1000, clock });
    await f.get("a");
    clock.advance(999);
    await f.get("a");
    assert.equal(calls.length, 1);
  },
  "the profile service caches plans for a minute": async () => {
    const clock = fakeClock();
    const { load, calls } = counting((user, n) => ({ user, plan: n === 1 ? "free" : "pro" }));
    const service = profileService(load, clock);
    assert.equal(await service.plan("ada"), "free");
    clock.advance(59_999);
    assert.equal(await service.plan("ada"), "free");
    clock.advance(1);
    assert.equal(await service.plan("ada"), "pro");
    assert.deepEqual(calls, ["ada", "ada"]);
  },
};
