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
   * With a `key` (e.g. the package graph the sample loads), the host is marked as holding it the
   * moment it is lent, and a host that holds it is taken when one is idle; else, when some host
   * holds it (or is starting for it), the next of them released, unless as many samples already
   * wait for them as there are such hosts and fewer than `spread` are: then another host. A
   * sample whose packages hosts already hold waits for one of them rather than making yet another
   * host load them (mathjs costs a host ~0.2 s to compile and grows it by ~50 MiB), and up to
   * `spread` hosts run such samples side by side when they queue.
   */
  acquire(key?: string, options?: { spread?: number }): Promise<H>;
  /** Whether `host` was lent for `key` before (it holds what `key` names). */
  holds(host: H, key: string): boolean;
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
  /** The keys each host was lent for. */
  const keys = new WeakMap<H, Set<string>>();
  const has = (host: H, key: string) => keys.get(host)?.has(key) === true;
  const waiting: {
    resolve: (host: H) => void;
    reject: (error: unknown) => void;
    key?: string;
  }[] = [];
  /** Hosts starting for a sample with each key (they hold it once started). */
  const startingFor = new Map<string, number>();
  /** How many live or starting hosts hold `key`. */
  const holders = (key: string) =>
    [...all].filter((h) => !h.dead && has(h, key)).length + (startingFor.get(key) ?? 0);
  /** How many samples wait for a host that holds `key`. */
  const queued = (key: string) => waiting.filter((w) => w.key === key).length;
  /**
   * The waiter that takes `host`: the first whose key it holds (it waited for this host while
   * others went round), else the first that takes any host (no key, or one no host holds).
   */
  const taker = (host: H) => {
    let i = waiting.findIndex((w) => w.key !== undefined && has(host, w.key));
    if (i < 0) i = waiting.findIndex((w) => w.key === undefined || holders(w.key) === 0);
    return i < 0 ? undefined : waiting.splice(i, 1)[0];
  };
  let starting = 0;
  let closed = false;

  const mark = (host: H, key?: string) => {
    if (key === undefined) return;
    let held = keys.get(host);
    if (held === undefined) keys.set(host, held = new Set());
    held.add(key);
  };
  /** Lend `host` for a sample (with `key`): counted and marked at once, before any other is lent. */
  const lend = (host: H, key?: string) => {
    host.jobs++;
    mark(host, key);
    return host;
  };

  const spawn = async (key?: string): Promise<H> => {
    starting++;
    if (key !== undefined) startingFor.set(key, (startingFor.get(key) ?? 0) + 1);
    try {
      const host = await o.spawn();
      all.add(host);
      mark(host, key); // holding from the moment it stops counting as starting: no gap
      host.exited.then(() => {
        all.delete(host);
        o.onExit?.(host);
        // A sample waiting for a host gets a fresh one in place of this one.
        const next = waiting.shift();
        if (next && !closed) {
          spawn(next.key).then((h) => next.resolve(lend(h, next.key)), next.reject);
        }
      });
      return host;
    } finally {
      starting--;
      if (key !== undefined) startingFor.set(key, startingFor.get(key)! - 1);
    }
  };

  return {
    async acquire(key, options = {}) {
      if (closed) throw new Error("Cannot lend a host: the pool is closed");
      const spread = options.spread ?? 1;
      if (key !== undefined) {
        const i = idle.findLastIndex((h) => !h.dead && has(h, key));
        if (i >= 0) return lend(idle.splice(i, 1)[0], key);
        const n = holders(key);
        if (n >= spread || (n > 0 && queued(key) < n)) {
          return await new Promise<H>((resolve, reject) => waiting.push({ resolve, reject, key }));
        }
      }
      while (idle.length > 0) {
        const host = idle.pop()!;
        if (!host.dead) return lend(host, key);
      }
      if (all.size + starting < o.size) {
        // Lent (and marked) when it has started, the spawn counted for `key` meanwhile.
        return lend(await spawn(key), key);
      }
      return await new Promise<H>((resolve, reject) => waiting.push({ resolve, reject, key }));
    },
    holds: has,
    release(host, reusable) {
      const old = performance.now() - host.startedAt > (o.lifetimeS - 60) * 1000;
      if (!reusable || host.dead || closed || host.jobs >= o.jobsPerHost || old) {
        host.kill(); // its exit hands a fresh host to the next waiter
        return;
      }
      const next = taker(host);
      if (next) next.resolve(lend(host, next.key));
      else idle.push(host);
    },
    async close() {
      closed = true;
      await Promise.all([...all].map((h) => h.kill()));
    },
  };
}
