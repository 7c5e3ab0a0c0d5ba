/**
 * Sandbox types: what a job is and what running it returns.
 *
 * @module
 */
import type { CaseVerdict } from "../record/case_verdict.ts";
import type { Outcome } from "../record/outcome.ts";
import type { TestCase } from "../task/schema.ts";

/** One sample to execute: candidate code plus the task's tests. */
export interface SandboxJob {
  /** The candidate source, written to `solution.ts` in the job folder. */
  code: string;
  /** The task's tests source, written to `tests.ts`; imports `./solution.ts`. */
  testsSource: string;
  /** The declared cases: every one must report. */
  cases: TestCase[];
  /** The task's entry point; appended as an export when the code forgot to export it. */
  entry: string;
  /**
   * How the candidate runs: `module` (an ES module, strict), `script` (a non-strict
   * CommonJS-style script whose entry the harness exports), or `script-strict` (the same script
   * in strict mode: the twin run that tells a `sloppy_only` pass). See solution_source.ts.
   * @default "module"
   */
  semantics?: "module" | "script" | "script-strict";
  /**
   * The candidate's language: `py` runs it as `solution.py` with `tests.py` under the Python
   * harness (lib/sandbox/python.ts), in Pyodide or CPython; anything else as TypeScript or
   * JavaScript. @default "ts"
   */
  language?: "ts" | "js" | "py";
  /** Which Python runs a `py` job (see {@link PythonRuntime}). @default "pyodide" */
  python?: PythonRuntime;
  /**
   * Extra files written into the job folder before the run: relative path (`/`-separated, inside
   * the folder) → source. A task that changes a codebase passes its tree here (context overlaid
   * with the answer's files) and `tests.ts` imports from it. Paths must be safe (no `..`, not
   * absolute, not a name in RESERVED_TREE_PATHS (lib/task/tree.ts)): the caller validates them, the
   * sandbox throws on one that is not.
   */
  files?: Record<string, string>;
  /**
   * The task's npm packages: the dependency store's `node_modules` (lib/sandbox/dep_store.ts),
   * mounted read-only at the job's `node_modules` and resolved by Deno with
   * `--node-modules-dir=manual` instead of `--no-npm`. Absent: no package is importable and the
   * flags are exactly those of a job without dependencies.
   */
  dependencies?: JobDependencies;
  /**
   * A Python job's declared packages (top-level module names, lib/task/schema.ts
   * `PythonPackages`): under CPython exactly these are mounted read-only from Debian's
   * dist-packages under `/pkgs` and put on `sys.path` (lib/sandbox/python_packages.ts); Pyodide
   * has none to offer and refuses such a job. Absent or empty: the standard library only.
   */
  pythonPackages?: string[];
}

/** What a job with dependencies needs from the store. */
export interface JobDependencies {
  /** Absolute host path of the store's read-only `node_modules` folder. */
  nodeModules: string;
}

/** Limits applied to one sample (defaults filled in once, by limits.ts `resolveLimits()`). */
export interface SandboxLimits {
  /** Wall-clock limit for the whole sample, ms. @default 10000 */
  timeoutMs?: number;
  /**
   * Wall-clock limit of each test case, ms: one for every case, or one per case name (a case
   * without one is bounded by the sample's limit alone). A case over it gets the status
   * `timeout` and the cases after it run in a fresh process (lib/sandbox/case_limits.ts).
   */
  caseTimeoutMs?: number | Readonly<Record<string, number>>;
  /** Cap on stdout + stderr bytes; past it the process group is killed. @default 1_000_000 */
  outputCapBytes?: number;
  /** V8 old-space cap, MiB. @default 512 */
  heapMb?: number;
  /** RLIMIT_DATA, MiB (caps ArrayBuffers, which ignore the heap cap). @default 1024 */
  dataMb?: number;
  /**
   * Stops the sample when aborted (an interrupted run): its process group is killed and the run
   * throws the signal's reason instead of a verdict, which no longer means anything. @default none
   */
  signal?: AbortSignal;
}

/** What executing one sample produced. A failing program is data, not an exception. */
export interface SandboxResult {
  /** How the run ended. */
  outcome: Outcome;
  /** Detail for a non-completed outcome. */
  detail: string;
  /** Per-case verdicts, in declared order (missing ones say why). */
  cases: CaseVerdict[];
  /** Wall time of the sample, ms. */
  execMs: number;
  /** The tail of stderr. */
  stderr: string;
  /**
   * What the sandbox changed in the answer before running it, one sentence each, e.g. `added
   * export { add } (the answer defines add without exporting it)`; empty when it ran the answer
   * as given. Always set by `runSample` and the pool; optional only for results built elsewhere.
   */
  harnessChanges?: string[];
  /**
   * Why the sample could not be executed, when an executor outside this machine's sandbox (a
   * fleet of workers) gave up on it: an infrastructure error, never the model's failure.
   */
  executionError?: string;
  /** Which remote worker ran it and its sandbox version (a fleet's executor sets it). */
  executedBy?: { worker: string; version: string };
}

/**
 * Which Python runs a Python job: `pyodide` (CPython compiled to WebAssembly, inside the same
 * permission-less Deno process as TypeScript jobs; the default) or `cpython` (the machine's
 * `/usr/bin/python3`, the reference runtime, under bubblewrap and prlimit).
 */
export type PythonRuntime = "pyodide" | "cpython";

/** How the sandbox isolates: bubblewrap namespaces, or Deno permissions alone. */
export type Isolation = "bwrap" | "none";
