/**
 * The warm pool for Python: long-lived hosts (python_host.ts) — Pyodide in the sandboxed Deno
 * process, or CPython under bubblewrap — under the same isolation as a strict Python job, each
 * keeping one loaded interpreter and running one sample after another in fresh modules. A sample
 * costs a namespace, not a process and an interpreter.
 *
 * Verdicts are the strict runner's: the host runs the same harness (inside/py_harness.py), its
 * lines are read by the same code (strict_verdicts.ts), time limits are kept from outside as for a
 * strict job (a host stopped at a limit is killed, the cases after a case stopped at its own limit
 * run on a fresh host: case_limits.ts), and anything else out of the ordinary — the host dies
 * (a memory cap, a WebAssembly stack overflow), the output passes the cap — hands the whole
 * sample to the strict runner. After each sample the host says whether it can go on: a sample
 * that changed shared interpreter state, wrote files or left a function of its own alive gets its
 * host replaced before anything else runs there (the pool's recycle reasons, in its stats).
 *
 * @module
 */
import { type Attempt, caseLimit, withCaseLimits } from "./case_limits.ts";
import { DEFAULT_DATA_MB, DEFAULT_HEAP_MB, resolveLimits } from "./limits.ts";
import { nonceLines } from "./nonce_lines.ts";
import { PYODIDE_MIN_DATA_MB, runPythonSample } from "./python.ts";
import { hostSet } from "./host_set.ts";
import { type PythonHost, startPythonHost } from "./python_host.ts";
import type {
  Isolation,
  PythonRuntime,
  SandboxJob,
  SandboxLimits,
  SandboxResult,
} from "./sandbox.ts";
import { strictVerdicts } from "./strict_verdicts.ts";

/** A host's hard lifetime, s; hosts are replaced a minute before it. */
const HOST_LIFETIME_S = 600;
/** How long a host may take to load its interpreter and say it is ready for a sample, ms. */
const HOST_STARTUP_MS = 60_000;

/** What the Python pool has done: counted into the warm pool's own statistics. */
export interface PythonPoolCounts {
  /** Samples whose verdict came from a warm host. */
  pooled: number;
  /** Samples handed to the strict runner, by reason. */
  strict: Record<string, number>;
  /** Samples the pool judged timed out. */
  timeouts: number;
  /** Hosts started. */
  hostsStarted: number;
  /** Hosts replaced after a sample, by reason (changed state, written files, functions left). */
  recycled: Record<string, number>;
}

/** Options for {@link createPythonPool}. */
export interface PythonPoolOptions {
  /** Which Python the hosts run (the pool serves jobs of that runtime). @default "pyodide" */
  runtime?: PythonRuntime;
  /** Number of hosts (samples run at once). @default navigator.hardwareConcurrency */
  size?: number;
  /** `bwrap` or `none` (Deno permissions only). @default "bwrap" */
  isolation?: Isolation;
  /** The Deno binary. @default Deno.execPath() */
  denoPath?: string;
  /** V8 old-space cap per host, MiB. @default 512 */
  heapMb?: number;
  /** RLIMIT_DATA (Pyodide, at least 1536) or RLIMIT_AS (CPython) per host, MiB. @default 1536, 1024 */
  dataMb?: number;
  /** Replace a host after this many samples. @default 500 */
  jobsPerHost?: number;
  /** The counters to add to (the warm pool's). @default fresh ones */
  counts?: PythonPoolCounts;
}

/** A warm pool of Python hosts. */
export interface PythonPool {
  /** Run one Python sample; same contract as `runPythonSample`. */
  run(job: SandboxJob, limits?: SandboxLimits): Promise<SandboxResult>;
  /** Counters since creation. */
  counts(): PythonPoolCounts;
  /** Stop every host. */
  close(): Promise<void>;
}

/** The case a host said it started and has not reported yet. */
interface Running {
  name: string;
  at: number;
  /** Set when it was stopped at its own limit. */
  stoppedAt?: number;
}

