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
 * out of memory, or a microtask loop uses up the time). Time limits, the
 * sample's and each case's (lib/sandbox/case_limits.ts), are kept by the host
 * itself with vm timeouts, which leave it usable; a host stuck past a deadline
 * is killed and the strict runner judges the sample. Hosts are replaced after
 * `jobsPerHost` samples, when stuck, and whenever a host finds its own
 * intrinsics changed after a sample (that sample's verdict is then the strict
 * runner's: what the host reported is void).
 *
 * @module
 */
import { join } from "node:path";
import { bwrapArgs, INSIDE } from "./isolate.ts";
import { strictReason } from "./pool_route.ts";
import { answerResult } from "./answer_result.ts";
import {
  DENO_SANDBOX_FLAGS,
  ensureExported,
  nonceLines,
  refused,
  runSample,
  type RunSampleOptions,
  TESTS_TRAILER,
} from "./deno.ts";
import type { CaseVerdict } from "../record/case_verdict.ts";
import {
  type Attempt,
  caseLimit,
  caseTimeoutMessage,
  DEFAULT_TIMEOUT_MS,
  sampleTimeoutMessage,
  withCaseLimits,
} from "./case_limits.ts";
import type { Isolation, SandboxJob, SandboxLimits, SandboxResult } from "./sandbox.ts";
import { SETTLE_GRACE_MS } from "./settle.ts";

/** A host's hard lifetime, s; hosts are replaced a minute before it. */
const HOST_LIFETIME_S = 600;
const HOST_SOURCE = Deno.readTextFileSync(new URL("./pool_host.ts", import.meta.url));
/** The host's one local import, written beside it. */
const WATCH_SOURCE = Deno.readTextFileSync(new URL("./builtin_watch.ts", import.meta.url));

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
  /**
   * For tests of the integrity check: the host that runs a job for which this returns true
   * changes one of its own intrinsics after the job, as a job that escaped its context would.
   */
  contaminateAfter?: (job: SandboxJob) => boolean;
}

/** What a pool has done so far. */
export interface PoolStats {
  /** Samples whose verdict came from a pooled context. */
  pooled: number;
  /** Samples sent to the strict runner, by reason (e.g. "uses Deno", "host died"). */
  strict: Record<string, number>;
  /** Samples the pool judged timed out (a sample or case limit, cut off inside a host). */
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
  name?: string | null;
  status?: CaseVerdict["status"];
  message?: string;
  ms?: number;
  reason?: string;
  /** On `timeout`: the running case's own limit ran out, not the sample's. */
  own?: boolean;
}

/** How one job on a host ended. */
interface Ending {
  kind: "done" | "timeout" | "fallback" | "load_error";
  reason?: string;
  /** On a fallback: false when the host must not take another job (it is stuck or tainted). */
  reusable?: boolean;
  /** On a timeout: the case that was running. */
  name?: string;
  /** On a timeout: it was that case's own limit. */
  own?: boolean;
  /** On a timeout: how long that case ran, ms. */
  ms?: number;
}

