/**
 * The warm pool: long-lived Deno hosts, each inside the same isolation as a
 * strict sample (no permissions, bubblewrap, data-segment and heap caps), that
 * run every sample in a fresh `node:vm` context with its TypeScript stripped
 * once (see pool_host.ts). A sample costs a context, not a process.
 *
 * Verdicts are the strict runner's by construction: a sample the pool cannot
 * run exactly as the strict runner would goes to the strict runner instead —
 * decided before (it names a global or module only a real Deno process has:
 * `Deno`, `fetch`, `URL`, `TextEncoder`, dynamic `import()`, any import other
 * than node:assert, node:util and the job's own files) or during the run (it
 * does not load, a timer throws, output passes the cap, the host dies, e.g.
 * out of memory). A sample over its wall-clock limit is killed with its host
 * and gets the strict runner's timeout verdict. Hosts are replaced after
 * `jobsPerHost` samples, after a timeout, and whenever a host finds its own
 * intrinsics changed after a sample.
 *
 * @module
 */
import { join } from "node:path";
import { bwrapArgs, INSIDE } from "./isolate.ts";
import { strictReason } from "./pool_route.ts";
import {
  DENO_SANDBOX_FLAGS,
  ensureExported,
  refused,
  runSample,
  type RunSampleOptions,
  TESTS_TRAILER,
} from "./deno.ts";
import type { CaseVerdict } from "../run/records.ts";
import type { Isolation, SandboxJob, SandboxLimits, SandboxResult } from "./sandbox.ts";

/** A host's hard lifetime, s; hosts are replaced a minute before it. */
const HOST_LIFETIME_S = 600;
const HOST_SOURCE = Deno.readTextFileSync(new URL("./pool_host.ts", import.meta.url));

/** Options for {@link createPool}. */
export interface PoolOptions {
  /** Number of hosts (samples run at once). @default navigator.hardwareConcurrency */
  size?: number;
  /** `bwrap` (OS isolation) or `none` (Deno permissions only). @default "bwrap" */
  isolation?: Isolation;
  /** The Deno binary. @default Deno.execPath() */
  denoPath?: string;
  /** V8 old-space cap per host, MiB. @default 512 */
  heapMb?: number;
  /** RLIMIT_DATA per host, MiB. @default 1024 */
  dataMb?: number;
  /** Replace a host after this many samples. @default 500 */
  jobsPerHost?: number;
  /** Runs the samples the pool hands back. @default runSample (the strict runner) */
  strict?: (job: SandboxJob, options: RunSampleOptions) => Promise<SandboxResult>;
}

/** What a pool has done so far. */
export interface PoolStats {
  /** Samples whose verdict came from a pooled context. */
  pooled: number;
  /** Samples sent to the strict runner, by reason (e.g. "uses Deno", "host died"). */
  strict: Record<string, number>;
  /** Samples killed at their wall-clock limit inside the pool. */
  timeouts: number;
  /** Hosts started (the first ones included). */
  hostsStarted: number;
  /** Hosts replaced because they found their intrinsics changed. */
  contaminated: number;
}

/** A warm pool of sandbox hosts. */
export interface SandboxPool {
  /** Run one sample; same contract as `runSample` (throws only on a harness failure). */
  run(job: SandboxJob, limits?: SandboxLimits): Promise<SandboxResult>;
  /** Counters since creation. */
  stats(): PoolStats;
  /** Stop every host. */
  close(): Promise<void>;
}

interface HostMessage {
  type: string;
  name?: string;
  status?: CaseVerdict["status"];
  message?: string;
  ms?: number;
  reason?: string;
}

/** One long-lived host process. */
class Host {
  readonly nonce = crypto.randomUUID().replaceAll("-", "");
  readonly startedAt = performance.now();
  jobs = 0;
  dead = false;
  /** Set when the host found its intrinsics changed after a sample (it then exits). */
  contaminated = false;
  stderr = "";
  #child: Deno.ChildProcess;
  #writer: WritableStreamDefaultWriter<Uint8Array>;
  #listener: ((m: HostMessage | null) => void) | null = null;
  #dir: string;
  readonly exited: Promise<void>;

  constructor(argv: string[], dir: string, env: Record<string, string>) {
    this.#dir = dir;
    this.#child = new Deno.Command(argv[0], {
      args: argv.slice(1),
      cwd: dir,
      env,
      clearEnv: true,
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    this.#writer = this.#child.stdin.getWriter();
    this.exited = Promise.all([this.#read(), this.#drainStderr(), this.#child.status]).then(() => {
      this.dead = true;
      this.#listener?.(null);
    });
    this.send({ nonce: this.nonce });
  }

  send(value: unknown): void {
    this.#writer.write(new TextEncoder().encode(JSON.stringify(value) + "\n")).catch(() => {});
  }

