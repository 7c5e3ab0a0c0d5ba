import assert from "node:assert/strict";
import { hostSet, type WarmHost } from "../../lib/sandbox/host_set.ts";

interface Fake extends WarmHost {
  id: number;
  holds: boolean;
}

function fakes(size: number) {
  let started = 0;
  const spawn = () => {
    let exit!: () => void;
    const host: Fake = {
      id: started++,
      holds: false,
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
    return Promise.resolve(host);
  };
  return hostSet<Fake>({ size, spawn, jobsPerHost: 100, lifetimeS: 600 });
}

const holds = (h: Fake) => h.holds;
/** Whether `p` has settled (after the microtasks queued so far). */
const settled = async (p: Promise<unknown>) => {
  let done = false;
  p.then(() => (done = true), () => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return done;
};

Deno.test("hostSet().acquire(prefer) waits for the busy host it prefers rather than another", async () => {
  const set = fakes(3);
  const a = await set.acquire();
  a.holds = true;
  const b = await set.acquire();
  set.release(b, true); // b idle, and room for a third host
  const waiting = set.acquire(holds);
  assert.equal(await settled(waiting), false, "it waits for a, busy");
  const other = await set.acquire(); // a sample with no preference takes the idle b
  assert.equal(other, b);
  set.release(a, true);
  assert.equal(await waiting, a);
  // Idle, the preferred host is lent before any other.
  set.release(a, true);
  set.release(b, true);
  assert.equal(await set.acquire(holds), a);
  await set.close();
});

Deno.test("hostSet() hands a released host to a sample that prefers it before earlier samples", async () => {
  const set = fakes(1);
  const a = await set.acquire();
  a.holds = true;
  const first = set.acquire(); // no preference, waiting since before
  const preferring = set.acquire(holds);
  set.release(a, true);
  assert.equal(await preferring, a);
  assert.equal(await settled(first), false);
  set.release(a, true);
  assert.equal(await first, a);
  set.release(a, true);
  await set.close();
});

Deno.test("hostSet().acquire(prefer) takes any host once none it prefers is alive", async () => {
  const set = fakes(2);
  const a = await set.acquire();
  a.holds = true;
  const b = await set.acquire();
  const waiting = set.acquire(holds);
  assert.equal(await settled(waiting), false);
  // a dies: the waiter gets a host all the same (b when released, or a fresh one).
  set.release(a, false);
  await a.exited;
  const got = await waiting;
  assert.notEqual(got, a);
  set.release(b, true);
  set.release(got, true);
  // No host holds anything: a preference changes nothing.
  assert.ok(await set.acquire(holds));
  await set.close();
});

Deno.test("hostSet().acquire(prefer, spread) makes another holder only when samples queue for the busy one", async () => {
  const set = fakes(3);
  const a = await set.acquire();
  a.holds = true;
  const first = set.acquire(holds, 2);
  assert.equal(await settled(first), false, "one holder, busy, nobody waiting yet: it waits");
  const second = await set.acquire(holds, 2); // one already waits for a: another host
  assert.notEqual(second, a);
  second.holds = true;
  const third = set.acquire(holds, 2);
  const fourth = set.acquire(holds, 2);
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