/** How long past a deadline the parent waits for the host to cut the job off itself, ms. */
const GRACE_MS = 500;
/** How long a host may take to begin a job (a fresh host boots first), ms. */
const BOOT_LIMIT_MS = 30_000;

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
    const scan = nonceLines(this.nonce, (message) => {
      const m = message as HostMessage;
      if (m.type === "contaminated") this.contaminated = true;
      this.#listener?.(m);
    });
    for await (const chunk of this.#child.stdout) scan(chunk);
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
 * import assert from "node:assert/strict";
 * import { createPool } from "./pool.ts";
 * const pool = createPool({ size: 1, isolation: "none" });
 * try {
 *   const result = await pool.run({
 *     code: "export const add = (a: number, b: number) => a + b;",
 *     testsSource: 'import assert from "node:assert/strict";\nimport { add } from "./solution.ts";\nexport const cases = { adds: () => assert.equal(add(1, 2), 3) };',
 *     cases: [{ name: "adds", kind: "core", tags: [] }],
 *     entry: "add",
 *   });
 *   assert.equal(result.cases[0].status, "pass");
 *   assert.equal(pool.stats().pooled, 1);
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
    await Deno.writeTextFile(join(dir, "builtin_watch.ts"), WATCH_SOURCE);
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

  /**
   * One attempt on a host: the job's cases in a fresh context, under the sample's limit. A
   * string is a reason to hand the whole sample to the strict runner.
   */
  const attempt = async (
    job: SandboxJob,
    limits: SandboxLimits,
  ): Promise<Attempt | string> => {
    const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const host = await acquire();
    host.jobs++;
    const started = performance.now();
    const reported = new Map<string, HostMessage>();
    const ending = await new Promise<Ending>((resolve) => {
      // The host cuts a job's code off at its deadlines and says so; a host stuck in code it
      // cannot cut off (the modules' evaluation) is killed a little later. Stuck before any
      // case started, it may be a loop of microtasks among which the strict runner would run
      // the cases: the strict runner judges the sample.
      let timer: ReturnType<typeof setTimeout> | undefined;
      let caseTimer: ReturnType<typeof setTimeout> | undefined;
      const end = (e: Ending) => {
        clearTimeout(timer);
        clearTimeout(caseTimer);
        resolve(e);
      };
      // The host cuts the job off at its deadlines itself (vm timeouts). One that has not
      // answered a little after a deadline is stuck where it cannot cut: in the modules'
      // evaluation, or collecting garbage near its heap cap (a chain of pending promises). How
      // far a process would have got is not knowable here: the strict runner judges the sample.
      const overdue = () =>
        end({ kind: "fallback", reason: "host stuck past a deadline", reusable: false });
      // The clock starts when the host begins the job (a fresh host first boots); a host that
      // never begins is replaced and the sample run strict.
      timer = setTimeout(
        () => end({ kind: "fallback", reason: "host did not begin", reusable: false }),
        BOOT_LIMIT_MS,
      );
      host.listen((m) => {
        if (m === null) end({ kind: "fallback", reason: "host died" });
        else if (m.type === "begin") {
          clearTimeout(timer);
          timer = setTimeout(overdue, timeoutMs + GRACE_MS);
        } else if (m.type === "start" && typeof m.name === "string") {
          clearTimeout(caseTimer);
          const own = caseLimit(limits, m.name);
          if (own !== null) caseTimer = setTimeout(overdue, own + GRACE_MS);
        } else if (m.type === "case" && typeof m.name === "string" && !reported.has(m.name)) {
          clearTimeout(caseTimer);
          reported.set(m.name, m);
        } else if (m.type === "done") end({ kind: "done" });
        else if (m.type === "load_error") end({ kind: "load_error", reason: m.message ?? "" });
        else if (m.type === "timeout") {
          end({ kind: "timeout", name: m.name ?? undefined, own: m.own === true, ms: m.ms });
        } else if (m.type === "fallback") {
          end({ kind: "fallback", reason: m.reason ?? "host fallback" });
        } else if (m.type === "contaminated") {
          // The job reached the host's realm: whatever the host reported is void.
          end({ kind: "fallback", reason: "host contaminated", reusable: false });
        }
      });
      host.send({
        id: host.jobs,
        solution: ensureExported(job.code, job.entry),
        tests: job.testsSource + TESTS_TRAILER,
        files: job.files ?? {},
        cases: job.cases.map((c) => c.name),
        caseLimits: job.cases.map((c) => caseLimit(limits, c.name)),
        settleMs: SETTLE_GRACE_MS,
        outputCap: limits.outputCapBytes ?? 1_000_000,
        timeoutMs,
        ...(options.contaminateAfter?.(job) ? { contaminate: true } : {}),
      });
    });
    host.listen(null);
    const execMs = performance.now() - started;
    if (ending.kind === "fallback") {
      const died = host.dead;
      release(host, !died && ending.reusable !== false);
      // The host's reasons name the file or the limit; group them by their first words.
      if (died && !host.contaminated) return "host died";
      return ending.reason!.replace(/^(\S+ \S+ \S+).*$/, "$1");
    }
    // Done, or cut off at a deadline by the host itself: either way it can go on.
    release(host, true);
    // A syntax error: the strict runner's verdict, word for word (see pool_host.ts strip()),
    // which run() then words on the answer's own lines as runSample does.
    if (ending.kind === "load_error") return refused(job, ending.reason!, execMs);
    const timedOut = ending.kind === "timeout";
    // The case running when time ran out, as the host names it (none while loading).
    const stopped = timedOut ? ending.name : undefined;
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
      if (c.name === stopped) {
        return {
          name: c.name,
          kind: c.kind,
          status: "timeout",
          message: ending.own
            ? caseTimeoutMessage(caseLimit(limits, c.name)!)
            : sampleTimeoutMessage(timeoutMs),
          ms: ending.ms ?? 0,
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
      ...(timedOut && ending.own && stopped ? { caseTimedOut: stopped } : {}),
    };
  };

  const run = async (job: SandboxJob, limits: SandboxLimits = {}): Promise<SandboxResult> => {
    if (closed) throw new Error("Cannot run a sample: the pool is closed");
    const reason = strictReason(job);
    if (reason !== null) return await toStrict(job, limits, reason);
    // A fallback in any attempt hands the whole sample to the strict runner.
    let fallback: string | null = null;
    const result = await withCaseLimits(job, limits, async (j) => {
      const a = fallback === null ? await attempt(j, limits) : fallback;
      if (typeof a !== "string") return a;
      fallback = a;
      return refused(j, a); // discarded below
    });
    if (fallback !== null) return await toStrict(job, limits, fallback);
    if (result.outcome === "timeout") stats.timeouts++;
    stats.pooled++;
    // The strict runner's last step too: the load error on the answer's lines, the harness's changes.
    return answerResult(result, job);
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
