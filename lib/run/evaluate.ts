/**
 * The evaluation loop: for every task × model × variant × sample, ask the
 * model (or the cache), extract the code, run it in the sandbox, score it,
 * and append both records to the run store as each sample completes. The same
 * configuration resumes an interrupted run: recorded samples are kept, a
 * generation without a result is executed without asking the model again.
 *
 * @module
 */
import { join, resolve } from "node:path";
import { cacheKey, type GenerationCache } from "../model/cache.ts";
import { extractCode } from "../model/extract.ts";
import { extractFiles, filesAnswerCode } from "../model/extract_files.ts";
import type { Generation, Provider } from "../model/provider.ts";
import { type PerturbationName, perturbTask } from "../prompt/perturb.ts";
import { plain, type PromptTemplate } from "../prompt/templates.ts";
import { runSample, type RunSampleOptions } from "../sandbox/deno.ts";
import { createPool, type PoolStats } from "../sandbox/pool.ts";
import type { DepStoreOptions } from "../sandbox/dep_store.ts";
import { dependenciesRecord, type RunDependencies, runDependencies } from "./dependency_stores.ts";
import { type PackageCheck, packageCheck } from "../score/package_check.ts";
import { type ReferenceTimeoutOptions, referenceTimeouts } from "./reference_timeouts.ts";
import type { Isolation, SandboxJob, SandboxResult } from "../sandbox/sandbox.ts";
import { classifyFailure, importedPackages } from "../score/taxonomy.ts";
import { scoreSample } from "../score/weighted.ts";
import { sha256 } from "../task/hash.ts";
import type { Suite, Task } from "../task/schema.ts";
import { overlayTree, parseFileBundle } from "../task/tree.ts";
import { limiter } from "./pool.ts";
import { GenerationRecord, type ResultRecord, sampleKey } from "./records.ts";
import { type TypecheckMode, typecheckRun } from "./typecheck_stage.ts";
import {
  createRun,
  findResumable,
  gitRevision,
  newRunId,
  readRecords,
  reopenRun,
  RUN_FILES,
  type RunWriter,
  toolVersions,
} from "./store.ts";

/** How the cache is used: read and write, write only (refresh), or not at all. */
export type CacheMode = "use" | "refresh" | "off";

/** Options for {@link evaluate}. */
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
  /** Called once before work starts, with the run folder and how many samples were already recorded. */
  onStart?: (info: { dir: string; resumed: boolean; recorded: number; total: number }) => void;
  /** Called after each sample is stored. */
  onSample?: (generation: GenerationRecord, result: ResultRecord | null) => void;
  /** Concurrent requests per model (on top of `concurrency` overall). @default no per-model limit */
  modelConcurrency?: number;
  /** Runs a sample's code. @default runSample (the sandbox) */
  executor?: Executor;
  /**
   * Derive each task's wall-clock limit from its reference's measured time before the run
   * (recorded in the manifest; a resumed run keeps its limits); `false` keeps the declared
   * `timeoutMs`. Not done with a custom `executor`. @default { factor: 10, floorMs: 1000, caseFloorMs: 500 }
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
  /** What the warm pool did (`sandbox: "pooled"`): samples it ran, and those it handed to the strict runner, by reason. */
  pool?: PoolStats;
}

/** Runs one sample's code against its task: the sandbox by default; a pool or a stub for benchmarks. */
export type Executor = (job: SandboxJob, options: RunSampleOptions) => Promise<SandboxResult>;

