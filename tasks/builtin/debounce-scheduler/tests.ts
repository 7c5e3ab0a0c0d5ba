import assert from "node:assert/strict";
import { debounce } from "./solution.ts";

/** A fake scheduler with exactly the two declared methods; ids start at 0. */
function fakeTime() {
  let now = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const scheduled: number[] = [];
  const scheduler = {
    setTimeout(callback: () => void, ms: number): number {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      scheduled.push(ms);
      return id;
    },
    clearTimeout(id: number): void {
      timers.delete(id);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      let first: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of timers) {
        if (entry[1].at <= end && (!first || entry[1].at < first[1].at)) first = entry;
      }
      if (!first) break;
      timers.delete(first[0]);
      now = first[1].at;
      first[1].callback();
    }
    now = end;
  };
  return { scheduler, advance, active: () => timers.size, scheduled };
}

function spy() {
  const calls: unknown[][] = [];
  return { calls, fn: (...args: unknown[]) => void calls.push(args) };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "calls fn once after a burst of calls": () => {
    const time = fakeTime();
    const { calls, fn } = spy();
    const d = debounce(fn, 100, time.scheduler);
    d(1);
    time.advance(10);
    d(2);
    time.advance(10);
    d(3);
    assert.deepEqual(calls, []);
    time.advance(100);
    assert.deepEqual(calls, [[3]]);
    assert.equal(time.active(), 0);
  },
  "waits the full period after the last call": () => {
    const time = fakeTime();
    const { calls, fn } = spy();
    const d = debounce(fn, 50, time.scheduler);
    d("a", 1);
    time.advance(30);
    d("b", 2);
    time.advance(49);
    assert.deepEqual(calls, []);
    time.advance(1);
    assert.deepEqual(calls, [["b", 2]]);
    assert.deepEqual(time.scheduled, [50, 50]);
  },
  "separate bursts give separate calls": () => {
    const time = fakeTime();
    const { calls, fn } = spy();
    const d = debounce(fn, 20, time.scheduler);
    d("x");
    time.advance(25);
    d("y");
    time.advance(25);
    assert.deepEqual(calls, [["x"], ["y"]]);
  },
  "cancel drops the pending call": () => {
    const time = fakeTime();
    const { calls, fn } = spy();
    const d = debounce(fn, 20, time.scheduler);
    d(1);
    d.cancel();
    assert.equal(d.pending(), false);
    assert.equal(time.active(), 0);
    time.advance(100);
    assert.deepEqual(calls, []);
    d.cancel();
    d(2);
    time.advance(20);
    assert.deepEqual(calls, [[2]]);
  },
  "flush runs the pending call immediately": () => {
    const time = fakeTime();
    const { calls, fn } = spy();
    const d = debounce(fn, 100, time.scheduler);
    d("now");
    d.flush();
    assert.deepEqual(calls, [["now"]]);
    assert.equal(d.pending(), false);
    assert.equal(time.active(), 0);
    time.advance(200);
    assert.deepEqual(calls, [["now"]]);
  },
  "flush without a pending call does nothing": () => {
    const time = fakeTime();
    const { calls, fn } = spy();
    const d = debounce(fn, 100, time.scheduler);
    d.flush();
    d(1);
    time.advance(100);
    d.flush();
    assert.deepEqual(calls, [[1]]);
  },
  "pending reports a scheduled call": () => {
    const time = fakeTime();
    const { fn } = spy();
    const d = debounce(fn, 10, time.scheduler);
    assert.equal(d.pending(), false);
    d();
    assert.equal(d.pending(), true);
    time.advance(10);
    assert.equal(d.pending(), false);
  },
  "a timer id of 0 is a real id": () => {
    const time = fakeTime();
    const { calls, fn } = spy();
    const d = debounce(fn, 10, time.scheduler);
    d("first");
    assert.equal(d.pending(), true);
    d("second");
    assert.equal(time.active(), 1);
    d.cancel();
    assert.equal(time.active(), 0);
    time.advance(50);
    assert.deepEqual(calls, []);
  },
  "a wait of 0 still defers the call": () => {
    const time = fakeTime();
    const { calls, fn } = spy();
    const d = debounce(fn, 0, time.scheduler);
    d(1);
    d(2);
    assert.deepEqual(calls, []);
    time.advance(0);
    assert.deepEqual(calls, [[2]]);
    assert.deepEqual(time.scheduled, [0, 0]);
  },
  "calls made inside fn start a new period": () => {
    const time = fakeTime();
    const seen: number[] = [];
    const d = debounce(
      (n: number) => {
        seen.push(n);
        if (n < 3) d(n + 1);
      },
      10,
      time.scheduler,
    );
    d(1);
    time.advance(10);
    assert.deepEqual(seen, [1]);
    assert.equal(d.pending(), true);
    time.advance(20);
    assert.deepEqual(seen, [1, 2, 3]);
    assert.equal(d.pending(), false);
  },
  "rejects an invalid wait": () => {
    const time = fakeTime();
    for (const bad of [-1, Number.NaN, Infinity]) {
      assert.throws(() => debounce(() => {}, bad, time.scheduler), RangeError);
    }
  },
};
