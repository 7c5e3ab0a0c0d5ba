/**
 * `session()`: what the first cell of every notebook does, in one call — load a slice of a
 * suite, create the models, detect the isolation, and show the settings; then `evaluate()` with
 * a live progress display, and `close()` at the end.
 *
 * This module is the notebooks' front door and so, with the CLI, one of the two places that read
 * environment variables: every knob comes from the options, and an `ASSAY_*` variable of the same
 * name overrides it (`ASSAY_MODELS`, `ASSAY_TASKS`, `ASSAY_SAMPLES`, `ASSAY_RUNS_DIR`, and
 * `ASSAY_RUN` where the notebook allows reading an existing run). API keys and base URLs are read
 * from the environment by the providers and never recorded.
 *
 * @module
 */
import { join, relative } from "node:path";
import { loadRun, type Run } from "./analyze/load_run.ts";
import { createProvider } from "./model/create.ts";
import type { Provider } from "./model/provider.ts";
import { liveProgress, type LiveProgressOptions } from "./plot/live_progress.ts";
import { rowsHTML } from "./plot/rows_table.ts";
import { syntheticBanner } from "./plot/synthetic_banner.ts";
import { fileCache } from "./model/cache.ts";
import { evaluate, type EvaluateOptions, type Evaluation } from "./run/evaluate.ts";
import { RUN_DEFAULTS } from "./run/defaults.ts";
import { RunInterrupted } from "./run/interrupted.ts";
import { bwrapAvailable } from "./sandbox/isolate.ts";
import type { Isolation } from "./sandbox/sandbox.ts";
import { loadSuite } from "./task/load_suite.ts";
import { SelectionError, selectTasks } from "./task/select.ts";
import type { Suite } from "./task/schema.ts";

const ROOT = new URL("..", import.meta.url).pathname;

/** Options for {@link session}; each `ASSAY_*` variable named overrides its option. */
export interface SessionOptions {
  /**
   * The suite folder the slice is cut from, or a suite already loaded (e.g. `mixSuites()`'s, to
   * mix TypeScript and Python tasks in one run).
   * @default "tasks/builtin" of this repository, relative to the working folder
   */
  suite?: string | Suite;
  /**
   * The slice: task ids, or a count n for the suite's first n tasks. `ASSAY_TASKS` overrides with
   * ids (`a,b,c`), or a count n that keeps the first n of this list.
   * @default every task of the suite
   */
  tasks?: readonly string[] | number;
  /** Model specs. `ASSAY_MODELS` (comma-separated) overrides. @default ["synthetic:default", "synthetic:sloppy"] */
  models?: readonly string[];
  /** Samples per task × model × variant. `ASSAY_SAMPLES` overrides. @default 1 */
  samples?: number;
  /** Where run folders go. `ASSAY_RUNS_DIR` overrides. @default "data/runs" of this repository, relative to the working folder */
  runsDir?: string;
  /** Let `ASSAY_RUN` name an existing run folder to read instead of evaluating (then no model is created). @default false */
  readRun?: boolean;
  /** How generated code is isolated. @default "bwrap" when bubblewrap is available, else "none" */
  isolation?: Isolation;
  /** A name for the session's runs (shown by `./assay runs` and in reports). `ASSAY_NAME` overrides. @default none */
  name?: string;
  /** Where real models' answers are cached (as `./assay eval` does; synthetic models never are); null: no cache. @default "data/cache" of this repository */
  cacheDir?: string | null;
  /** The environment the `ASSAY_*` knobs and the providers' keys are read from. @default Deno.env.toObject() */
  env?: Record<string, string | undefined>;
}

/** Options for {@link Session.evaluate}: any `evaluate()` option, and the progress display's. */
export interface SessionEvaluateOptions extends Partial<EvaluateOptions> {
  /** What the progress display calls the run. @default "evaluate" */
  label?: string;
  /** Where and how often the progress display shows. @default the kernel's display, every 250 ms */
  progress?: LiveProgressOptions;
}

/** What {@link Session.evaluate} returns. */
export interface SessionEvaluation {
  /** What `evaluate()` returned; null when the session read an existing run (`ASSAY_RUN`). */
  evaluation: Evaluation | null;
  /** The run, read back from its folder. */
  run: Run;
}

/** One row of the settings table. */
export type SettingRow = {
  /** What the row sets. */
  setting: string;
  /** Its value, as shown. */
  value: string;
};

