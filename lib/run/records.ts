/**
 * The run store's record contracts (format version 1). Every line of
 * `generations.jsonl` is a {@link GenerationRecord}, every line of
 * `results.jsonl` a {@link ResultRecord}; `manifest.json` is a {@link Manifest}.
 * One record per key (task, model, variant, sample).
 *
 * @module
 */
import { z } from "zod";
import { FailureClassification } from "../score/taxonomy.ts";
import { Diagnostic } from "../score/typecheck.ts";
import { CaseKind } from "../task/schema.ts";
import { StoreRecord } from "../sandbox/dep_store.ts";

/** The version of the run store format written by this code. */
export const FORMAT_VERSION = 1;

/** The fields that identify one sample. */
export const SampleKey = z.object({
  /** The task id. */
  task: z.string().describe("the task id"),
  /** The model spec as given, normalised: `provider:model`. */
  model: z.string().describe("the model spec, normalised to provider:model"),
  /** The prompt variant (template) name. */
  variant: z.string().describe("the prompt variant (template) name"),
  /** The sample index, 0-based; repeats are independent samples. */
  sample: z.number().int().nonnegative().describe("the sample index, 0-based"),
});
/** The fields that identify one sample. */
export type SampleKey = z.infer<typeof SampleKey>;

/**
 * One string per sample key, for maps and sets (the run store's "one record per key").
 *
 * @example
 * ```ts
 * import { sampleKey } from "./records.ts";
 * console.assert(sampleKey({ task: "t", model: "m", variant: "v", sample: 0 }) === '["t","m","v",0]');
 * ```
 */
export function sampleKey(r: SampleKey): string {
  return JSON.stringify([r.task, r.model, r.variant, r.sample]);
}

/** One model answer and how long it took. */
export const GenerationRecord = SampleKey.extend({
  /** True when the answer came from the offline synthetic model (not a real LLM). */
  synthetic: z.boolean().describe("true when the answer came from the offline synthetic model"),
  /** ISO time the request was sent. */
  startedAt: z.string().describe("ISO time the request was sent"),
  /** The raw completion text. */
  text: z.string().describe("the raw completion text"),
  /** The code extracted from the completion; null when none could be found. */
  code: z.string().nullable().describe("the code extracted from the completion, null when none"),
  /** Time to first content token, ms; null when nothing streamed. */
  ttftMs: z.number().nullable().describe("time to first content token, ms"),
  /** Time from request to the end of the stream, ms. */
  totalMs: z.number().describe("time from request to end of stream, ms"),
  /** Prompt tokens (from usage). */
  tokensIn: z.number().nullable().describe("prompt tokens, from usage"),
  /** Completion tokens (from usage, or estimated when `tokensEstimated`). */
  tokensOut: z.number().nullable().describe("completion tokens"),
  /** True when token counts are an estimate (the server reported no usage). */
  tokensEstimated: z.boolean().describe("true when token counts are estimated"),
  /** Completion tokens per second over the streaming phase (after the first token). */
  tokensPerSec: z.number().nullable().describe(
    "completion tokens per second after the first token",
  ),
  /** Time the sample waited for a free request slot before it was sent, ms. */
  queueMs: z.number().default(0).describe("time waiting for a request slot before sending, ms"),
  /** Time spent on failed attempts and backoff before the attempt that answered, ms (not in totalMs). */
  retryMs: z.number().default(0).describe(
    "time on failed attempts and backoff before the answering attempt, ms",
  ),
  /** Number of retried requests before this answer. */
  retries: z.number().int().nonnegative().describe("retried requests before this answer"),
  /** True when served from the cache (latency then excluded from statistics). */
  cached: z.boolean().describe("true when served from the cache"),
  /** A generation error (the request finally failed); null on success. */
  error: z.string().nullable().describe("a generation error, null on success"),
  /** What the synthetic model did to the reference (mutation names), else []. */
  mutations: z.array(z.string()).default([]).describe(
    "synthetic only: mutations applied to the reference",
  ),
  /** Median gap between streamed content chunks, ms; null with fewer than two chunks. */
  gapP50Ms: z.number().nullable().default(null).describe(
    "median gap between streamed content chunks, ms",
  ),
  /** Longest gap between streamed content chunks, ms: stalls show here. */
  gapMaxMs: z.number().nullable().default(null).describe(
    "longest gap between streamed content chunks, ms",
  ),
  /** Reasoning tokens, when the server reports them. */
  reasoningTokens: z.number().nullable().default(null).describe("reasoning tokens, when reported"),
});
/** One model answer and how long it took. */
export type GenerationRecord = z.infer<typeof GenerationRecord>;

/** The verdict on one test case. */
export const CaseVerdict = z.object({
  /** The declared case name. */
  name: z.string().describe("the declared case name"),
  /** core or edge. */
  kind: CaseKind,
  /**
   * pass; fail (an assertion failed); error (it threw something else); timeout (stopped at its
   * own limit, or running when the sample's ran out, or it passed in a module that never
   * settled: lib/sandbox/settle.ts); missing (never reported).
   */
  status: z.enum(["pass", "fail", "error", "timeout", "missing"])
    .describe(
      "pass, fail (assertion), error (other throw), timeout (stopped at a time limit), missing (never reported)",
    ),
  /** The failure message or the reason it is missing; "" on pass. */
  message: z.string().describe("failure message or reason it is missing"),
  /** Time the case took inside the sandbox, ms (null when missing). */
  ms: z.number().nullable().describe("time the case took, ms"),
});
/** The verdict on one test case. */
export type CaseVerdict = z.infer<typeof CaseVerdict>;