interface Job {
  task: Task;
  model: Provider;
  variant: PromptTemplate;
  sample: number;
}

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
  // Every variant as sent: each template unperturbed, then with each perturbation.
  const variants: {
    name: string;
    template: PromptTemplate;
    perturbation: PerturbationName | null;
  }[] = [
    ...templates.map((template) => ({ name: template.name, template, perturbation: null })),
    ...perturbations.flatMap((p) =>
      templates.map((template) => ({ name: `${template.name}+${p}`, template, perturbation: p }))
    ),
  ];
  const samples = options.samples ?? 1;
  if (!Number.isInteger(samples) || samples < 1) {
    throw new RangeError(`Cannot evaluate with samples=${samples}: use an integer >= 1`);
  }
  const params = {
    samples,
    concurrency: options.concurrency ?? 4,
    sandboxConcurrency: options.sandboxConcurrency ?? 4,
    isolation: options.isolation ?? "bwrap",
    sandbox: options.executor ? "custom" : options.sandbox ?? "strict",
    seed: options.seed ?? 0,
    cacheMode: options.cache ? options.cacheMode ?? "use" : "off",
    ...(options.typecheck && options.typecheck !== "off" ? { typecheck: options.typecheck } : {}),
    ...options.params,
  };
  const configHash = await sha256(JSON.stringify([
    suite.hash,
    options.models.map((m) => [m.spec, m.params]),
    variants.map((v) => v.name),
    samples,
    params.seed,
    params.isolation,
    options.params ?? {},
  ]));
  const previous = options.resume === false
    ? null
    : await findResumable(options.runsDir, configHash);
  const concurrency = options.concurrency ?? 4;
  const sandboxConcurrency = options.sandboxConcurrency ?? 4;
  const pool = !options.executor && options.sandbox === "pooled"
    ? createPool({ size: sandboxConcurrency, isolation: options.isolation ?? "bwrap" })
    : null;
  const baseExecutor: Executor = options.executor ?? pool?.run ?? runSample;
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
  const storeOf = deps.storeOf;
  const stores = deps.stores;
  /** Runs a job of `taskId` with that task's dependency store, if it declares any. */
  const executor = (taskId: string): Executor => (job, o) => {
    const dependencies = storeOf(taskId);
    return baseExecutor(dependencies ? { ...job, dependencies } : job, o);
  };
  const check = options.packageCheck ?? packageCheck();
  let writer: RunWriter;
  try {
    writer = previous ? await reopenRun(previous) : await createRun(options.runsDir, {
      runId: newRunId(),
      createdAt: new Date().toISOString(),
      gitRevision: await gitRevision(resolve(new URL("../..", import.meta.url).pathname)),
      suite: {
        name: suite.name,
        dir: suite.dir,
        hash: suite.hash,
        tasks: suite.tasks.length,
        version: suite.version ?? null,
      },
      models: options.models.map((m) => ({ spec: m.spec, synthetic: m.synthetic })),
      variants: variants.map((v) => v.name),
      params,
      tools: toolVersions(),
      configHash,
      ...(stores.length
        ? {
          dependencies: dependenciesRecord(stores),
        }
        : {}),
      resumedAt: [],
      completedAt: null,
    });
  } catch (error) {
    await pool?.close();
    throw error;
  }
  // Limits from the references, measured once the run folder exists (a run killed meanwhile
  // measures them when it resumes) and kept in the manifest for every later resume.
  if (!options.executor && options.referenceTimeouts !== false && !writer.manifest.timeouts) {
    try {
      await writer.recordTimeouts(
        await referenceTimeouts(
          suite.tasks,
          (job, o, task) =>
            executor(task.id)(job, { ...o, isolation: options.isolation ?? "bwrap" }),
          { concurrency: sandboxConcurrency, ...options.referenceTimeouts },
        ),
      );
    } catch (error) {
      await writer.close();
      await pool?.close();
      throw error;
    }
  }
  const limits = writer.manifest.timeouts ?? {};
  // What an interrupted run already holds: keys only, plus generations still waiting for a result.
  const haveResult = new Set<string>();
  const haveGeneration = new Map<string, GenerationRecord>();
  if (previous) {
    await readRecords(
      join(previous, RUN_FILES.results),
      (r: ResultRecord) => haveResult.add(keyOf(r)),
    );
    await readRecords(join(previous, RUN_FILES.generations), (g: GenerationRecord) => {
      if (!haveResult.has(keyOf(g))) haveGeneration.set(keyOf(g), GenerationRecord.parse(g));
    });
  }
  const jobs: Job[] = [];
  for (let sample = 0; sample < samples; sample++) {
    for (const task of suite.tasks) {
      for (const v of variants) {
        const t = v.perturbation ? perturbTask(task, v.perturbation, options.seed ?? 0) : task;
        const variant = { name: v.name, render: (x: Task) => v.template.render(x) };
        for (const model of options.models) jobs.push({ task: t, model, variant, sample });
      }
    }
  }
  const key = (j: Job) =>
    keyOf({ task: j.task.id, model: j.model.spec, variant: j.variant.name, sample: j.sample });
  const pending = jobs.filter((j) => {
    const g = haveGeneration.get(key(j));
    return !haveResult.has(key(j)) && !(g && g.error !== null); // a generation error is a record too
  });
  options.onStart?.({
    dir: writer.dir,
    resumed: previous !== null,
    recorded: jobs.length - pending.length,
    total: jobs.length,
  });

  const generate = limiter(concurrency);
  const perModel = new Map(
    options.models.map((m) => [m, limiter(options.modelConcurrency ?? concurrency)]),
  );
  const execute = limiter(sandboxConcurrency);
  const cacheMode = options.cacheMode ?? "use";
  let generated = 0;
  let executed = 0;
  const one = async (job: Job) => {
    let gen = haveGeneration.get(key(job));
    if (!gen) {
      const queuedAt = performance.now();
      gen = await perModel.get(job.model)!(() =>
        generate(() =>
          generateOne(
            job,
            options.seed ?? 0,
            performance.now() - queuedAt,
            options.cache,
            cacheMode,
          )
        )
      );
      await writer.appendGeneration(gen);
      generated++;
    }
    let result: ResultRecord | null = null;
    if (gen.error === null) {
      const g = gen;
      const derived = limits[job.task.id];
      const timeoutMs = derived?.timeoutMs ?? job.task.timeoutMs;
      result = await execute(() =>
        executeOne(
          job,
          g,
          {
            isolation: options.isolation ?? "bwrap",
            timeoutMs,
            ...(derived?.cases ? { caseTimeoutMs: derived.cases } : {}),
          },
          executor(job.task.id),
          check,
        )
      );
      await writer.appendResult(result);
      executed++;
    }
    haveGeneration.delete(key(job));
    options.onSample?.(gen, result);
  };
  // A fixed set of workers pulls samples in order: memory stays flat whatever the run's size.
  let next = 0;
  const worker = async () => {
    while (next < pending.length) await one(pending[next++]);
  };
  try {
    await Promise.all(Array.from({ length: concurrency + sandboxConcurrency }, worker));
    if ((options.typecheck ?? "off") !== "off") {
      const tasks = new Map(jobs.map((j) => [key(j), j.task]));
      await typecheckRun(writer.dir, (k) => tasks.get(keyOf(k)), {
        mode: options.typecheck as "record" | "strict",
        append: (r) => writer.appendResult(r),
      });
    }
    await writer.complete();
  } finally {
    await writer.close();
    await pool?.close();
  }
  return {
    dir: writer.dir,
    resumed: previous !== null,
    recorded: jobs.length - pending.length,
    total: jobs.length,
    generated,
    executed,
    ...(pool ? { pool: pool.stats() } : {}),
  };
}

