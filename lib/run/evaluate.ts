/**
 * The evaluation loop: for every task × model × variant × sample, ask the
 * model, extract the code, run it in the sandbox, score it, and append both
 * records to the run store as each sample completes.
 *
 * @module
 */
import { resolve } from "node:path";
import { extractCode } from "../model/extract.ts";
import type { Provider } from "../model/provider.ts";
import { plain, type PromptTemplate } from "../prompt/templates.ts";
import { runSample } from "../sandbox/deno.ts";
import type { Isolation } from "../sandbox/sandbox.ts";
import { scoreSample } from "../score/weighted.ts";
import type { Suite, Task } from "../task/schema.ts";
import { limiter } from "./pool.ts";
import type { GenerationRecord, ResultRecord } from "./records.ts";
import { createRun, gitRevision, newRunId, toolVersions } from "./store.ts";

/** Options for {@link evaluate}. */
export interface EvaluateOptions {
  /** The models to compare. */
  models: Provider[];
  /** The folder that holds run folders. */
  runsDir: string;
  /** Prompt variants. @default [plain] */
  variants?: PromptTemplate[];
  /** Samples per task × model × variant. @default 1 */
  samples?: number;
  /** Concurrent model requests. @default 4 */
  concurrency?: number;
  /** Concurrent sandboxed executions. @default 4 */
  sandboxConcurrency?: number;
  /** Sandbox isolation. @default "bwrap" */
  isolation?: Isolation;
  /** Added to the sample index to form the request seed. @default 0 */
  seed?: number;
  /** Extra parameters recorded in the manifest. */
  params?: Record<string, unknown>;
  /** Called after each sample is stored. */
  onSample?: (generation: GenerationRecord, result: ResultRecord | null) => void;
}

/** What a finished evaluation returns. */
export interface Evaluation {
  /** The run folder. */
  dir: string;
  /** Every generation record written. */
  generations: GenerationRecord[];
  /** Every result record written (none for generation errors). */
  results: ResultRecord[];
}

interface Job {
  task: Task;
  model: Provider;
  variant: PromptTemplate;
  sample: number;
}

/**
 * Run an evaluation and store it under `options.runsDir/<run-id>/`.
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
  const variants = options.variants ?? [plain];
  const samples = options.samples ?? 1;
  if (!Number.isInteger(samples) || samples < 1) {
    throw new RangeError(`Cannot evaluate with samples=${samples}: use an integer >= 1`);
  }
  const runId = newRunId();
  const writer = await createRun(options.runsDir, {
    runId,
    createdAt: new Date().toISOString(),
    gitRevision: await gitRevision(resolve(new URL("../..", import.meta.url).pathname)),
    suite: { name: suite.name, dir: suite.dir, hash: suite.hash, tasks: suite.tasks.length },
    models: options.models.map((m) => ({ spec: m.spec, synthetic: m.synthetic })),
    variants: variants.map((v) => v.name),
    params: {
      samples,
      concurrency: options.concurrency ?? 4,
      sandboxConcurrency: options.sandboxConcurrency ?? 4,
      isolation: options.isolation ?? "bwrap",
      seed: options.seed ?? 0,
      ...options.params,
    },
    tools: toolVersions(),
  });
  const jobs: Job[] = [];
  for (let sample = 0; sample < samples; sample++) {
    for (const task of suite.tasks) {
      for (const variant of variants) {
        for (const model of options.models) jobs.push({ task, model, variant, sample });
      }
    }
  }
  const generate = limiter(options.concurrency ?? 4);
  const execute = limiter(options.sandboxConcurrency ?? 4);
  const generations: GenerationRecord[] = [];
  const results: ResultRecord[] = [];
  try {
    await Promise.all(jobs.map(async (job) => {
      const gen = await generate(() => generateOne(job, options.seed ?? 0));
      await writer.appendGeneration(gen);
      generations.push(gen);
      let result: ResultRecord | null = null;
      if (gen.error === null) {
        result = await execute(() => executeOne(job, gen, options.isolation ?? "bwrap"));
        await writer.appendResult(result);
        results.push(result);
      }
      options.onSample?.(gen, result);
    }));
  } finally {
    await writer.close();
  }
  return { dir: writer.dir, generations, results };
}

async function generateOne(job: Job, seed: number): Promise<GenerationRecord> {
  const startedAt = new Date().toISOString();
  const messages = job.variant.render(job.task);
  const g = await job.model.generate({ messages, sample: job.sample, seed: seed + job.sample });
  return {
    task: job.task.id,
    model: job.model.spec,
    variant: job.variant.name,
    sample: job.sample,
    synthetic: job.model.synthetic,
    startedAt,
    text: g.text,
    code: g.error === null ? extractCode(g.text, job.task.entry) : null,
    ttftMs: g.ttftMs,
    totalMs: g.totalMs,
    tokensIn: g.tokensIn,
    tokensOut: g.tokensOut,
    tokensEstimated: g.tokensEstimated,
    tokensPerSec: g.tokensPerSec,
    retries: g.retries,
    cached: false,
    error: g.error,
    mutations: g.mutations,
  };
}

async function executeOne(
  job: Job,
  gen: GenerationRecord,
  isolation: Isolation,
): Promise<ResultRecord> {
  const key = { task: gen.task, model: gen.model, variant: gen.variant, sample: gen.sample };
  if (gen.code === null) {
    const cases = job.task.cases.map((c) => ({
      name: c.name,
      kind: c.kind,
      status: "missing" as const,
      message: "no code could be extracted from the answer",
      ms: null,
    }));
    return {
      ...key,
      outcome: "no_code",
      detail: "no code in the answer",
      cases,
      ...scoreSample(cases, false),
      execMs: 0,
      stderr: "",
    };
  }
  const run = await runSample(
    {
      code: gen.code,
      testsSource: job.task.testsSource,
      cases: job.task.cases,
      entry: job.task.entry,
    },
    { isolation, timeoutMs: job.task.timeoutMs },
  );
  return {
    ...key,
    outcome: run.outcome,
    detail: run.detail,
    cases: run.cases,
    ...scoreSample(run.cases),
    execMs: run.execMs,
    stderr: run.stderr,
  };
}
