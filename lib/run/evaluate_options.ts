/**
 * What {@link evaluate} takes (every option, with its default) and what it returns.
 *
 * @module
 */
import type { GenerationCache } from "../model/cache.ts";
import type { Provider } from "../model/provider.ts";
import type { PriceTable } from "../model/prices.ts";
import type { PerturbationName } from "../prompt/perturb.ts";
import type { PromptTemplate } from "../prompt/templates.ts";
import type { PoolStats } from "../sandbox/pool.ts";
import type { DepStoreOptions } from "../sandbox/dep_store.ts";
import type { Isolation, PythonRuntime } from "../sandbox/sandbox.ts";
import type { Semantics } from "../task/schema.ts";
import type { PackageCheck } from "../score/package_check.ts";
import type { GenerationRecord } from "../record/generation.ts";
import type { Manifest } from "../record/manifest.ts";
import type { ResultRecord } from "../record/result.ts";
import type { ReferenceTimeoutOptions } from "./reference_timeouts.ts";
import type { TypecheckMode } from "./typecheck_stage.ts";
import type { FleetOptions } from "./fleet/run_fleet.ts";
import type { CacheMode } from "./generate_sample.ts";
import type { Executor } from "./execute_sample.ts";

/** Who makes a run (recorded in the manifest; `report` without `--run` picks CLI runs). */
export type RunOrigin = NonNullable<Manifest["origin"]>;