async function generateOne(
  job: Job,
  seed: number,
  queueMs: number,
  cache: GenerationCache | undefined,
  cacheMode: CacheMode,
): Promise<GenerationRecord> {
  const startedAt = new Date().toISOString();
  const messages = job.variant.render(job.task);
  const request = {
    messages,
    sample: job.sample,
    seed: seed + job.sample,
    task: job.task.id,
    variant: job.variant.name,
  };
  const useCache = cache !== undefined && cacheMode !== "off" && !job.model.synthetic;
  const k = useCache
    ? await cacheKey({ spec: job.model.spec, params: { ...job.model.params }, ...request })
    : "";
  let g: Generation | null = useCache && cacheMode === "use" ? await cache!.get(k) : null;
  const cached = g !== null;
  if (!g) {
    g = await job.model.generate(request);
    if (useCache && g.error === null) await cache!.put(k, g);
  }
  return {
    task: job.task.id,
    model: job.model.spec,
    variant: job.variant.name,
    sample: job.sample,
    synthetic: job.model.synthetic,
    startedAt,
    text: g.text,
    // A files answer's code is its changed files as a file bundle (`// file: <path>` lines).
    code: g.error === null
      ? (job.task.answer === "files"
        ? filesAnswerCode(g.text, job.task)
        : extractCode(g.text, job.task.entry))
      : null,
    ttftMs: g.ttftMs,
    totalMs: g.totalMs,
    tokensIn: g.tokensIn,
    tokensOut: g.tokensOut,
    tokensEstimated: g.tokensEstimated,
    tokensPerSec: g.tokensPerSec,
    queueMs,
    retries: g.retries,
    retryMs: g.retryMs,
    cached,
    error: g.error,
    mutations: g.mutations,
    gapP50Ms: g.gapP50Ms,
    gapMaxMs: g.gapMaxMs,
    reasoningTokens: g.reasoningTokens,
  };
}