  /** Deliver host messages to `listener` until it is replaced; null means the host is gone. */
  listen(listener: ((m: HostMessage | null) => void) | null): void {
    this.#listener = listener;
  }

  async #read(): Promise<void> {
    const prefix = `${this.nonce} `;
    let pending = "";
    const decoder = new TextDecoder();
    for await (const chunk of this.#child.stdout) {
      pending += decoder.decode(chunk, { stream: true });
      let cut: number;
      while ((cut = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, cut);
        pending = pending.slice(cut + 1);
        if (!line.startsWith(prefix)) continue;
        let message: HostMessage;
        try {
          message = JSON.parse(line.slice(prefix.length));
        } catch {
          continue;
        }
        if (message.type === "contaminated") this.contaminated = true;
        else this.#listener?.(message);
      }
    }
  }

  async #drainStderr(): Promise<void> {
    const decoder = new TextDecoder();
    for await (const chunk of this.#child.stderr) {
      this.stderr = (this.stderr + decoder.decode(chunk, { stream: true })).slice(-4000);
    }
  }

  async kill(): Promise<void> {
    this.dead = true;
    try {
      Deno.kill(-this.#child.pid, "SIGKILL"); // the whole group: timeout, bwrap, the host
    } catch { /* already gone */ }
    try {
      this.#child.kill("SIGKILL");
    } catch { /* already gone */ }
    await this.exited.catch(() => {});
    await Deno.remove(this.#dir, { recursive: true }).catch(() => {});
  }
}

/**
 * Start a warm pool. Hosts start lazily, on the first samples.
 *
 * @example
 * ```ts
 * import { createPool } from "./pool.ts";
 * const pool = createPool({ size: 1, isolation: "none" });
 * try {
 *   const result = await pool.run({
 *     code: "export const add = (a: number, b: number) => a + b;",
 *     testsSource: 'import assert from "node:assert/strict";\nimport { add } from "./solution.ts";\nexport const cases = { adds: () => assert.equal(add(1, 2), 3) };',
 *     cases: [{ name: "adds", kind: "core", tags: [] }],
 *     entry: "add",
 *   });
 *   console.assert(result.cases[0].status === "pass");
 *   console.assert(pool.stats().pooled === 1);
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export function createPool(options: PoolOptions = {}): SandboxPool {
  const size = Math.max(1, options.size ?? navigator.hardwareConcurrency ?? 2);
  const isolation = options.isolation ?? "bwrap";
  const heapMb = options.heapMb ?? 512;
  const dataMb = options.dataMb ?? 1024;
  const jobsPerHost = options.jobsPerHost ?? 500;
  const strict = options.strict ?? runSample;
  const denoPath = Deno.realPathSync(options.denoPath ?? Deno.execPath());
  const stats: PoolStats = { pooled: 0, strict: {}, timeouts: 0, hostsStarted: 0, contaminated: 0 };
  const idle: Host[] = [];
  const all = new Set<Host>();
  const waiting: ((host: Host) => void)[] = [];
  let starting = 0;
  let closed = false;

  const spawn = async (): Promise<Host> => {
    const dir = await Deno.makeTempDir({ prefix: "assay-host-" });
    await Deno.writeTextFile(join(dir, "pool_host.ts"), HOST_SOURCE);
    await Deno.mkdir(join(dir, ".deno"));
    const flags = [...DENO_SANDBOX_FLAGS, `--v8-flags=--max-old-space-size=${heapMb}`];
    // coreutils `timeout` leads the host's process group and bounds its life: a host whose
    // parent was killed (SIGKILL leaves no chance to close the pool) dies within HOST_LIFETIME_S.
    const limits = [
      "timeout",
      "-s",
      "KILL",
      `${HOST_LIFETIME_S}s`,
      "prlimit",
      `--data=${dataMb * 1024 * 1024}`,
      "--",
    ];
    let argv: string[];
    let env: Record<string, string> = {};
    if (isolation === "bwrap") {
      const inner = { DENO_DIR: `${INSIDE.job}/.deno`, NO_COLOR: "1", HOME: INSIDE.job };
      argv = [
        ...limits,
        ...bwrapArgs({ denoPath, jobDir: dir, env: inner }),
        INSIDE.deno,
        ...flags,
        "pool_host.ts",
      ];
    } else {
      env = { DENO_DIR: join(dir, ".deno"), NO_COLOR: "1", HOME: dir };
      argv = [...limits, denoPath, ...flags, "pool_host.ts"];
    }
    stats.hostsStarted++;
    const host = new Host(argv, dir, env);
    all.add(host);
    host.exited.then(() => {
      all.delete(host);
      if (host.contaminated) stats.contaminated++;
      // A sample waiting for a host gets a fresh one in place of this one.
      const next = waiting.shift();
      if (next && !closed) spawnFor(next);
    });
    return host;
  };

  const acquire = async (): Promise<Host> => {
    while (idle.length > 0) {
      const host = idle.pop()!;
      if (!host.dead) return host;
    }
    if (all.size + starting < size) {
      starting++;
      try {
        return await spawn();
      } finally {
        starting--;
      }
    }
    return await new Promise<Host>((resolve) => waiting.push(resolve));
  };

  const release = (host: Host, reusable: boolean) => {
    const old = performance.now() - host.startedAt > (HOST_LIFETIME_S - 60) * 1000;
    if (!reusable || host.dead || closed || host.jobs >= jobsPerHost || old) {
      host.kill(); // its exit hands a fresh host to the next waiter
      return;
    }
    const next = waiting.shift();
    if (next) next(host);
    else idle.push(host);
  };
  const spawnFor = (resolve: (host: Host) => void) => {
    starting++;
    spawn().then((host) => {
      starting--;
      resolve(host);
    }, () => {
      starting--;
    });
  };

  const toStrict = (job: SandboxJob, limits: SandboxLimits, reason: string) => {
    stats.strict[reason] = (stats.strict[reason] ?? 0) + 1;
    return strict(job, { ...limits, isolation, denoPath, heapMb, dataMb });
  };

  const run = async (job: SandboxJob, limits: SandboxLimits = {}): Promise<SandboxResult> => {
    if (closed) throw new Error("Cannot run a sample: the pool is closed");
    const timeoutMs = limits.timeoutMs ?? 10_000;
    const outputCap = limits.outputCapBytes ?? 1_000_000;
    const reason = strictReason(job);
    if (reason !== null) return await toStrict(job, limits, reason);

    const host = await acquire();
    host.jobs++;
    const started = performance.now();
    const reported = new Map<string, HostMessage>();
    const ending = await new Promise<
      {
        kind: "done" | "timeout" | "fallback" | "load_error";
        reason?: string;
        reusable?: boolean;
      }
    >(
      (resolve) => {
        // The host cuts a job's microtasks off at the limit and says so; a host stuck in
        // synchronous code is killed a little later.
        const timer = setTimeout(() => resolve({ kind: "timeout" }), timeoutMs + 500);
        host.listen((m) => {
          if (m === null) {
            clearTimeout(timer);
            resolve({ kind: "fallback", reason: "host died" });
          } else if (m.type === "case" && m.name !== undefined && !reported.has(m.name)) {
            reported.set(m.name, m);
          } else if (m.type === "done") {
            clearTimeout(timer);
            resolve({ kind: "done" });
          } else if (m.type === "load_error") {
            clearTimeout(timer);
            resolve({ kind: "load_error", reason: m.message ?? "" });
          } else if (m.type === "timeout") {
            clearTimeout(timer);
            resolve({ kind: "timeout", reusable: true });
          } else if (m.type === "fallback") {
            clearTimeout(timer);
            resolve({ kind: "fallback", reason: m.reason ?? "host fallback" });
          }
        });
        host.send({
          id: host.jobs,
          solution: ensureExported(job.code, job.entry),
          tests: job.testsSource + TESTS_TRAILER,
          files: job.files ?? {},
          cases: job.cases.map((c) => c.name),
          outputCap,
          timeoutMs,
        });
      },
    );
    host.listen(null);
    const execMs = performance.now() - started;
    if (ending.kind === "fallback") {
      const died = host.dead;
      release(host, !died);
      // The host's reasons name the file or the limit; group them by their first words.
      const key = died ? "host died" : ending.reason!.replace(/^(\S+ \S+ \S+).*$/, "$1");
      return await toStrict(job, limits, key);
    }
    if (ending.kind === "load_error") {
      // A syntax error: the strict runner's verdict, word for word (see pool_host.ts strip()).
      stats.pooled++;
      release(host, true);
      return refused(job, ending.reason!, execMs);
    }
    if (ending.kind === "timeout") {
      stats.timeouts++;
      // The host cut off the job's microtasks itself and can go on; a busy host is killed.
      release(host, ending.reusable === true);
    } else {
      stats.pooled++;
      release(host, true);
    }
    const timedOut = ending.kind === "timeout";
    const missing = timedOut ? `timeout: exceeded ${timeoutMs} ms` : "never reported";
    const cases: CaseVerdict[] = job.cases.map((c) => {
      const got = reported.get(c.name);
      if (got) {
        return {
          name: c.name,
          kind: c.kind,
          status: got.status!,
          message: String(got.message ?? ""),
          ms: Number(got.ms ?? 0),
        };
      }
      return { name: c.name, kind: c.kind, status: "missing", message: missing, ms: null };
    });
    return {
      outcome: timedOut ? "timeout" : "completed",
      detail: timedOut ? `exceeded ${timeoutMs} ms` : "",
      cases,
      execMs,
      stderr: "",
    };
  };

  return {
    run,
    stats: () => structuredClone(stats),
    async close() {
      closed = true;
      await Promise.all([...all].map((h) => h.kill()));
    },
  };
}