/** A notebook's configured models, slice and sandbox; see {@link session}. */
export interface Session {
  /** The slice of the suite evaluated (its hash covers the parent's and the chosen ids). */
  suite: Suite;
  /** The whole suite the slice was cut from. */
  parent: Suite;
  /** The chosen task ids, in the order given. */
  taskIds: string[];
  /** The model specs. */
  modelSpecs: string[];
  /** The models (none when an existing run is read). */
  models: Provider[];
  /** How generated code is isolated. */
  isolation: Isolation;
  /** Where run folders go. */
  runsDir: string;
  /** Samples per task × model × variant. */
  samples: number;
  /** The existing run read instead of evaluating (`ASSAY_RUN` with `readRun`), else null. */
  run: Run | null;
  /** The environment the knobs were read from (for a notebook's own `ASSAY_*` knobs). */
  env: Record<string, string | undefined>;
  /** A provider for another spec, keys from the session's environment; the caller closes it. */
  provider(spec: string): Provider;
  /**
   * `evaluate()` on the session's suite, models, isolation, runs folder and samples, with the
   * CLI's defaults (`RUN_DEFAULTS`: the warm pool, the answer cache; any option given overrides
   * them), with a live progress display; the run read back. When the session read an existing
   * run, that run, without evaluating. Kernel ▸ Interrupt (SIGINT) stops it within about a second:
   * the display shows "interrupted (k of n)", the call rejects with `RunInterrupted`, the kernel
   * and its variables survive, and running the cell again resumes the run.
   */
  evaluate(options?: SessionEvaluateOptions): Promise<SessionEvaluation>;
  /** The synthetic-model banner (when any model is synthetic) and the settings table, as HTML. */
  settingsHTML(extra?: readonly SettingRow[]): string;
  /** Stop the models (the synthetic model's loopback server); calling it again does nothing. */
  close(): Promise<void>;
}

