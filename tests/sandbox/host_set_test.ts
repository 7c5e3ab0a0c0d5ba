import assert from "node:assert/strict";
import { hostSet, type WarmHost } from "../../lib/sandbox/host_set.ts";

interface Fake extends WarmHost {
  id: number;
}

function fakes(size: number, spawnMs = 0) {
  let started = 0;
  const spawn = () => {
    let exit!: () => void;
    const host: Fake = {
      id: started++,
      startedAt: performance.now(),
      jobs: 0,
      dead: false,
      exited: new Promise<void>((resolve) => (exit = resolve)),
      kill: () => {
        host.dead = true;
        exit();
        return Promise.resolve();
      },
    };
    return new Promise<Fake>((r) => setTimeout(() => r(host), spawnMs));
  };
  return hostSet<Fake>({ size, spawn, jobsPerHost: 100, lifetimeS: 600 });
}

/** Whether `p` has settled (after the timers and microtasks queued so far). */
const settled = async (p: Promise<unknown>) => {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

Deno.test("hostSet().acquire(key) waits for the busy host that holds the key rather than another", async () => {
  const set = fakes(3);
  const a = await set.acquire("g"); // a holds g from now on
  assert.ok(set.holds(a, "g"));
  const b = await set.acquire();
  assert.equal(set.holds(b, "g"), false);
  set.release(b, true); // b idle, and room for a third host
  const waiting = set.acquire("g");
  assert.equal(await settled(waiting), false, "it waits for a, busy");
  const other = await set.acquire(); // a sample with no key takes the idle b
  assert.equal(other, b);
  set.release(a, true);
  assert.equal(await waiting, a);
  // Idle, the host that holds the key is lent before any other.
  set.release(a, true);
  set.release(b, true);
  assert.equal(await set.acquire("g"), a);
  await set.close();
});

Deno.test("hostSet() hands a released host to a sample whose key it holds before earlier samples", async () => {
  const set = fakes(1);
  const a = await set.acquire("g");
  const first = set.acquire(); // no key, waiting since before
  const keyed = set.acquire("g");
  set.release(a, true);
  assert.equal(await keyed, a);
  assert.equal(await settled(first), false);
  set.release(a, true);
  assert.equal(await first, a);
  set.release(a, true);
  await set.close();
});

Deno.test("hostSet().acquire(key) takes any host once none that holds the key is alive", async () => {
  const set = fakes(2);
  const a = await set.acquire("g");
  const b = await set.acquire();
  const waiting = set.acquire("g");
  assert.equal(await settled(waiting), false);
  // a dies: the waiter gets a host all the same (b when released, or a fresh one).
  set.release(a, false);
  await a.exited;
  const got = await waiting;
  assert.notEqual(got, a);
  assert.ok(set.holds(got, "g"), "lent for g, it holds g");
  set.release(b, true);
  set.release(got, true);
  await set.close();
});

Deno.test("hostSet().acquire(key, { spread }) makes another holder only when samples queue for the busy one", async () => {
  const set = fakes(3);
  const a = await set.acquire("g");
  const first = set.acquire("g", { spread: 2 });
  assert.equal(await settled(first), false, "one holder, busy, nobody waiting yet: it waits");
  const second = await set.acquire("g", { spread: 2 }); // one already waits for a: another host
  assert.notEqual(second, a);
  const third = set.acquire("g", { spread: 2 });
  const fourth = set.acquire("g", { spread: 2 });
  assert.equal(await settled(third), false);
  assert.equal(await settled(fourth), false, "spread 2 reached: it waits though a host is free");
  set.release(a, true);
  assert.equal(await first, a, "the first waiter gets the holder released");
  set.release(second, true);
  assert.equal(await third, second);
  set.release(a, true);
  assert.equal(await fourth, a);
  set.release(a, true);
  set.release(second, true);
  await set.close();
});

Deno.test("hostSet().acquire(key) counts a host starting for the key: samples asking at once make one holder", async () => {
  const set = fakes(4, 20); // each host takes 20 ms to start
  // Two samples with the same key ask in the same tick, no host yet: one host starts for the
  // first; the second waits for it rather than starting another.
  const one = set.acquire("g", { spread: 2 });
  const two = set.acquire("g", { spread: 2 });
  const a = await one;
  assert.equal(await settled(two), false);
  set.release(a, true);
  assert.equal(await two, a);
  set.release(a, true);
  await set.close();
});
