import assert from "node:assert/strict";
import { TokenBucket } from "./solution.ts";

function clock(start = 1_000) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => void (t += ms),
    set: (ms: number) => void (t = ms),
  };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "starts full and takes tokens": () => {
    const c = clock();
    const bucket = new TokenBucket(3, 1, c.now);
    assert.equal(bucket.available(), 3);
    assert.equal(bucket.tryTake(), true);
    assert.equal(bucket.tryTake(), true);
    assert.equal(bucket.available(), 1);
  },
  "refuses when empty without going negative": () => {
    const c = clock();
    const bucket = new TokenBucket(2, 1, c.now);
    assert.equal(bucket.tryTake(2), true);
    assert.equal(bucket.tryTake(), false);
    assert.equal(bucket.tryTake(), false);
    assert.equal(bucket.available(), 0);
  },
  "refills continuously with time": () => {
    const c = clock();
    const bucket = new TokenBucket(10, 4, c.now);
    bucket.tryTake(10);
    c.advance(500);
    assert.equal(bucket.available(), 2);
    c.advance(125);
    assert.equal(bucket.available(), 2.5);
    assert.equal(bucket.tryTake(3), false);
    assert.equal(bucket.tryTake(2), true);
    assert.equal(bucket.available(), 0.5);
  },
  "never exceeds the capacity": () => {
    const c = clock();
    const bucket = new TokenBucket(5, 100, c.now);
    c.advance(60_000);
    assert.equal(bucket.available(), 5);
    bucket.tryTake(1);
    c.advance(5);
    assert.equal(bucket.available(), 4.5);
    c.advance(1_000);
    assert.equal(bucket.available(), 5);
  },
  "a failed take consumes nothing": () => {
    const c = clock();
    const bucket = new TokenBucket(4, 1, c.now);
    assert.equal(bucket.tryTake(3), true);
    assert.equal(bucket.tryTake(2), false);
    assert.equal(bucket.available(), 1);
    assert.equal(bucket.tryTake(5), false);
    assert.equal(bucket.tryTake(1), true);
  },
  "can take exactly the available tokens": () => {
    const c = clock();
    const bucket = new TokenBucket(3, 2, c.now);
    assert.equal(bucket.tryTake(3), true);
    c.advance(500);
    assert.equal(bucket.tryTake(1), true);
    assert.equal(bucket.available(), 0);
    c.advance(750);
    assert.equal(bucket.tryTake(1.5), true);
  },
  "time going backwards adds nothing": () => {
    const c = clock(10_000);
    const bucket = new TokenBucket(10, 1, c.now);
    bucket.tryTake(10);
    c.set(5_000);
    assert.equal(bucket.available(), 0);
    c.set(9_000);
    assert.equal(bucket.available(), 0);
    c.set(12_000);
    assert.equal(bucket.available(), 2);
  },
  "a zero refill rate never refills": () => {
    const c = clock();
    const bucket = new TokenBucket(2, 0, c.now);
    bucket.tryTake(2);
    c.advance(1e9);
    assert.equal(bucket.available(), 0);
    assert.equal(bucket.tryTake(), false);
  },
  "rejects an invalid configuration": () => {
    const c = clock();
    assert.throws(() => new TokenBucket(0, 1, c.now), RangeError);
    assert.throws(() => new TokenBucket(-1, 1, c.now), RangeError);
    assert.throws(() => new TokenBucket(Infinity, 1, c.now), RangeError);
    assert.throws(() => new TokenBucket(Number.NaN, 1, c.now), RangeError);
    assert.throws(() => new TokenBucket(1, -0.5, c.now), RangeError);
    assert.throws(() => new TokenBucket(1, Infinity, c.now), RangeError);
    assert.throws(() => new TokenBucket(1, Number.NaN, c.now), RangeError);
  },
  "rejects a count that is not positive": () => {
    const c = clock();
    const bucket = new TokenBucket(5, 1, c.now);
    assert.throws(() => bucket.tryTake(0), RangeError);
    assert.throws(() => bucket.tryTake(-1), RangeError);
    assert.throws(() => bucket.tryTake(Number.NaN), RangeError);
    assert.equal(bucket.available(), 5);
  },
};
