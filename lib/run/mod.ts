/**
 * Runs: `evaluate()` plans, generates, executes, scores and records a run; the run store's
 * folders; latency under load; suite validation.
 *
 * Reached as the `assay/run` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export { dependenciesRecord, runDependencies } from "./dependency_stores.ts";
export type { RunDependencies } from "./dependency_stores.ts";
export { pythonPackagesProblem } from "./python_packages_check.ts";
export { referenceJob, referenceTimeouts } from "./reference_timeouts.ts";
export type { ReferenceTimeout, ReferenceTimeoutOptions } from "./reference_timeouts.ts";
export { evaluate } from "./evaluate.ts";
export { measureLoad } from "./measure_load.ts";
export type { LoadLevel, LoadOptions } from "./measure_load.ts";
export type { CacheMode, EvaluateOptions, Evaluation, Executor } from "./evaluate.ts";
export { createRun, findResumable, newRunId, readRecords, reopenRun, RUN_FILES } from "./store.ts";
export { writeParquet } from "./parquet.ts";
export { validateSuite } from "./validate_suite.ts";
export type { ValidateOptions } from "./validate_suite.ts";
export { writeRunParquet } from "./parquet.ts";
export { RunInterrupted } from "./interrupted.ts";
export type { StopReason } from "./interrupted.ts";
export { instantPass } from "./instant_pass.ts";
