/**
 * Running one sample: a Deno subprocess with no permissions, inside bubblewrap
 * where available, in its own process group, with a wall-clock timeout, a
 * heap cap, a data-segment cap and an output cap. Results come back on stdout
 * lines prefixed by a per-run nonce only the runner knows.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { treePathProblem } from "../task/tree.ts";
import type { CaseVerdict } from "../record/case_verdict.ts";
import type { Outcome } from "../record/outcome.ts";
import { bwrapArgs, INSIDE } from "./isolate.ts";
import { answerResult } from "./answer_result.ts";
import { ensureExported } from "../source/export_entry.ts";
export { ensureExported };
import { moduleGraphEscape } from "./module_graph.ts";
import { undeclaredImport } from "./undeclared_import.ts";
import type { Isolation, SandboxJob, SandboxLimits, SandboxResult } from "./sandbox.ts";
import {
  type Attempt,
  caseLimit,
  caseTimeoutMessage,
  DEFAULT_TIMEOUT_MS,
  sampleTimeoutMessage,
  withCaseLimits,
} from "./case_limits.ts";
import { SettleWatch, unsettledResult } from "./settle.ts";
import { processTreeCpuMs } from "./process_cpu.ts";

const RUNNER_SOURCE = Deno.readTextFileSync(new URL("./runner.ts", import.meta.url));
/** The runner's one import, written beside it (it has no imports of its own). */
const WATCH_SOURCE = Deno.readTextFileSync(new URL("./builtin_watch.ts", import.meta.url));

/**
 * Appended to tests.ts: right after the tests' own body, before any code of
 * the candidate can run again, hand the declared cases to the runner's
 * `__assaySeal` (a non-writable global), which returns a frozen copy.
 * Shared by the strict runner and the warm pool's host.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { TESTS_TRAILER } from "./deno.ts";
 * assert(TESTS_TRAILER.includes("__assaySeal"));
 * ```
 */
export const TESTS_TRAILER = `
;// assay: snapshot the cases before the code under test can replace them.
import * as __assayTests from "./tests.ts";
export const __assayCases = __assaySeal(__assayTests);
`;

/** Deno flags for untrusted code: no prompt, no config, no npm, no remote, no permissions. */
export const DENO_SANDBOX_FLAGS = [
  "run",
  "--no-prompt",
  "--no-config",
  "--no-lock",
  "--no-npm",
  "--no-remote",
  "--cached-only",
] as const;

/**
 * Deno flags for a job with dependencies: {@link DENO_SANDBOX_FLAGS} with `--no-npm` replaced by
 * `--node-modules-dir=manual`, so bare specifiers resolve from the job's read-only
 * `node_modules` (the dependency store) and nothing is downloaded (`manual` never installs;
 * `--cached-only`, an empty DENO_DIR and no network besides). With `--no-config` no package.json
 * is needed. A package that is not in that folder fails to load (`Import "x" not a dependency`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DENO_DEPENDENCY_FLAGS } from "./deno.ts";
 * assert(!DENO_DEPENDENCY_FLAGS.includes("--no-npm"));
 * assert(DENO_DEPENDENCY_FLAGS.includes("--node-modules-dir=manual"));
 * ```
 */
export const DENO_DEPENDENCY_FLAGS: readonly string[] = DENO_SANDBOX_FLAGS.map((f) =>
  f === "--no-npm" ? "--node-modules-dir=manual" : f
);

/** Options for {@link runSample}. */
export interface RunSampleOptions extends SandboxLimits {
  /** `bwrap` (OS isolation) or `none` (Deno permissions only). @default "bwrap" */
  isolation?: Isolation;
  /** The Deno binary. @default Deno.execPath() */
  denoPath?: string;
}

