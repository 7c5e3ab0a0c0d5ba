/**
 * The warm pool: long-lived Deno hosts, each inside the same isolation as a
 * strict sample (no permissions, bubblewrap, data-segment and heap caps), that
 * run every sample in a fresh `node:vm` context with its TypeScript stripped
 * once (see inside/pool_host.ts). A sample costs a context, not a process.
 *
 * Verdicts are the strict runner's by construction: a sample the pool cannot
 * run exactly as the strict runner would goes to the strict runner instead —
 * decided before (it names a global or module only a real Deno process has:
 * `Deno`, `fetch`, `URL`, `TextEncoder`, dynamic `import()`, any import other
 * than node:assert, node:util and the job's own files, but for a declared package that
 * resolves in the job's store and whose import type stripping removes, as Deno's does:
 * pool_packages.ts) or during the run (it
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
import { answerResult } from "./answer_result.ts";
import { sandboxCommand } from "./argv.ts";
import { type Attempt, withCaseLimits } from "./case_limits.ts";
import { runSample, type RunSampleOptions } from "./deno.ts";
import { runOnHost } from "./host_job.ts";
import { HostProcess } from "./host_process.ts";
import { hostSet } from "./host_set.ts";
import { HOST_ENTRY, HOST_FILES } from "./inside_sources.ts";
import { DEFAULT_DATA_MB, DEFAULT_HEAP_MB, resolveLimits } from "./limits.ts";
import { type PoolPackages, poolPackages } from "./pool_packages.ts";
import { poolRoute } from "./pool_route.ts";
import { createPythonPool, type PythonPool, type PythonPoolCounts } from "./python_pool.ts";
import { refused } from "./refused.ts";
import type {
  Isolation,
  PythonRuntime,
  SandboxJob,
  SandboxLimits,
  SandboxResult,
} from "./sandbox.ts";
import { assembleVerdicts } from "./verdicts.ts";

/** A host's hard lifetime, s; hosts are replaced a minute before it. */
const HOST_LIFETIME_S = 600;
/**
 * A host's young generation kept small: V8 grows it to 57 MiB while a package like mathjs
 * evaluates and never gives it back (a host's RSS 166 MiB after such jobs, 120 MiB with this;
 * the evaluation ~5% slower). Only hosts get it: no job's verdict depends on it (a host that
 * runs out of memory hands its sample to the strict runner).
 */