async function executeOne(
  job: Job,
  gen: GenerationRecord,
  limits: { isolation: Isolation } & RunSampleOptions,
  executor: Executor,
  check: PackageCheck,
): Promise<ResultRecord> {
  const key = { task: gen.task, model: gen.model, variant: gen.variant, sample: gen.sample };
  const files = job.task.answer === "files";
  const context = job.task.contextFiles ?? {};
  const run: SandboxResult = gen.code === null
    ? {
      outcome: "no_code",
      // A files answer says why no files could be taken (a hunk that does not apply, a bad path).
      detail: files ? noFilesDetail(gen.text, job.task) : "no code in the answer",
      cases: job.task.cases.map((c) => ({
        name: c.name,
        kind: c.kind,
        status: "missing" as const,
        message: "no code could be extracted from the answer",
        ms: null,
      })),
      execMs: 0,
      stderr: "",
    }
    : await executor(
      files
        ? {
          code: "",
          testsSource: job.task.testsSource,
          cases: job.task.cases,
          entry: job.task.entry,
          files: overlayTree(context, parseFileBundle(gen.code)),
        }
        : {
          code: gen.code,
          testsSource: job.task.testsSource,
          cases: job.task.cases,
          entry: job.task.entry,
          ...(Object.keys(context).length ? { files: { ...context } } : {}),
        },
      limits,
    );
  const score = scoreSample(run.cases, gen.code !== null);
  // Runtime evidence only here; the batched type-check stage (typecheckBatch) can add diagnostics.
  const input = {
    code: gen.code,
    outcome: run.outcome,
    detail: run.detail,
    cases: run.cases,
    stderr: run.stderr,
    entry: job.task.entry,
    testsSource: job.task.testsSource,
  };
  // A package the sandbox did not provide: does it exist (undeclared) or not (hallucinated)?
  const packages = score.passed ? {} : Object.fromEntries(
    await Promise.all(importedPackages(input).map(async (name) => [name, await check(name)])),
  );
  const failure = score.passed ? null : classifyFailure({ ...input, packages });
  return {
    ...key,
    outcome: run.outcome,
    detail: run.detail,
    cases: run.cases,
    ...score,
    execMs: run.execMs,
    failure,
    stderr: run.stderr,
  };
}

/** Why a files answer gave no files, for the sample's evidence. */
function noFilesDetail(text: string, task: Task): string {
  const r = extractFiles(text, task);
  return r.ok ? "no code in the answer" : `no changed files could be taken: ${r.reason}`;
}
