/**
 * The evaluation loop: for every task × model × variant × sample, ask the
 * model (or the cache), extract the code, run it in the sandbox, score it,
 * and append both records to the run store as each sample completes. The same
 * configuration resumes an interrupted run: recorded samples are kept, a
 * generation without a result is executed without asking the model again.
 *
 * @module
 */
import { join } from "node:path";
import { plain } from "../prompt/templates.ts";
import { runSample } from "../sandbox/deno.ts";
import { createPool } from "../sandbox/pool.ts";
import { poolStatsSince } from "../sandbox/pool_stats.ts";
import { type RunDependencies, runDependencies } from "./dependency_stores.ts";
import { packageCheck } from "../score/package_check.ts";
import { pythonPackageCheck } from "../score/python_package_check.ts";
import { pythonPackagesProblem } from "./python_packages_check.ts";
import { referenceTimeouts } from "./reference_timeouts.ts";
import { sampleLimits } from "./sample_limits.ts";
import { slowReferences } from "./slow_references.ts";
import type { Suite } from "../task/schema.ts";
import { limiter } from "./limiter.ts";
import { type ResultRecord } from "../record/result.ts";
import { sampleKey } from "../record/sample_key.ts";
import { typecheckRun } from "./typecheck_stage.ts";
import { generateSample } from "./generate_sample.ts";
import { executeSample, type Executor, generationErrorResult } from "./execute_sample.ts";
import { type Job, planRun } from "./plan.ts";
import { taskExecutor } from "./task_executor.ts";
import { runFleet } from "./fleet/run_fleet.ts";
import { newManifest } from "./new_manifest.ts";
import { RunInterrupted, type StopReason } from "./interrupted.ts";
import { BudgetReached, RunBudget } from "./budget.ts";
import { BUILTIN_PRICES } from "../model/prices.ts";
import { testsParseProblem, undefinedCasesProblem } from "./task_problem.ts";
import { createRun, findResumable, findSuperseded, reopenRun, type RunWriter } from "./store.ts";

import type { EvaluateOptions, Evaluation } from "./evaluate_options.ts";
import { writeRunParquet } from "./parquet.ts";
import { resumeState } from "./resume_state.ts";
import { SandboxUnavailableError } from "../sandbox/sandbox_unavailable.ts";

export type { CacheMode } from "./generate_sample.ts";
export type { Executor } from "./execute_sample.ts";
export type { EvaluateOptions, Evaluation, RunOrigin } from "./evaluate_options.ts";

const keyOf = sampleKey;

/**
 * Run (or resume) an evaluation stored under `options.runsDir/<run-id>/`.
 *
 * @example
 * ```ts ignore
 * import { evaluate, loadSuite, syntheticProvider } from "../mod.ts";
 * const suite = await loadSuite("tasks/builtin");
 * const model = syntheticProvider("default", suite.tasks);
 * const run = await evaluate(suite, { models: [model], runsDir: "data/runs", samples: 2 });
 * await model.close();
 * console.log(run.dir);
 * ```
 */