const HOST_V8_FLAGS = ["--max-semi-space-size=8"];

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
  /** Hosts replaced because they found their intrinsics changed (or, Python, a sample left state). */
  contaminated: number;
  /** Python hosts replaced after a sample, by reason (present when any was). */
  recycled?: Record<string, number>;
  /**
   * The declared packages' graphs the pool's samples needed, by their specifiers (joined by
   * " + "): "made: N files" (scanned in this process), "from disk: N files" (kept by an earlier
   * process: pool_graph_cache.ts), or "refused: <why>" (those samples ran strict). Present
   * when any was.
   */
  packageGraphs?: Record<string, string>;
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
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  const dataMb = options.dataMb ?? DEFAULT_DATA_MB;
  const jobsPerHost = options.jobsPerHost ?? 500;
  const strict = options.strict ?? runSample;
  const denoPath = Deno.realPathSync(options.denoPath ?? Deno.execPath());
  const stats: PoolStats = { pooled: 0, strict: {}, timeouts: 0, hostsStarted: 0, contaminated: 0 };
  let closed = false;
  const pythonCounts: PythonPoolCounts = {
    pooled: 0,
    strict: {},
    timeouts: 0,
    hostsStarted: 0,
    recycled: {},
  };
  const python: Partial<Record<PythonRuntime, PythonPool>> = {};

  const hosts = hostSet<HostProcess>({
    size,
    jobsPerHost,
    lifetimeS: HOST_LIFETIME_S,
    onExit: (host) => {
      if (host.contaminated) stats.contaminated++;
    },
    spawn: async () => {
      const dir = await Deno.makeTempDir({ prefix: "assay-host-" });
      for (const [name, source] of Object.entries(HOST_FILES)) {
        await Deno.writeTextFile(join(dir, name), source);
      }
      // `timeout` bounds the host's life: a host whose parent was killed (SIGKILL leaves no
      // chance to close the pool) dies within HOST_LIFETIME_S.
      const command = sandboxCommand({
        isolation,
        denoPath,
        dir,
        entry: HOST_ENTRY,
        killAfterMs: HOST_LIFETIME_S * 1000,
        heapMb,
        dataMb,
        v8Flags: HOST_V8_FLAGS,
        // A host loads its modules once: its caches would never be read again.
        denoDir: "memory",
      });
      stats.hostsStarted++;
      return new HostProcess(command, dir);
    },
  });

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
    packages: PoolPackages | null,
  ): Promise<Attempt | string> => {
    const resolved = resolveLimits(limits);
    const timeoutMs = resolved.timeoutMs;
    // A host that holds the packages' graph (its texts sent once, few hosts grown); up to half
    // the hosts run such samples side by side when they queue (host_set.ts).
    const host = await hosts.acquire(packages?.id, { spread: Math.max(1, Math.floor(size / 2)) });
    const contaminate = options.contaminateAfter?.(job) === true;
    const { ending, reported, execMs } = await runOnHost(
      host,
      job,
      resolved,
      contaminate,
      packages,
    );
    if (ending.kind === "fallback") {
      const died = host.dead;
      hosts.release(host, !died && ending.reusable !== false);
      // The host's reasons name the file or the limit; group them by their first words.
      if (died && !host.contaminated) return "host died";
      return ending.reason!.replace(/^(\S+ \S+ \S+).*$/, "$1");
    }
    // Done, or cut off at a deadline by the host itself: either way it can go on.
    hosts.release(host, true);
    // A syntax error: the strict runner's verdict, word for word (see inside/job_modules.ts
    // strip()), which run() then words on the answer's own lines as runSample does.
    if (ending.kind === "load_error") return refused(job, ending.reason!, execMs);
    const timedOut = ending.kind === "timeout";
    return assembleVerdicts({
      job,
      reported,
      outcome: timedOut ? "timeout" : "completed",
      detail: timedOut ? `exceeded ${timeoutMs} ms` : "",
      missing: timedOut ? `timeout: exceeded ${timeoutMs} ms` : "never reported",
      // The case running when time ran out, as the host names it (none while loading).
      stopped: timedOut && ending.name !== undefined
        ? { name: ending.name, own: ending.own === true, ms: ending.ms ?? 0 }
        : null,
      limits,
      timeoutMs,
      execMs,
      stderr: "",
    });
  };

  const run = async (job: SandboxJob, limits: SandboxLimits = {}): Promise<SandboxResult> => {
    if (closed) throw new Error("Cannot run a sample: the pool is closed");
    if (job.language === "py") {
      // Python jobs have warm hosts of their own, one pool per runtime (python_pool.ts); CPython
      // runs only under bubblewrap.
      const runtime = job.python ?? "pyodide";
      if (runtime === "cpython" && isolation !== "bwrap") {
        return await toStrict(job, limits, "CPython without bubblewrap");
      }
      python[runtime] ??= createPythonPool({
        runtime,
        size,
        isolation,
        denoPath,
        heapMb,
        dataMb,
        counts: pythonCounts,
      });
      return await python[runtime].run(job, limits);
    }
    const { reason, kept } = poolRoute(job);
    if (reason !== null) return await toStrict(job, limits, reason);
    // Declared packages its code loads: their graph, evaluated in the job's context, when it allows.
    let packages: PoolPackages | null = null;
    if (kept.length > 0) {
      const made = await poolPackages(job.dependencies!.nodeModules, kept, {
        isolation,
        denoPath,
        heapMb,
        dataMb,
      });
      // Once per graph: its source does not change while this process keeps it.
      stats.packageGraphs ??= {};
      stats.packageGraphs[kept.join(" + ")] ??= typeof made === "string"
        ? `refused: ${made}`
        : `${made.source === "disk" ? "from disk" : "made"}: ${
          Object.keys(made.graph.files).length
        } files`;
      if (typeof made === "string") {
        return await toStrict(job, limits, `imports declared "${kept[0]}"`);
      }
      packages = made;
    }
    // A fallback in any attempt hands the whole sample to the strict runner.
    let fallback: string | null = null;
    const result = await withCaseLimits(job, limits, async (j) => {
      const a = fallback === null ? await attempt(j, limits, packages) : fallback;
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
    stats: () => {
      // The Python hosts' counts, added in (their strict reasons and recycles named as such).
      const merged = structuredClone(stats);
      merged.pooled += pythonCounts.pooled;
      merged.timeouts += pythonCounts.timeouts;
      merged.hostsStarted += pythonCounts.hostsStarted;
      for (const [reason, n] of Object.entries(pythonCounts.strict)) {
        merged.strict[`Python: ${reason}`] = (merged.strict[`Python: ${reason}`] ?? 0) + n;
      }
      const recycled = Object.values(pythonCounts.recycled).reduce((a, b) => a + b, 0);
      merged.contaminated += recycled;
      if (recycled > 0) merged.recycled = structuredClone(pythonCounts.recycled);
      return merged;
    },
    async close() {
      closed = true;
      await hosts.close();
      await Promise.all(Object.values(python).map((p) => p.close()));
    },
  };
}