/**
 * Execute one sample and return per-case verdicts. Throws only when the
 * sandbox itself cannot run (a harness failure), never because the code fails.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runSample } from "./deno.ts";
 * const result = await runSample({
 *   code: "export const add = (a: number, b: number) => a + b;",
 *   testsSource: 'import { add } from "./solution.ts";\nexport const cases = { "adds": () => { if (add(1, 2) !== 3) throw new Error("no"); } };',
 *   cases: [{ name: "adds", kind: "core", tags: [] }],
 *   entry: "add",
 * }, { isolation: "none" });
 * assert.equal(result.cases[0].status, "pass");
 * assert.deepEqual(result.harnessChanges, []);
 * ```
 */
export async function runSample(
  job: SandboxJob,
  options: RunSampleOptions = {},
): Promise<SandboxResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const outputCap = options.outputCapBytes ?? 1_000_000;
  const heapMb = options.heapMb ?? 512;
  const dataMb = options.dataMb ?? 1024;
  const isolation = options.isolation ?? "bwrap";
  const denoPath = Deno.realPathSync(options.denoPath ?? Deno.execPath());

  const jobDir = await Deno.makeTempDir({ prefix: "assay-job-" });
  try {
    await Deno.writeTextFile(join(jobDir, "solution.ts"), ensureExported(job.code, job.entry));
    await Deno.writeTextFile(join(jobDir, "tests.ts"), job.testsSource + TESTS_TRAILER);
    await Deno.writeTextFile(join(jobDir, "runner.ts"), RUNNER_SOURCE);
    await Deno.writeTextFile(join(jobDir, "builtin_watch.ts"), WATCH_SOURCE);
    await Deno.mkdir(join(jobDir, ".deno"));
    await writeJobFiles(jobDir, job.files ?? {});
    const nodeModules = job.dependencies
      ? await Deno.realPath(job.dependencies.nodeModules)
      : undefined;
    if (nodeModules) {
      // The mount point (bwrap) or the same layout through a symlink (no isolation).
      if (isolation === "bwrap") await Deno.mkdir(join(jobDir, "node_modules"));
      else await Deno.symlink(nodeModules, join(jobDir, "node_modules"));
    }
    if (isolation === "none") {
      // No OS isolation: the module loader would read any local file. Refuse such a graph.
      const escape = await moduleGraphEscape(jobDir, "runner.ts", {
        denoPath,
        ...(nodeModules ? { allow: [nodeModules] } : {}),
      });
      if (escape !== null) return answerResult(refused(job, `unsafe-no-isolation: ${escape}`), job);
    }

    const flags = [
      ...(nodeModules ? DENO_DEPENDENCY_FLAGS : DENO_SANDBOX_FLAGS),
      `--v8-flags=--max-old-space-size=${heapMb}`,
    ];
    // coreutils `timeout` leads the process group and kills it at a hard deadline even if this
    // process dies first (SIGKILL of the runner): no sample outlives its limit.
    const limits = [
      "timeout",
      "-s",
      "KILL",
      `${((timeoutMs + 3000) / 1000).toFixed(1)}s`,
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
        ...bwrapArgs({ denoPath, jobDir, env: inner, nodeModules }),
        INSIDE.deno,
        ...flags,
        "runner.ts",
      ];
    } else {
      env = { DENO_DIR: join(jobDir, ".deno"), NO_COLOR: "1", HOME: jobDir };
      argv = [...limits, denoPath, ...flags, "runner.ts"];
    }
    // One process per attempt: a case stopped at its own limit leaves the rest to a fresh one.
    const result = await withCaseLimits(
      job,
      { ...options, timeoutMs },
      (attemptJob) =>
        execute(argv, {
          cwd: jobDir,
          env,
          job: attemptJob,
          timeoutMs,
          limits: options,
          outputCap,
        }),
    );
    // The load error on the answer's own lines, and what the harness changed (as the pool does).
    return answerResult(result, job);
  } finally {
    await Deno.remove(jobDir, { recursive: true }).catch(() => {});
  }
}