export async function evaluate(suite: Suite, options: EvaluateOptions): Promise<Evaluation> {
  const templates = options.variants ?? [plain];
  const perturbations = options.perturbations ?? [];
  const samples = options.samples ?? 1;
  if (!Number.isInteger(samples) || samples < 1) {
    throw new RangeError(`Cannot evaluate with samples=${samples}: use an integer >= 1`);
  }
  options.signal?.throwIfAborted();
  // A budget needs every model's price (an unknown spend cannot be kept to): refused before any work.
  const budget = options.budgetUsd === undefined
    ? null
    : new RunBudget(options.budgetUsd, options.models, options.prices ?? BUILTIN_PRICES);
  // One stop for the whole run: the caller's signal (more reasons, such as a budget, may join).
  const stop = new AbortController();
  const onAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const params = {
    samples,
    concurrency: options.concurrency ?? 4,
    sandboxConcurrency: options.sandboxConcurrency ?? 4,
    isolation: options.isolation ?? "bwrap",
    sandbox: options.executor ? "custom" : options.fleet ? "fleet" : options.sandbox ?? "strict",
    seed: options.seed ?? 0,
    cacheMode: options.cache ? options.cacheMode ?? "use" : "off",
    semantics: options.semantics ?? "task",
    ...(suite.tasks.some((t) => t.language === "py")
      ? { python: options.python ?? "pyodide" }
      : {}),
    ...(options.typecheck && options.typecheck !== "off" ? { typecheck: options.typecheck } : {}),
    ...options.params,
  };
  // Declared Python packages need CPython and an installed package each: said before any work.
  const pythonProblem = pythonPackagesProblem(suite, options.python ?? "pyodide");
  if (pythonProblem) throw new SandboxUnavailableError(pythonProblem.message);
  // Content decides identity: every rendered prompt, the suite, models and what changes a verdict.
  const plan = await planRun(suite, options.models, templates, {
    perturbations,
    samples,
    seed: params.seed,
    settings: {
      isolation: params.isolation,
      sandbox: params.sandbox,
      typecheck: options.typecheck ?? "off",
      ...(options.semantics ? { semantics: options.semantics } : {}),
      ...(suite.tasks.some((t) => t.language === "py")
        ? { python: options.python ?? "pyodide" }
        : {}),
      referenceTimeouts: options.referenceTimeouts ?? {},
      params: options.params ?? {},
    },
  });
  const { variants, configHash } = plan;
  const previous = options.resume === false
    ? null
    : await findResumable(options.runsDir, configHash);
  const concurrency = options.concurrency ?? 4;
  const sandboxConcurrency = options.sandboxConcurrency ?? 4;
  const pool = !options.executor && !options.fleet && options.sandbox === "pooled"
    ? createPool({ size: sandboxConcurrency, isolation: options.isolation ?? "bwrap" })
    : null;
  // A fleet connects before the run folder exists (an unreachable one leaves none); its jobs are
  // scoped by the run's id once the folder exists.
  const fleet = options.fleet ? runFleet(options.fleet) : null;
  const baseExecutor: Executor = options.executor ?? fleet?.executor ?? pool?.run ?? runSample;
  // Declared dependencies: one read-only store per distinct set, resolved before anything runs.
  let deps: RunDependencies;
  try {
    deps = await runDependencies(
      suite,
      options.dependencyStore ??
        { cacheDir: join(options.runsDir, "..", "cache"), projectDir: null },
    );
  } catch (error) {
    await pool?.close();
    throw error;
  }
  const stores = deps.stores;
  const executor = taskExecutor(suite, baseExecutor, deps, options.python ?? "pyodide");
  const check = options.packageCheck ?? packageCheck();
  const pythonCheck = options.pythonPackageCheck ?? pythonPackageCheck();
  let opened: RunWriter | undefined;
  try {
    await fleet?.connect();
    opened = previous
      ? await reopenRun(previous)
      : await createRun(options.runsDir, await newManifest(suite, options, plan, params, stores));
    await fleet?.open(opened.manifest.runId);
  } catch (error) {
    await pool?.close();
    await opened?.close();
    await fleet?.close(opened ?? { recordExecutor: () => Promise.resolve() });
    throw error;
  }
  const writer: RunWriter = opened;
  // Tasks that cannot be judged: a tests file that does not parse (read, not run), then, with the
  // limits, a reference that does not pass its own tests. Kept in the manifest for every resume.
  const taskErrors: Record<string, string> = { ...writer.manifest.taskErrors };
  for (const task of suite.tasks) {
    const problem = taskErrors[task.id] ?? testsParseProblem(task);
    if (problem !== null) taskErrors[task.id] = problem;
  }
  // Limits from the references, measured once the run folder exists (a run killed meanwhile
  // measures them when it resumes) and kept in the manifest for every later resume.
  if (!options.executor && options.referenceTimeouts !== false && !writer.manifest.timeouts) {
    try {
      const measured = await referenceTimeouts(
        suite.tasks,
        (job, o, task) =>
          executor(task.id)(
            options.semantics ? { ...job, semantics: options.semantics } : job,
            { ...o, isolation: options.isolation ?? "bwrap", signal: stop.signal },
          ),
        {
          concurrency: sandboxConcurrency,
          ...options.referenceTimeouts,
          onProblem: (task, problem) => taskErrors[task.id] ??= problem,
        },
      );
      // Each case's limit as the samples run under it: the task's own (EvalPlus) over the derived.
      for (const task of suite.tasks) {
        const derived = measured[task.id];
        if (derived) derived.cases = sampleLimits(task, derived).caseTimeoutMs ?? {};
      }
      // References slower than their declared timeoutMs: written with the limits just below.
      const slow = slowReferences(suite.tasks, measured);
      if (slow.length) writer.manifest.slowReferences = slow;
      await writer.recordTimeouts(measured);
    } catch (error) {
      await writer.close();
      await pool?.close();
      options.signal?.removeEventListener("abort", onAbort);
      if (!stop.signal.aborted) throw error;
      // Interrupted while timing references: nothing of the samples is recorded yet.
      throw interrupted(0, error); // (no sample was recorded)
    }
  }
  // Written once, after the reference run added its findings (unchanged on a resume).
  if (
    writer.manifest.taskErrors === undefined ||
    JSON.stringify(writer.manifest.taskErrors) !== JSON.stringify(taskErrors)
  ) await writer.recordTaskErrors(taskErrors);
  const limits = writer.manifest.timeouts ?? {};
  const key = (j: Job) =>
    keyOf({ task: j.task.id, model: j.model.spec, variant: j.variant.name, sample: j.sample });
  // The pool's statistics count the samples only: what it ran for the references is taken off.
  const referencePool = pool?.stats();
  // What an interrupted run already holds: keys only, plus generations still waiting for a result.
  const { haveResult, haveGeneration } = await resumeState(previous, plan.jobs, key, budget);
  const jobs = plan.jobs;
  const superseded = previous ? null : await findSuperseded(options.runsDir, {
    configHash,
    variants: variants.map((v) => v.name),
    suite: writer.manifest.suite,
    templates: plan.templates,
  }).then((s) => (s?.dir === writer.dir ? null : s));
  const pending = jobs.filter((j) => !haveResult.has(key(j)));
  options.onStart?.({
    dir: writer.dir,
    resumed: previous !== null,
    recorded: jobs.length - pending.length,
    total: jobs.length,
    superseded,
  });

  const generate = limiter(concurrency);
  const perModel = new Map(
    options.models.map((m) => [m, limiter(options.modelConcurrency ?? concurrency)]),
  );
  const execute = limiter(sandboxConcurrency);
  const cacheMode = options.cacheMode ?? "use";
  let generated = 0;
  let executed = 0;
  let appended = 0;
  let generationErrors = 0;
  let firstGenerationError: string | null = null;
  const one = async (job: Job) => {
    let gen = haveGeneration.get(key(job));
    if (!gen) {
      const queuedAt = performance.now();
      const ask = (beforeRequest?: () => void) =>
        perModel.get(job.model)!(() =>
          generate(() =>
            generateSample(
              job,
              options.seed ?? 0,
              performance.now() - queuedAt,
              options.cache,
              cacheMode,
              stop.signal,
              beforeRequest,
            )
          )
        );
      gen = budget ? await budget.request(job, ask) : await ask();
      // Stopped meanwhile: an answer cut short is not the model's; nothing is recorded.
      if (stop.signal.aborted) return;
      // The prompt first, so every generation's promptHash resolves in prompts.jsonl.
      await writer.appendPrompt({ hash: job.promptHash, messages: job.messages });
      await writer.appendGeneration(gen);
      generated++;
    }
    let result: ResultRecord;
    if (gen.error !== null) {
      result = generationErrorResult(job.task, gen);
      generationErrors++;
      firstGenerationError ??= result.detail;
    } else {
      const g = gen;
      result = await execute(() =>
        executeSample(
          job.task,
          g,
          {
            isolation: options.isolation ?? "bwrap",
            ...(options.semantics ? { semantics: options.semantics } : {}),
            ...sampleLimits(job.task, limits[job.task.id]),
            signal: stop.signal,
          },
          executor(job.task.id),
          job.task.language === "py" ? pythonCheck : check,
        )
      );
      executed++;
    }
    // A task that cannot be judged: known before the run, or shown by this sample's verdicts.
    const taskError = taskErrors[job.task.id] ?? undefinedCasesProblem(result.cases);
    if (taskError !== null) result = { ...result, taskError };
    if (stop.signal.aborted) return;
    await writer.appendResult(result);
    appended++;
    haveGeneration.delete(key(job));
    options.onSample?.(gen, result);
  };
  // A fixed set of workers pulls samples in order: memory stays flat whatever the run's size.
  let next = 0;
  const worker = async () => {
    while (next < pending.length && !stop.signal.aborted && budget?.account.refused == null) {
      try {
        await one(pending[next++]);
      } catch (error) {
        // A sample stopped by the interrupt throws its reason: dropped, not an error of the run;
        // one the budget refused was never sent (the requests in flight finish and are recorded).
        if (!stop.signal.aborted && !(error instanceof BudgetReached)) throw error;
      }
    }
  };
  /** The run as it stands when stopped: recorded samples stay, the same call resumes. */
  function interrupted(
    recorded: number,
    cause: unknown,
    reason: StopReason = "interrupted",
    detail?: string,
  ): RunInterrupted {
    const resume = options.resumeHint ?? "run the same command to resume";
    return new RunInterrupted({ dir: writer.dir, recorded, total: plan.jobs.length, reason }, {
      cause,
      ...(detail ? { detail } : {}),
      resume: reason === "budget"
        ? `${resume}, with a larger budget (the run's spend so far counts toward it)`
        : resume,
    });
  }
  try {
    const workers = Promise.all(Array.from({ length: concurrency + sandboxConcurrency }, worker));
    // An abort settles the run at once; the workers' requests and programs are being stopped.
    const stopped = new Promise<void>((resolve) => {
      if (stop.signal.aborted) resolve();
      stop.signal.addEventListener("abort", () => resolve(), { once: true });
    });
    await Promise.race([workers, stopped]);
    if (stop.signal.aborted) {
      // Kill the warm hosts, then give the samples in flight a moment to remove their folders.
      await pool?.close();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        workers.catch(() => {}),
        new Promise((r) => timer = setTimeout(r, 2000)),
      ]);
      clearTimeout(timer);
      throw interrupted(jobs.length - pending.length + appended, stop.signal.reason);
    }
    if (budget?.account.refused != null) {
      const recorded = jobs.length - pending.length + appended;
      throw interrupted(recorded, undefined, "budget", budget.account.detail());
    }
    if ((options.typecheck ?? "off") !== "off") {
      const tasks = new Map(jobs.map((j) => [key(j), j.task]));
      await typecheckRun(writer.dir, (k) => tasks.get(keyOf(k)), {
        mode: options.typecheck as "record" | "strict",
        append: (r) => writer.appendResult(r),
      });
    }
    await writer.complete();
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    await fleet?.close(writer);
    await writer.close();
    await pool?.close();
  }
  // The store is finished here, whoever called: results.parquet for polars, pandas, DuckDB, Spark.
  await writeRunParquet(writer.dir);
  return {
    dir: writer.dir,
    resumed: previous !== null,
    recorded: jobs.length - pending.length,
    total: jobs.length,
    generated,
    executed,
    superseded,
    generationErrors,
    firstGenerationError,
    taskErrors,
    ...(pool ? { pool: poolStatsSince(pool.stats(), referencePool) } : {}),
  };
}