/** Options for `evaluate()`. */
export interface EvaluateOptions {
  /** The models to compare. */
  models: Provider[];
  /** The folder that holds run folders. */
  runsDir: string;
  /** Prompt variants. @default [plain] */
  variants?: PromptTemplate[];
  /** Perturbations for robustness: each adds every variant again as `<variant>+<perturbation>`, with the task perturbed (deterministic in `seed`). @default [] */
  perturbations?: PerturbationName[];
  /** Samples per task × model × variant. @default 1 */
  samples?: number;
  /** Concurrent model requests. @default 4 */
  concurrency?: number;
  /** Concurrent sandboxed executions. @default 4 */
  sandboxConcurrency?: number;
  /** Sandbox isolation. @default "bwrap" */
  isolation?: Isolation;
  /**
   * How samples execute: `strict` (one sandboxed process per sample) or `pooled` (warm hosts
   * under the same isolation, a fresh context per sample, strict verdicts by construction; see
   * lib/sandbox/pool.ts). Ignored when `executor` is given. @default "strict"
   */
  sandbox?: "strict" | "pooled";
  /**
   * Run every task's code with these semantics instead of the task's own (`module`: an ES
   * module, strict; `script`: a non-strict script, as node runs a .js file; see
   * lib/sandbox/solution_source.ts). Recorded in the manifest's params as `semantics` ("task"
   * when absent). @default the task's
   */
  semantics?: Semantics;
  /**
   * Which Python runs the Python tasks: `pyodide` (inside the sandboxed Deno process) or
   * `cpython` (the machine's python3 under bubblewrap, the reference runtime). Recorded in the
   * manifest's params and part of the run's identity when the suite has a Python task.
   * @default "pyodide"
   */
  python?: PythonRuntime;
  /** Added to the sample index to form the request seed. @default 0 */
  seed?: number;
  /** Extra parameters recorded in the manifest (and part of the configuration hash). */
  params?: Record<string, unknown>;
  /** The generation cache; synthetic models bypass it (their answers are free and their latency is the point). @default none */
  cache?: GenerationCache;
  /** How to use the cache. @default "use" */
  cacheMode?: CacheMode;
  /** Resume the newest incomplete run with the same configuration. @default true */
  resume?: boolean;
  /**
   * Called once before work starts, with the run folder, how many samples were already recorded,
   * and, when a new run starts beside an incomplete one whose configuration changed (an edited
   * template…), that run and what changed.
   */
  onStart?: (info: {
    dir: string;
    resumed: boolean;
    recorded: number;
    total: number;
    superseded: { dir: string; reason: string } | null;
  }) => void;
  /** Called after each sample is stored (a failed generation has a `generation_error` result). */
  onSample?: (generation: GenerationRecord, result: ResultRecord) => void;
  /** Concurrent requests per model (on top of `concurrency` overall). @default no per-model limit */
  modelConcurrency?: number;
  /** Runs a sample's code. @default runSample (the sandbox) */
  executor?: Executor;
  /**
   * Execute the samples on a fleet of workers (`./assay worker`) through this NATS JetStream
   * server instead of this machine's sandbox; generation and recording stay here. `env` holds
   * the credentials (`NATS_USER`/`NATS_PASSWORD` or `NATS_TOKEN`), never recorded.
   * @default none: this machine's sandbox
   */
  fleet?: FleetOptions;
  /**
   * Derive each task's wall-clock limit from its reference's measured time before the run
   * (recorded in the manifest; a resumed run keeps its limits); `false` keeps the declared
   * `timeoutMs`. Not done with a custom `executor`. The reference runs under `ceilingMs`, not
   * under the declared `timeoutMs`: a reference slower than that is measured, its samples get the
   * derived limit, and it is listed in the manifest's `slowReferences`; one over the ceiling is a
   * task error. Part of the configuration hash.
   * @default { factor: 10, floorMs: 1000, caseFloorMs: 500, ceilingMs: 120000 }
   */
  referenceTimeouts?: false | ReferenceTimeoutOptions;
  /** Type-check stage after the last sample (lib/run/typecheck_stage.ts): off, record diagnostics, or strict (a type error fails a passing sample). @default "off" */
  typecheck?: TypecheckMode;
  /**
   * Where the declared npm dependencies (suite.json and task.json `dependencies`) are resolved
   * before the run: one read-only store per distinct set (lib/sandbox/dep_store.ts), recorded in
   * the manifest. Only used when the suite declares any.
   * @default { cacheDir: "<runsDir>/../cache", projectDir: null }
   */
  dependencyStore?: DepStoreOptions;
  /** Decides whether a package a sample could not import exists (undeclared_dependency vs nonexistent_package). @default packageCheck() (the committed popular-name list only) */
  packageCheck?: PackageCheck;
  /** Decides whether a Python package a Python sample could not import exists (undeclared_dependency vs nonexistent_package). @default pythonPackageCheck() (Debian's dist-packages here, and the packages npm pyodide's lock file names) */
  pythonPackageCheck?: PackageCheck;
  /** Who makes the run. @default "notebook" inside a Jupyter kernel, else "library" */
  origin?: RunOrigin;
  /** A name for the run (shown in listings and reports). @default null */
  name?: string | null;
  /** Labels for the run (shown in listings). @default none */
  tags?: string[];
  /** The command line that made the run, secrets already removed (the CLI passes it). @default none */
  command?: string[];
  /**
   * Stops the run when aborted (Ctrl-C, a notebook's interrupt): no new sample starts, the
   * requests and sandboxed programs in flight are stopped and dropped (never half-recorded), the
   * warm hosts and temp folders are removed, and `evaluate()` rejects with `RunInterrupted`
   * (lib/run/interrupted.ts) within about a second; the same call resumes the run. @default none
   */
  signal?: AbortSignal;
  /** How the `RunInterrupted` message says to resume. @default "run the same command to resume" */
  resumeHint?: string;
  /**
   * The price table (lib/model/prices.ts `loadPrices()`): the prices of the run's models are
   * recorded in the manifest (`prices`), and price the budget. @default BUILTIN_PRICES
   */
  prices?: PriceTable;
  /**
   * A budget in USD for the run's requests (lib/run/budget.ts): before each request, its cost is
   * estimated (prompt at 3 characters a token, output at the model's `max_tokens`, else 2048);
   * when the run's spend (earlier calls of a resumed run included) plus the requests in flight
   * plus this estimate would exceed it, the request is not sent, the requests in flight finish
   * and are recorded, and `evaluate()` rejects with `RunInterrupted` (reason `budget`, detail
   * "spent $0.41 of $0.50; …"); a later call with a larger budget resumes the run. Not part of the
   * run's identity. Every model needs a price (throws before any work otherwise). @default none
   */
  budgetUsd?: number;
}

/**
 * What a finished evaluation returns. Records are not kept in memory (a run
 * of any size streams to disk); read them with `loadRun(dir)`.
 */
export interface Evaluation {
  /** The run folder. */
  dir: string;
  /** True when an interrupted run was continued. */
  resumed: boolean;
  /** Samples already recorded before this call (resume). */
  recorded: number;
  /** Samples in the run. */
  total: number;
  /** Generations requested by this call. */
  generated: number;
  /** Samples executed by this call. */
  executed: number;
  /** An incomplete run of the same suite and variants not resumed because its configuration changed, and what changed; null otherwise. */
  superseded: { dir: string; reason: string } | null;
  /** Samples of this call whose generation failed (recorded as `generation_error`). */
  generationErrors: number;
  /** The first generation error of this call, with its endpoint (for the message when every one failed). */
  firstGenerationError: string | null;
  /** Tasks that could not be judged, with the reason (their samples are left out of model scores). */
  taskErrors: Record<string, string>;
  /** What the warm pool did for the samples (`sandbox: "pooled"`; the reference timings left out): samples it ran, and those it handed to the strict runner, by reason. */
  pool?: PoolStats;
}
