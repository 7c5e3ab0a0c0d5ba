/**
 * The hosts of a warm pool, whatever they run (pool.ts's TypeScript hosts, python_pool.ts's
 * Python ones): at most `size` at once, started lazily, lent to one sample at a time, replaced
 * when a sample leaves one unusable, after `jobsPerHost` samples, or a minute before the end of
 * their life. A sample waiting for a host gets the next one released, or a fresh one in place of
 * a host that exits.
 *
 * @module
 */

/** What the set needs of a host. */
export interface WarmHost {
  /** `performance.now()` when it started. */
  readonly startedAt: number;
  /** Samples it was lent for. */
  jobs: number;
  /** Whether its process is gone (or going). */
  dead: boolean;
  /** Settles when its process is gone. */
  readonly exited: Promise<void>;
  /** Kill its process (and remove its folder). */
  kill(): Promise<void>;
}

/** Options for {@link hostSet}. */
export interface HostSetOptions<H extends WarmHost> {
  /** How many hosts at most. */
  size: number;
  /** Start one host. */
  spawn: () => Promise<H>;
  /** Replace a host after this many samples. */
  jobsPerHost: number;
  /** A host's hard lifetime, s: it is not lent in the last minute of it. */
  lifetimeS: number;
  /** Called when a host's process is gone. @default none */
  onExit?: (host: H) => void;
}

/** A set of warm hosts. */
export interface HostSet<H extends WarmHost> {
  /**
   * A host for one sample (counted in its `jobs`): an idle one, a new one, or the next released.
   * With `prefer`, a host it accepts when one is idle; else, when some live host is one it accepts,
   * the next of them released, unless as many samples already wait for them as there are such
   * hosts and fewer than `spread` are: then another host. A sample whose packages hosts already
   * hold waits for one of them rather than making yet another host load them (mathjs costs a host
   * ~0.2 s to compile and grows it by ~150 MiB), and up to `spread` hosts run such samples side by
   * side when they queue. @default spread 1
   */
  acquire(prefer?: (host: H) => boolean, spread?: number): Promise<H>;
  /** Give a host back; `reusable: false` kills it (a fresh one replaces it for a waiting sample). */
  release(host: H, reusable: boolean): void;
  /** Kill every host; nothing is lent after. */
  close(): Promise<void>;
}

/**
 * Keep a set of warm hosts.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hostSet } from "./host_set.ts";
 * let started = 0;
 * const spawn = () => {
 *   started++;
 *   let exit!: () => void;
 *   const host = {
 *     startedAt: performance.now(), jobs: 0, dead: false,
 *     exited: new Promise<void>((resolve) => (exit = resolve)),
 *     kill: async () => { host.dead = true; exit(); },
 *   };
 *   return Promise.resolve(host);
 * };
 * const set = hostSet({ size: 1, spawn, jobsPerHost: 2, lifetimeS: 600 });
 * const a = await set.acquire();
 * set.release(a, true);
 * assert.equal(await set.acquire(), a); // reused
 * set.release(a, true); // its second job: replaced
 * assert.notEqual(await set.acquire(), a);
 * assert.equal(started, 2);
 * await set.close();
 * ```
 */
export function hostSet<H extends WarmHost>(o: HostSetOptions<H>): HostSet<H> {
  const idle: H[] = [];
  const all = new Set<H>();
  const waiting: {
    resolve: (host: H) => void;
    reject: (error: unknown) => void;
    prefer?: (host: H) => boolean;
  }[] = [];
  /** How many live hosts `prefer` accepts. */
  const holders = (prefer: (host: H) => boolean) =>
    [...all].filter((h) => !h.dead && prefer(h)).length;
  const held = (prefer: (host: H) => boolean) => holders(prefer) > 0;
  /** How many samples wait for a live host `prefer` accepts. */
  const queued = (prefer: (host: H) => boolean) => {
    const accepted = [...all].filter((h) => !h.dead && prefer(h));
    return waiting.filter((w) => w.prefer !== undefined && accepted.some(w.prefer)).length;
  };
  /**
   * The waiter that takes `host`: the first that prefers it (it waited for this host while others
   * went round), else the first that takes any host (no preference, or none it prefers lives).
   */
  const taker = (host: H) => {
    let i = waiting.findIndex((w) => w.prefer?.(host) === true);
    if (i < 0) i = waiting.findIndex((w) => !w.prefer || !held(w.prefer));
    return i < 0 ? undefined : waiting.splice(i, 1)[0];
  };
  let starting = 0;
  let closed = false;

  const spawn = async (): Promise<H> => {
    starting++;
    try {
      const host = await o.spawn();
      all.add(host);
      host.exited.then(() => {
        all.delete(host);
        o.onExit?.(host);
        // A sample waiting for a host gets a fresh one in place of this one.
        const next = waiting.shift();
        if (next && !closed) spawn().then(next.resolve, next.reject);
      });
      return host;
    } finally {
      starting--;
    }
  };

  const lend = (host: H) => {
    host.jobs++;
    return host;
  };

  return {
    async acquire(prefer, spread = 1) {
      if (closed) throw new Error("Cannot lend a host: the pool is closed");
      if (prefer) {
        const i = idle.findLastIndex((h) => !h.dead && prefer(h));
        if (i >= 0) return lend(idle.splice(i, 1)[0]);
        const n = holders(prefer);
        if (n >= spread || (n > 0 && queued(prefer) < n)) {
          return lend(
            await new Promise<H>((resolve, reject) => waiting.push({ resolve, reject, prefer })),
          );
        }
      }
      while (idle.length > 0) {
        const host = idle.pop()!;
        if (!host.dead) return lend(host);
      }
      if (all.size + starting < o.size) return lend(await spawn());
      return lend(await new Promise<H>((resolve, reject) => waiting.push({ resolve, reject })));
    },
    release(host, reusable) {
      const old = performance.now() - host.startedAt > (o.lifetimeS - 60) * 1000;
      if (!reusable || host.dead || closed || host.jobs >= o.jobsPerHost || old) {
        host.kill(); // its exit hands a fresh host to the next waiter
        return;
      }
      const next = taker(host);
      if (next) next.resolve(host);
      else idle.push(host);
    },
    async close() {
      closed = true;
      await Promise.all([...all].map((h) => h.kill()));
    },
  };
}
