/**
 * `manifest.json`: what was run, with what, on what; and the run store's format version.
 *
 * @module
 */
import { z } from "zod";
import { StoreRecord } from "./dependency_store.ts";
import { RunPrices } from "./run_prices.ts";

/**
 * The version of the run store format written by this code. Version 2 added the outcome
 * `generation_error` (a result record for every failed generation), `taskError` and
 * `harnessChanges` on results, `promptHash` and `endpoint` on generations, `prompts.jsonl`, and
 * the manifest's origin, name, command, templates, expected sample count and task errors.
 * Version 1 runs are read (lib/analyze/load_run.ts gives their failed generations a result).
 * Optional fields added later without a new version (a reader that does not know them loses
 * nothing it needs): `timeouts.*.cases`, `dependencies`, `slowReferences`, `skippedTests`,
 * `pythonPackages`, `prices`, `tags`.
 */
export const FORMAT_VERSION = 2;

/** `manifest.json`: what was run, with what, on what. */
export const Manifest = z.object({
  /** Run store format version (1 is still read). */
  formatVersion: z.union([z.literal(1), z.literal(FORMAT_VERSION)]).describe(
    "run store format version (1 is still read)",
  ),
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
  /** Who made the run: the CLI, a notebook, a benchmark, or a library call; absent before format 2. */
  origin: z.enum(["cli", "notebook", "bench", "library"]).optional()
    .describe("who made the run: cli, notebook, bench or library; absent before format 2"),
  /** A name given to the run (`--name`), or null. */
  name: z.string().nullable().optional().describe("a name given to the run, or null"),
  /** Labels given to the run (`eval --tag`, repeatable); absent when none (and in runs recorded before tags). */
  tags: z.array(z.string()).optional().describe(
    "labels given to the run (eval --tag, repeatable); absent when none",
  ),
  /** The command line that made the run, with secrets removed; absent when not made by the CLI. */
  command: z.array(z.string()).optional().describe(
    "the command line that made the run, secrets removed",
  ),
  /** Each prompt template: its name, its source (the render function's text) and a hash of every prompt it rendered for the suite. */
  templates: z.array(z.object({
    name: z.string(),
    source: z.string(),
    promptsHash: z.string(),
  })).optional().describe("each template's name, source and a hash of every prompt it rendered"),
  /** Samples the run holds when complete (tasks × models × variants × samples). */
  expectedSamples: z.number().int().nonnegative().optional()
    .describe("samples the run holds when complete"),
  /** Tasks that could not be judged, with the reason (their samples are left out of model scores). */
  taskErrors: z.record(z.string(), z.string()).optional()
    .describe("tasks that could not be judged, with the reason"),
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
      /** Each test case's own limit, ms: the task's own where it sets one (an EvalPlus tests.py's `# assay-case-limits` line), else max(case floor, factor × the reference's time on it); absent in runs recorded before per-case limits. */
      cases: z.record(z.string(), z.number()).optional(),
    }),
  ).optional().describe(
    "per-task limits derived from the reference's time: max(floor, factor × reference), for the sample and for each case (a case limit the task sets itself wins); absent when not derived",
  ),
  /** Tasks whose reference took longer than their declared `timeoutMs` (lib/run/slow_references.ts): their samples run under the limit derived from the measurement; absent when none or not measured. */
  slowReferences: z.array(z.object({
    task: z.string(),
    referenceMs: z.number(),
    declaredTimeoutMs: z.number(),
    limitMs: z.number(),
  })).optional().describe(
    "tasks whose reference took longer than their declared timeoutMs: the measured time, the declared limit, the derived limit samples ran under; absent when none",
  ),
  /** Tests the importer left out of each task (jest-style it.skip, xit, it.todo: the task's `skipped:<n>` tag), by task id; absent when none. */
  skippedTests: z.record(z.string(), z.number().int().positive()).optional().describe(
    "tests the importer left out of each task (it.skip, xit, it.todo), by task id; absent when none",
  ),
  /** The declared npm dependencies the run provided: every declared package's exact version, and each read-only store (lib/sandbox/dep_store.ts); absent when the suite declares none. */
  dependencies: z.object({
    packages: z.record(z.string(), z.string()),
    stores: z.array(StoreRecord),
  }).optional().describe(
    "declared npm packages with exact versions and their content-addressed stores; absent when none",
  ),
  /** The declared Python packages the run provided (task.json / suite.json `pythonPackages`): each top-level module and the host paths the sandbox mounted for it from Debian's dist-packages; absent when the suite declares none. */
  pythonPackages: z.record(z.string(), z.array(z.string())).optional().describe(
    "declared Python modules and the dist-packages paths mounted for each; absent when none",
  ),
  /** The price of each model when the run was made (built-in table, extended by `--prices`), with the table's notes ("list prices as of …; check before quoting"): what decided the run's costs; absent in runs made before prices were recorded. */
  prices: z.object({ notes: z.array(z.string()), models: RunPrices }).optional().describe(
    "each model's price (USD per 1M tokens, dated, sourced; null: no price) and the table's notes; absent before prices were recorded",
  ),
  /** Where the samples ran when not on this machine: a fleet's server (without credentials) and each worker's sandbox version; absent for a local run. */
  executor: z.object({
    kind: z.literal("fleet"),
    url: z.string(),
    workers: z.record(z.string(), z.string()),
  }).optional().describe(
    "a fleet's server (without credentials) and its workers' sandbox versions; absent when local",
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