/**
 * Write a job's extra files (a task's tree) under `jobDir`, creating parent folders. Throws
 * `Cannot write job file "<path>": …` on a path that is not safe (the caller should have
 * rejected it): that is a harness error, not a failing sample.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeJobFiles } from "./deno.ts";
 * const dir = await Deno.makeTempDir();
 * await writeJobFiles(dir, { "src/a.ts": "export const a = 1;\n" });
 * assert.equal(await Deno.readTextFile(`${dir}/src/a.ts`), "export const a = 1;\n");
 * await assert.rejects(writeJobFiles(dir, { "../x.ts": "" }), /Cannot write job file/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeJobFiles(
  jobDir: string,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  for (const path of Object.keys(files)) {
    const problem = treePathProblem(path);
    if (problem) throw new Error(`Cannot write job file "${path}": ${problem}`);
  }
  for (const [path, source] of Object.entries(files)) {
    const target = join(jobDir, ...path.split("/"));
    await Deno.mkdir(dirname(target), { recursive: true });
    await Deno.writeTextFile(target, source);
  }
}

/**
 * The verdict of a job that did not load (refused before it ran, or a syntax error): outcome
 * `load_error`, every case missing with the reason.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { refused } from "./deno.ts";
 * const r = refused({ code: "", testsSource: "", cases: [{ name: "a", kind: "core", tags: [] }], entry: "f" }, "why");
 * assert(r.outcome === "load_error" && r.cases[0].message === "load_error: why");
 * ```
 */
export function refused(job: SandboxJob, detail: string, execMs = 0): SandboxResult {
  return {
    outcome: "load_error",
    detail,
    cases: job.cases.map((c) => ({
      name: c.name,
      kind: c.kind,
      status: "missing" as const,
      message: `load_error: ${detail}`,
      ms: null,
    })),
    execMs,
    stderr: "",
  };
}

interface ExecuteOptions {
  cwd: string;
  env: Record<string, string>;
  job: SandboxJob;
  /** The sample's wall-clock limit, ms: each process (attempt) gets it anew. */
  timeoutMs: number;
  /** The per-case limits. */
  limits: SandboxLimits;
  outputCap: number;
}

/** The case the runner said it started and has not reported yet. */
interface Running {
  name: string;
  at: number;
  /** Set when the case was stopped at its own limit. */
  stoppedAt?: number;
}

