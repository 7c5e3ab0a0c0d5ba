/**
 * Scores: accuracy as a spectrum (weighted accuracy, buckets), pass@k and pass^k, stability,
 * acceptable-risk policies and JUnit output, the failure taxonomy with evidence, type checks, lint
 * and maintainability.
 *
 * Reached as the `assay/score` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export { ALMOST_CORE_FAILURE_SHARE, scoreSample, weightedAccuracy } from "./weighted.ts";
export { passAtK, passHatK } from "./pass_at_k.ts";
export { stabilityByTask, summarizeStability } from "./stability.ts";
export type { StabilitySummary, TaskStability } from "./stability.ts";
export { judgeRun, POLICIES, Policy, resolvePolicy } from "./policy.ts";
export type { PolicyVerdict, ThresholdCheck } from "./policy.ts";
export { junitXml } from "./junit.ts";
export { classifyFailure, importedPackages } from "./taxonomy.ts";
export { localPackageNames, packageCheck } from "./package_check.ts";
export type { PackageCheck, PackageVerdict } from "./package_check.ts";
export { pythonPackageCheck } from "./python_package_check.ts";
export type { ClassifyOptions, FailureInput } from "./taxonomy.ts";
export { typecheckBatch } from "./typecheck.ts";
export { codeMetrics } from "./code_metrics.ts";
export type { CodeMetrics, CodeMetricsOptions } from "./code_metrics.ts";
export { lintBatch } from "./lint_batch.ts";
export type { LintBatchOptions, LintFinding, LintSample } from "./lint_batch.ts";
export { maintainability } from "./maintainability.ts";
export type {
  Maintainability,
  MaintainabilityOptions,
  MaintainabilitySample,
} from "./maintainability.ts";
export type { Bucket, SampleScore } from "./weighted.ts";
