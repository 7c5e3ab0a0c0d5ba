/**
 * One sample's execution and scoring: run the extracted code in the sandbox (or record why
 * nothing ran), score the per-case verdicts, classify a failure, and build the
 * {@link ResultRecord}. A failed generation becomes a result too (`generation_error`): it stays
 * in every denominator, scored as no runnable code.
 *
 * @module
 */
import { extractFiles } from "../model/extract_files.ts";
import { extractionChanges } from "../model/extraction_changes.ts";
import type { RunSampleOptions } from "../sandbox/deno.ts";
import type { Isolation, SandboxJob, SandboxResult } from "../sandbox/sandbox.ts";
import type { PackageCheck } from "../score/package_check.ts";
import { classifyFailure, importedPackages } from "../score/taxonomy.ts";
import { scoreSample } from "../score/weighted.ts";
import type { Semantics, Task } from "../task/schema.ts";
import { sampleJob } from "./sample_job.ts";
import { sloppyOnly } from "./sloppy_only.ts";
import { withAnswerNames } from "./answer_names_job.ts";
import type { GenerationRecord } from "../record/generation.ts";
import type { ResultRecord } from "../record/result.ts";

/** Runs one sample's code against its task: the sandbox by default; a pool or a stub for benchmarks. */
export type Executor = (job: SandboxJob, options: RunSampleOptions) => Promise<SandboxResult>;

/** Every case `missing` with one reason (nothing ran). */
function missingCases(task: Task, message: string): SandboxResult["cases"] {
  return task.cases.map((c) => ({
    name: c.name,
    kind: c.kind,
    status: "missing" as const,
    message,
    ms: null,
  }));
}

/**
 * The result of a sample whose generation failed: outcome `generation_error`, the error and the
 * endpoint as detail, every case missing, scored as no runnable code (weighted −1), classified
 * `generation_error`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { generationErrorResult } from "./execute_sample.ts";
 * const task = { id: "t", cases: [{ name: "a", kind: "core", tags: [] }] } as never;
 * const r = generationErrorResult(task, { task: "t", model: "m", variant: "v", sample: 0, error: "connection refused", endpoint: "http://127.0.0.1:1/v1" } as never);
 * assert.equal(r.outcome, "generation_error");
 * assert.equal(r.weightedAccuracy, -1);
 * assert.match(r.detail, /connection refused.*127\.0\.0\.1:1/);
 * assert.equal(r.failure?.category, "generation_error");
 * ```
 */
export function generationErrorResult(task: Task, gen: GenerationRecord): ResultRecord {
  const error = gen.error ?? "the request failed";
  // The endpoint, unless the error already names it (the openai provider's errors do).
  const detail = gen.endpoint && !error.includes(gen.endpoint)
    ? `${error} (endpoint ${gen.endpoint})`
    : error;
  const cases = missingCases(task, "the model gave no answer (generation error)");
  return {
    task: gen.task,
    model: gen.model,
    variant: gen.variant,
    sample: gen.sample,
    language: task.language,
    outcome: "generation_error",
    detail,
    cases,
    ...scoreSample(cases, false),
    execMs: 0,
    failure: classifyFailure({
      code: null,
      outcome: "generation_error",
      detail,
      cases,
      stderr: "",
      entry: task.entry,
      testsSource: task.testsSource,
    }),
    stderr: "",
    harnessChanges: [],
  };
}

/**
 * Execute, score and classify one sample whose generation succeeded. `check` decides whether a
 * package the sample could not import exists: an npm check, or for a Python task a Python one.
 */
export async function executeSample(
  task: Task,
  gen: GenerationRecord,
  limits: { isolation: Isolation; semantics?: Semantics } & RunSampleOptions,
  executor: Executor,
  check: PackageCheck,
): Promise<ResultRecord> {
  const key = { task: gen.task, model: gen.model, variant: gen.variant, sample: gen.sample };
  const files = task.answer === "files";
  // The answer's declared names ride along when the tests check them (can-ai-code's f.name, f.args).
  const job = gen.code === null ? null : await withAnswerNames(
    sampleJob(task, gen.code, limits.semantics ? { semantics: limits.semantics } : {}),
  );
  const run: SandboxResult = job === null
    ? {
      outcome: "no_code",
      // A files answer says why no files could be taken (a hunk that does not apply, a bad path).
      detail: files ? noFilesDetail(gen.text, task) : "no code in the answer",
      cases: missingCases(task, "no code could be extracted from the answer"),
      execMs: 0,
      stderr: "",
    }
    : await executor(job, limits);
  const score = scoreSample(run.cases, gen.code !== null);
  // Runtime evidence only here; the batched type-check stage (typecheckBatch) can add diagnostics.
  const input = {
    code: gen.code,
    outcome: run.outcome,
    detail: run.detail,
    cases: run.cases,
    stderr: run.stderr,
    entry: task.entry,
    testsSource: task.testsSource,
    language: task.language,
  };
  // A package the sandbox did not provide: does it exist (undeclared) or not (hallucinated)?
  // (`check` is the task's language's: npm packages, or Python packages.)
  const packages = score.passed ? {} : Object.fromEntries(
    await Promise.all(importedPackages(input).map(async (name) => [name, await check(name)])),
  );
  // An infrastructure error (a fleet gave up on the job) is not the model's failure: unclassified.
  const failure = score.passed || run.executionError
    ? null
    : classifyFailure({ ...input, packages });
  const sandboxChanges = run.harnessChanges ?? [];
  // A script's pass that needs sloppy mode keeps its verdict and says so.
  const sloppy = job === null ? null : await sloppyOnly(job, run, (j) => executor(j, limits));
  return {
    ...key,
    language: task.language,
    outcome: run.outcome,
    detail: run.detail,
    cases: run.cases,
    ...score,
    execMs: run.execMs,
    failure,
    stderr: run.stderr,
    harnessChanges: [...extractionChanges(gen.text, gen.code, task), ...sandboxChanges],
    ...(sloppy ? { labels: [sloppy] } : {}),
    ...(run.executionError ? { executionError: run.executionError } : {}),
    ...(run.executedBy ? { executedBy: run.executedBy } : {}),
  };
}

/** Why a files answer gave no files, for the sample's evidence. */
function noFilesDetail(text: string, task: Task): string {
  const r = extractFiles(text, task);
  return r.ok ? "no code in the answer" : `no changed files could be taken: ${r.reason}`;
}