async function execute(argv: string[], o: ExecuteOptions): Promise<Attempt> {
  const nonce = crypto.randomUUID().replaceAll("-", "");
  const started = performance.now();
  const child = new Deno.Command(argv[0], {
    args: argv.slice(1),
    cwd: o.cwd,
    env: o.env,
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();

  let limit: Outcome | null = null;
  const killGroup = (why: Outcome) => {
    limit ??= why;
    try {
      Deno.kill(-child.pid, "SIGKILL");
    } catch {
      try {
        child.kill("SIGKILL");
      } catch { /* already gone */ }
    }
  };
  // A module must settle (settle.ts): once every case reported, the watch decides, not the
  // sample's limit, from the CPU time the process group used since.
  let unsettled: string | null = null;
  const settle = new SettleWatch(o.job.cases.map((c) => c.name), {
    timeoutMs: o.timeoutMs,
    onOverdue: (specifics) => {
      if (limit !== null) return;
      unsettled = specifics;
      killGroup("timeout");
    },
    cpuMs: () => processTreeCpuMs(child.pid),
  });
  const timer = setTimeout(() => {
    if (!settle.deadline()) killGroup("timeout");
  }, o.timeoutMs);
  // Per-case limits: the runner's "start" line arms the case's timer, its report disarms it.
  let running = null as Running | null;
  let caseTimer: ReturnType<typeof setTimeout> | undefined;
  const onLine = (message: { type?: unknown; name?: unknown }) => {
    if (limit !== null) return;
    if (message.type === "done") settle.done();
    if (typeof message.name !== "string") return;
    if (message.type === "start") {
      const current: Running = { name: message.name, at: performance.now() };
      running = current;
      const caseMs = caseLimit(o.limits, current.name);
      if (caseMs !== null) {
        caseTimer = setTimeout(() => {
          current.stoppedAt = performance.now();
          killGroup("timeout");
        }, caseMs);
      }
    } else if (message.type === "case") {
      clearTimeout(caseTimer);
      running = null;
      settle.reported(message.name);
    }
  };
  const lines = nonceLines(nonce, onLine);
  let outputBytes = 0;
  const collect = async (
    stream: ReadableStream<Uint8Array>,
    keep: number,
    scan?: (chunk: Uint8Array) => void,
  ): Promise<Uint8Array[]> => {
    const chunks: Uint8Array[] = [];
    for await (const chunk of stream) {
      outputBytes += chunk.length;
      if (outputBytes > o.outputCap) killGroup("output_limit");
      if (chunks.reduce((n, c) => n + c.length, 0) < keep) chunks.push(chunk);
      scan?.(chunk);
    }
    return chunks;
  };
  const stdoutP = collect(child.stdout, o.outputCap + 65536, lines);
  const stderrP = collect(child.stderr, 65536);
  try {
    const writer = child.stdin.getWriter();
    await writer.write(
      new TextEncoder().encode(JSON.stringify({ nonce, cases: o.job.cases.map((c) => c.name) })),
    );
    await writer.close();
  } catch { /* the process may already be gone; its verdicts say so */ }
  const [status, stdoutChunks, stderrChunks] = await Promise.all([child.status, stdoutP, stderrP]);
  clearTimeout(timer);
  clearTimeout(caseTimer);
  settle.stop();
  // The group may still hold stragglers (timers, children) if the runner exited: kill them.
  try {
    Deno.kill(-child.pid, "SIGKILL");
  } catch { /* none left */ }
  const execMs = performance.now() - started;
  const stdout = new TextDecoder().decode(concat(stdoutChunks));
  // The first 64 KiB of stderr are kept: V8's fatal message comes first, and a native
  // backtrace after it can be longer than the tail the result keeps.
  const stderrHead = new TextDecoder().decode(concat(stderrChunks));
  const stderr = stderrHead.slice(-4000);
  const result = interpret({
    stdout,
    stderr,
    stderrHead,
    nonce,
    job: o.job,
    limit,
    code: status.code,
    execMs,
    timeoutMs: o.timeoutMs,
  });
  if (unsettled !== null) return unsettledResult(result, unsettled);
  return limit === "timeout" && running !== null ? stopRunning(result, running, o) : result;
}

/**
 * The verdict of a process killed at a time limit while a case ran: that case is `timeout`
 * (stopped at its own limit, or at the sample's), not `missing`.
 */
function stopRunning(result: SandboxResult, running: Running, o: ExecuteOptions): Attempt {
  const own = running.stoppedAt !== undefined;
  const cases = result.cases.map((c): CaseVerdict =>
    c.name === running.name && c.status === "missing"
      ? {
        ...c,
        status: "timeout",
        message: own
          ? caseTimeoutMessage(caseLimit(o.limits, c.name)!)
          : sampleTimeoutMessage(o.timeoutMs),
        ms: (running.stoppedAt ?? performance.now()) - running.at,
      }
      : c
  );
  return { ...result, cases, ...(own ? { caseTimedOut: running.name } : {}) };
}

/**
 * A stdout scanner that hands every `<nonce> <json>` line to `onLine` as it arrives (the code
 * under test cannot write one: it does not know the nonce). Lines that are not JSON are skipped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { nonceLines } from "./deno.ts";
 * const seen: unknown[] = [];
 * const scan = nonceLines("n0", (m) => seen.push(m));
 * const bytes = new TextEncoder().encode('noise\nn0 {"type":"start","name":"a"}\nn0 {"type":"ca');
 * scan(bytes);
 * scan(new TextEncoder().encode('se"}\nn1 {"type":"forged"}\n'));
 * assert.deepEqual(seen, [{ type: "start", name: "a" }, { type: "case" }]);
 * ```
 */
export function nonceLines(
  nonce: string,
  onLine: (message: { type?: unknown; name?: unknown }) => void,
): (chunk: Uint8Array) => void {
  const decoder = new TextDecoder();
  const prefix = `${nonce} `;
  let pending = "";
  return (chunk) => {
    pending += decoder.decode(chunk, { stream: true });
    let cut: number;
    while ((cut = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, cut);
      pending = pending.slice(cut + 1);
      if (!line.startsWith(prefix)) continue;
      try {
        onLine(JSON.parse(line.slice(prefix.length)));
      } catch { /* not a protocol line */ }
    }
  };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let i = 0;
  for (const c of chunks) {
    out.set(c, i);
    i += c.length;
  }
  return out;
}

interface Interpretation {
  stdout: string;
  stderr: string;
  /** What was kept of stderr from its start (the fatal messages). */
  stderrHead: string;
  nonce: string;
  job: SandboxJob;
  limit: Outcome | null;
  code: number;
  execMs: number;
  timeoutMs: number;
}

function interpret(r: Interpretation): SandboxResult {
  const reported = new Map<
    string,
    { status: CaseVerdict["status"]; message: string; ms: number }
  >();
  let loadError: string | null = null;
  let done = false;
  const prefix = `${r.nonce} `;
  for (const line of r.stdout.split("\n")) {
    if (!line.startsWith(prefix)) continue;
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(line.slice(prefix.length));
    } catch {
      continue;
    }
    if (msg.type === "case" && typeof msg.name === "string" && !reported.has(msg.name)) {
      reported.set(msg.name, {
        status: msg.status as CaseVerdict["status"],
        message: String(msg.message ?? ""),
        ms: Number(msg.ms ?? 0),
      });
    } else if (msg.type === "load_error") loadError = String(msg.message);
    else if (msg.type === "done") done = true;
  }
  let outcome: Outcome;
  let detail = "";
  if (r.limit) {
    outcome = r.limit;
    detail = r.limit === "timeout" ? `exceeded ${r.timeoutMs} ms` : "output exceeded the cap";
  } else if (
    !done && (/Fatal (JavaScript|process) out of memory|Reached heap limit/.test(r.stderrHead) ||
      r.code === 133)
  ) {
    // Only a run that did not finish: printing V8's message cannot relabel a completed run.
    outcome = "memory_limit";
    detail = /Fatal process out of memory/.test(r.stderrHead)
      ? "process memory limit reached (data segment cap)"
      : "JavaScript heap limit reached";
  } else if (loadError !== null) {
    outcome = "load_error";
    detail = loadError;
    // Its own reason: a package outside the task's declared dependencies (the store holds no other).
    const pkg = undeclaredImport(loadError, r.job.code);
    if (pkg !== null) detail = `import of "${pkg}", not a declared dependency: ${loadError}`;
  } else if (!done) {
    outcome = "exited";
    // With every case reported it ended before the runner's `done` (a timer due then threw).
    detail = `the process exited with code ${r.code} ${
      reported.size === r.job.cases.length
        ? "after every case reported, before it was done"
        : "before every case reported"
    }`;
    const lastError = r.stderr.trim().split("\n").find((l) => /error/i.test(l));
    if (lastError) detail += `: ${lastError.trim()}`;
    if (
      reported.size === 0 &&
      /SyntaxError|The module's source code could not be parsed/.test(r.stderr)
    ) {
      outcome = "load_error";
      detail = r.stderr.trim().split("\n").slice(0, 3).join(" ");
    }
  } else outcome = "completed";
  const missingReason = outcome === "completed" ? "never reported" : `${outcome}: ${detail}`;
  const cases: CaseVerdict[] = r.job.cases.map((c) => {
    const got = reported.get(c.name);
    if (got) {
      return { name: c.name, kind: c.kind, status: got.status, message: got.message, ms: got.ms };
    }
    return { name: c.name, kind: c.kind, status: "missing", message: missingReason, ms: null };
  });
  if (outcome === "completed" && cases.some((c) => c.status === "missing")) outcome = "exited";
  return { outcome, detail, cases, execMs: r.execMs, stderr: r.stderr };
}