/** The integer a knob names, at least 1. */
function positiveInt(value: unknown, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Cannot use ${name} "${value}": use an integer >= 1`);
  }
  return n;
}

/** The chosen task ids: the option, or `ASSAY_TASKS` (ids, or a count of the option's list). */
function chooseTaskIds(
  option: SessionOptions["tasks"],
  raw: string | undefined,
  parent: Suite,
): string[] | null {
  const all = parent.tasks.map((t) => t.id);
  const listed = option === undefined
    ? null
    : typeof option === "number"
    ? all.slice(0, positiveInt(option, "tasks"))
    : [...option];
  if (raw === undefined || raw.trim() === "") return listed;
  if (/^\s*\d+\s*$/.test(raw)) return (listed ?? all).slice(0, Number(raw));
  return raw.split(",").map((s) => s.trim()).filter(Boolean);
}

/**
 * Configure a notebook in one call: the slice of the suite (`tasks`), the models, the samples,
 * the runs folder and the isolation, each overridable by its `ASSAY_*` variable.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { session } from "./notebook.ts";
 * const s = await session({
 *   tasks: ["chunk", "group-by"],
 *   samples: 2,
 *   env: { ASSAY_SAMPLES: "3", ASSAY_MODELS: "synthetic:reference" },
 * });
 * assert.deepEqual(s.suite.tasks.map((t) => t.id).sort(), ["chunk", "group-by"]);
 * assert.equal(s.samples, 3);
 * assert.deepEqual(s.models.map((m) => m.spec), ["synthetic:reference"]);
 * assert.match(s.settingsHTML(), /Configuration/);
 * await s.close();
 * ```
 *
 * @param options The notebook's defaults.
 * @returns The session.
 * @throws {SelectionError} `Cannot select task "x": it is not in "<suite>": did you mean "y"? (check ASSAY_TASKS)`.
 * @throws {RangeError} For samples or a task count that is not an integer >= 1.
 */
export async function session(options: SessionOptions = {}): Promise<Session> {
  const env = options.env ?? Deno.env.toObject();
  const fromRoot = (...parts: string[]) => relative(Deno.cwd(), join(ROOT, ...parts)) || ".";
  const modelSpecs = env.ASSAY_MODELS !== undefined
    ? env.ASSAY_MODELS.split(",").map((s) => s.trim()).filter(Boolean)
    : [...(options.models ?? ["synthetic:default", "synthetic:sloppy"])];
  const samples = env.ASSAY_SAMPLES !== undefined
    ? positiveInt(env.ASSAY_SAMPLES, "ASSAY_SAMPLES")
    : positiveInt(options.samples ?? 1, "samples");
  const runsDir = env.ASSAY_RUNS_DIR ?? options.runsDir ?? fromRoot("data", "runs");
  const cacheDir = options.cacheDir === undefined ? fromRoot("data", "cache") : options.cacheDir;
  const name = env.ASSAY_NAME?.trim() || options.name;
  const runDir = options.readRun ? env.ASSAY_RUN?.trim() || null : null;
  const existing = runDir === null ? null : await loadRun(runDir);

  const parent = typeof options.suite === "object"
    ? options.suite
    : await loadSuite(options.suite ?? fromRoot("tasks", "builtin"));
  const chosen = chooseTaskIds(options.tasks, env.ASSAY_TASKS, parent);
  const taskIds = chosen ?? parent.tasks.map((t) => t.id);
  // The slice is a suite of its own (selectTasks(): the same rule as `eval --tasks`): its hash
  // covers the parent suite and the chosen ids, so an interrupted run of another slice is never
  // resumed into this one. Reading an existing run, ids the suite lacks are no error.
  let suite = parent;
  if (chosen !== null && existing === null) {
    try {
      suite = await selectTasks(parent, { tasks: taskIds });
    } catch (error) {
      if (!(error instanceof SelectionError)) throw error;
      throw new SelectionError(`${error.message} (check ASSAY_TASKS)`);
    }
  }
  const provider = (spec: string) => createProvider(spec, { tasks: parent.tasks, env });
  const models: Provider[] = [];
  if (existing === null) {
    try {
      for (const spec of modelSpecs) models.push(provider(spec));
    } catch (error) {
      await Promise.all(models.map((m) => m.close()));
      throw error;
    }
  }
  const isolation = options.isolation ?? ((await bwrapAvailable()) ? "bwrap" : "none");
  let closed = false;

  return {
    suite,
    parent,
    taskIds,
    modelSpecs,
    models,
    isolation,
    runsDir,
    samples,
    run: existing,
    env,
    provider,
    async evaluate(opts = {}) {
      if (existing !== null) return { evaluation: null, run: existing };
      const { label = "evaluate", progress: display, onStart, onSample, ...rest } = opts;
      const progress = liveProgress(label, display);
      // The kernel's interrupt (SIGINT) stops this evaluation instead of killing the kernel.
      const interrupt = new AbortController();
      const onInterrupt = () => interrupt.abort();
      Deno.addSignalListener("SIGINT", onInterrupt);
      const signal = rest.signal
        ? AbortSignal.any([rest.signal, interrupt.signal])
        : interrupt.signal;
      let evaluation: Evaluation;
      try {
        evaluation = await evaluate(suite, {
          models,
          runsDir,
          samples,
          isolation,
          sandbox: RUN_DEFAULTS.sandbox,
          ...(cacheDir === null ? {} : { cache: fileCache(cacheDir) }),
          ...(name === undefined ? {} : { name }),
          resumeHint: "run the cell again to resume",
          ...rest,
          signal,
          onStart: (info) => {
            progress.onStart(info);
            onStart?.(info);
          },
          onSample: (generation, result) => {
            progress.onSample(generation, result);
            onSample?.(generation, result);
          },
        });
      } catch (error) {
        if (error instanceof RunInterrupted) {
          await progress.finish({ interrupted: true, recorded: error.recorded });
        }
        throw error;
      } finally {
        Deno.removeSignalListener("SIGINT", onInterrupt);
      }
      await progress.finish();
      return { evaluation, run: await loadRun(evaluation.dir) };
    },
    settingsHTML(extra = []) {
      const rows: SettingRow[] = existing === null
        ? [
          { setting: "models", value: modelSpecs.join(", ") },
          {
            setting: "tasks",
            value: `${suite.tasks.length} of ${parent.tasks.length}: ${taskIds.join(", ")}`,
          },
          { setting: "samples", value: `${samples} per task × model × variant` },
          {
            setting: "sandbox",
            value: isolation === "bwrap"
              ? "bubblewrap + no Deno permissions"
              : "no Deno permissions (bubblewrap not found)",
          },
          { setting: "runs folder", value: runsDir },
          { setting: "answer cache", value: cacheDir ?? "off" },
        ]
        : [
          { setting: "run", value: `${runDir} (read, not evaluated again)` },
          { setting: "models", value: existing.manifest.models.map((m) => m.spec).join(", ") },
          {
            setting: "tasks",
            value: `${existing.manifest.suite.tasks} from ${existing.manifest.suite.name}`,
          },
        ];
      const banner = syntheticBanner(existing?.manifest.models ?? models);
      return `${banner}${rowsHTML([...rows, ...extra], { caption: "Configuration" })}`;
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(models.map((m) => m.close()));
    },
  };
}