/** How the sandboxed run of a sample ended. */
export const Outcome = z.enum([
  "completed", // every case reported
  "no_code", // nothing to run
  "load_error", // the module (solution or tests) failed to load: syntax, missing export…
  "timeout", // wall-clock limit hit, process group killed
  "output_limit", // stdout/stderr cap hit, process group killed
  "memory_limit", // heap cap hit
  "exited", // the process ended before every case reported
]).describe("how the sandboxed run of a sample ended");
/** How the sandboxed run of a sample ended. */
export type Outcome = z.infer<typeof Outcome>;

/** The scored result of one sample. */
export const ResultRecord = SampleKey.extend({
  /** How the sandboxed run ended. */
  outcome: Outcome,
  /** Detail for a non-completed outcome (the load error message, the limit…). */
  detail: z.string().describe("detail for a non-completed outcome"),
  /** Per-case verdicts, in declared order. */
  cases: z.array(CaseVerdict).describe("per-case verdicts in declared order"),
  /** True when every case passed. */
  passed: z.boolean().describe("true when every case passed"),
  /** Share of cases that passed, in [0, 1]. */
  passFraction: z.number().describe("share of cases that passed"),
  /** Weighted accuracy in [-1, 1] (DESIGN.md): +1 pass, -0.5 failed edge, -1 other failure. */
  weightedAccuracy: z.number().describe("weighted accuracy in [-1, 1]"),
  /** correct, almost (core passes but some edge fails, or few core fail), wrong. */
  bucket: z.enum(["correct", "almost", "wrong"]).describe("the spectrum bucket"),
  /** Sandbox wall time, ms. */
  execMs: z.number().describe("sandbox wall time, ms"),
  /** The failure taxonomy's verdict (primary category, secondary labels, evidence); null when every case passed. */
  failure: FailureClassification.nullable().default(null)
    .describe("failure category, secondary labels and evidence; null when every case passed"),
  /** The tail of stderr (capped), for evidence. */
  stderr: z.string().describe("the tail of stderr, capped"),
  /** Type-check diagnostics of the sample (evaluate's `typecheck` stage); absent when not checked. */
  diagnostics: z.array(Diagnostic).optional()
    .describe("type-check diagnostics; absent when the run did not type-check"),
});
/** The scored result of one sample. */
export type ResultRecord = z.infer<typeof ResultRecord>;

/** `manifest.json`: what was run, with what, on what. */
export const Manifest = z.object({
  /** Run store format version. */
  formatVersion: z.literal(FORMAT_VERSION).describe("run store format version"),
  /** The run id (also the folder name). */
  runId: z.string().describe("the run id, also the folder name"),
  /** ISO creation time. */
  createdAt: z.string().describe("ISO creation time"),
  /** git revision of the assay checkout, or null. */
  gitRevision: z.string().nullable().describe("git revision of assay, or null"),
  /** Suite name, folder, content hash, task count, and the release from its suite.json (null without one; absent in manifests written before it was recorded). */
  suite: z.object({
    name: z.string(),
    dir: z.string(),
    hash: z.string(),
    tasks: z.number(),
    version: z.string().nullable().optional(),
  }).describe("suite name, folder, content hash, task count, version (suite.json; null if none)"),
  /** Model specs in the run; synthetic ones are flagged. */
  models: z.array(z.object({ spec: z.string(), synthetic: z.boolean() }))
    .describe("model specs, synthetic flagged"),
  /** Prompt variants in the run. */
  variants: z.array(z.string()).describe("prompt variants"),
  /** Run parameters (samples, concurrency, temperature…). */
  params: z.record(z.string(), z.unknown()).describe("run parameters"),
  /** Tool versions (deno, v8, typescript, assay). */
  tools: z.record(z.string(), z.string()).describe("tool versions"),
  /** SHA-256 of what decides the run's records (suite hash, models, variants, samples, seed, parameters): the same command resumes a run with the same hash. */
  configHash: z.string().default("").describe(
    "hash of what decides the records; the same command resumes a run with it",
  ),
  /** Per-task wall-clock limits derived from the reference's measured time (lib/run/reference_timeouts.ts); absent when not derived. */
  timeouts: z.record(
    z.string(),
    z.object({
      referenceMs: z.number(),
      timeoutMs: z.number(),
      /** Each test case's own limit, ms: max(case floor, factor × the reference's time on it); absent in runs recorded before per-case limits. */
      cases: z.record(z.string(), z.number()).optional(),
    }),
  ).optional().describe(
    "per-task limits derived from the reference's time: max(floor, factor × reference), for the sample and for each case; absent when not derived",
  ),
  /** The declared npm dependencies the run provided: every declared package's exact version, and each read-only store (lib/sandbox/dep_store.ts); absent when the suite declares none. */
  dependencies: z.object({
    packages: z.record(z.string(), z.string()),
    stores: z.array(StoreRecord),
  }).optional().describe(
    "declared npm packages with exact versions and their content-addressed stores; absent when none",
  ),
  /** ISO times the run was resumed after an interruption. */
  resumedAt: z.array(z.string()).default([]).describe("ISO times the run was resumed"),
  /** ISO time every sample was recorded; null while incomplete (interrupted runs stay null until resumed). */
  completedAt: z.string().nullable().default(null).describe(
    "ISO time every sample was recorded, null while incomplete",
  ),
});
/** `manifest.json`. */
export type Manifest = z.infer<typeof Manifest>;