/**
 * Start a warm pool of Python hosts. Hosts start lazily, on the first samples.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { createPythonPool } from "./python_pool.ts";
 * const pool = createPythonPool({ size: 1 });
 * try {
 *   const job = {
 *     language: "py" as const, entry: "add", code: "def add(a, b):\n    return a + b\n",
 *     testsSource: "from solution import add\n\ndef _t():\n    assert add(1, 2) == 3\n\ncases = {'adds': _t}\n",
 *     cases: [{ name: "adds", kind: "core" as const, tags: [] }],
 *   };
 *   for (let i = 0; i < 2; i++) assert.equal((await pool.run(job)).cases[0].status, "pass");
 *   assert.equal(pool.counts().pooled, 2);
 *   assert.equal(pool.counts().hostsStarted, 1);
 * } finally {
 *   await pool.close();
 * }
 * ```
 */
export function createPythonPool(options: PythonPoolOptions = {}): PythonPool {
  const runtime = options.runtime ?? "pyodide";
  const size = Math.max(1, options.size ?? navigator.hardwareConcurrency ?? 2);
  const isolation = options.isolation ?? "bwrap";
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  /** A job's memory cap as its strict run would apply it (Pyodide's is at least 1536 MiB). */
  const hostDataMb = (mb: number) => runtime === "pyodide" ? Math.max(mb, PYODIDE_MIN_DATA_MB) : mb;
  const dataMb = hostDataMb(options.dataMb ?? DEFAULT_DATA_MB);
  const jobsPerHost = options.jobsPerHost ?? 500;
  const denoPath = Deno.realPathSync(options.denoPath ?? Deno.execPath());
  const counts: PythonPoolCounts = options.counts ??
    { pooled: 0, strict: {}, timeouts: 0, hostsStarted: 0, recycled: {} };
  let closed = false;
  const hosts = hostSet<PythonHost>({
    size,
    jobsPerHost,
    lifetimeS: HOST_LIFETIME_S,
    spawn: async () => {
      const host = await startPythonHost({
        runtime,
        isolation,
        denoPath,
        heapMb,
        dataMb,
        lifetimeS: HOST_LIFETIME_S,
      });
      counts.hostsStarted++;
      return host;
    },
  });

  /** One attempt on a host; a string is a reason to hand the sample to the strict runner. */
  const attempt = async (job: SandboxJob, limits: SandboxLimits): Promise<Attempt | string> => {
    const resolved = resolveLimits(limits);
    const host = await hosts.acquire();
    const nonce = crypto.randomUUID().replaceAll("-", "");
    const decoder = new TextDecoder();
    let text = "";
    let bytes = 0;
    let limit: "timeout" | "output_limit" | null = null;
    let recycle: string | null = null;
    let running = null as Running | null;
    let caseTimer: ReturnType<typeof setTimeout> | undefined;
    let finish!: () => void;
    const ended = new Promise<void>((resolve) => (finish = resolve));
    const stop = (why: "timeout" | "output_limit") => {
      limit ??= why;
      host.kill();
      finish();
    };
    const scan = nonceLines(nonce, (message) => {
      const m = message as { type?: string; name?: string; message?: string };
      if (limit !== null) return;
      if (m.type === "ready" && readyAt === null) {
        // A fresh host loads its interpreter first: the sample's limit counts from here.
        readyAt = performance.now();
        clearTimeout(timer);
        timer = setTimeout(() => stop("timeout"), resolved.timeoutMs);
      } else if (m.type === "start" && typeof m.name === "string") {
        const current: Running = { name: m.name, at: performance.now() };
        running = current;
        const ms = caseLimit(limits, current.name);
        if (ms !== null) {
          caseTimer = setTimeout(() => {
            current.stoppedAt = performance.now();
            stop("timeout");
          }, ms);
        }
      } else if (m.type === "case") {
        clearTimeout(caseTimer);
        running = null;
      } else if (m.type === "end") {
        recycle = typeof m.message === "string" ? m.message : "";
        finish();
      }
    });
    let readyAt: number | null = null;
    let notStarted = false;
    host.onChunk = (chunk) => {
      bytes += chunk.length;
      if (bytes > resolved.outputCapBytes) stop("output_limit");
      if (text.length < resolved.outputCapBytes + 65536) {
        text += decoder.decode(chunk, { stream: true });
      }
      scan(chunk);
    };
    let timer = setTimeout(() => {
      notStarted = true;
      host.kill();
      finish();
    }, HOST_STARTUP_MS);
    host.onExit = finish;
    if (host.dead) finish();
    await host.send(job, nonce);
    await ended;
    clearTimeout(timer);
    clearTimeout(caseTimer);
    host.onChunk = null;
    host.onExit = null;
    const execMs = performance.now() - (readyAt ?? performance.now());
    if (notStarted) return "host did not start";
    if (limit === "output_limit") return "output over the cap";
    if (limit === null && recycle === null) {
      // The host died mid-sample (a memory cap, a stack overflow): the strict runner judges it.
      await host.kill();
      return "host died";
    }
    if (recycle) {
      // Grouped by kind: "builtins.len", "wrote /tmp/x", "functions of the sample still alive".
      for (const part of (recycle as string).split("; ")) {
        const reason = part.replace(/^\d+ function\(s\)(.*?), e\.g\..*$/, "functions$1")
          .replace(/^wrote .*/, "wrote files");
        counts.recycled[reason] = (counts.recycled[reason] ?? 0) + 1;
      }
    }
    if (limit === null) hosts.release(host, !recycle);
    const stopped = limit === "timeout" && running !== null
      ? running as NonNullable<typeof running>
      : null;
    return strictVerdicts({
      stdout: text,
      stderr: host.stderr,
      stderrHead: host.stderr,
      nonce,
      job,
      limit,
      code: 0,
      execMs,
      timeoutMs: resolved.timeoutMs,
      limits,
      stopped: stopped === null ? null : {
        name: stopped.name,
        own: stopped.stoppedAt !== undefined,
        ms: (stopped.stoppedAt ?? performance.now()) - stopped.at,
      },
    });
  };

  const run = async (job: SandboxJob, limits: SandboxLimits = {}): Promise<SandboxResult> => {
    if (closed) throw new Error("Cannot run a sample: the Python pool is closed");
    // Never warm: a job that declares packages (its own jail), or one whose memory cap is not
    // the hosts' (a strict job would run out of memory elsewhere).
    const strictFor = job.pythonPackages?.length
      ? "declared packages"
      : hostDataMb(resolveLimits(limits).dataMb) !== dataMb
      ? "a memory cap of its own"
      : null;
    if (strictFor !== null) {
      counts.strict[strictFor] = (counts.strict[strictFor] ?? 0) + 1;
      return await runPythonSample(job, { ...limits, python: runtime, isolation, denoPath });
    }
    let fallback: string | null = null;
    const result = await withCaseLimits(job, limits, async (j) => {
      const a = fallback === null ? await attempt(j, limits) : fallback;
      if (typeof a !== "string") return a;
      fallback = a;
      return { outcome: "exited", detail: a, cases: [], execMs: 0, stderr: "" };
    });
    if (fallback !== null) {
      counts.strict[fallback] = (counts.strict[fallback] ?? 0) + 1;
      return await runPythonSample(job, { ...limits, python: runtime, isolation, denoPath });
    }
    if (result.outcome === "timeout") counts.timeouts++;
    counts.pooled++;
    return { ...result, harnessChanges: [] };
  };

  return {
    run,
    counts: () => structuredClone(counts),
    async close() {
      closed = true;
      await hosts.close();
    },
  };
}
