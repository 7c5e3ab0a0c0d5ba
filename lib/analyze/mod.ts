/**
 * Analysis: read a run folder back, summarise it, compare runs, robustness, Pareto
 * frontiers, costs, failure modes and every table the reports show (arquero and polars views).
 *
 * Reached as the `assay/analyze` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export { incompleteLabel, type Incompleteness, loadRun } from "./load_run.ts";
export { listRuns, newestRun, type RunEntry } from "./find_runs.ts";
export { type RunGaps, runGaps } from "./run_gaps.ts";
export type { Run } from "./load_run.ts";
export { percentile, summarize } from "./summary.ts";
export type { SummaryRow } from "./summary.ts";
export { formatUsd, groupCost, runCost, runPricing, sampleCost } from "./cost.ts";
export type { CostFields, RunCost } from "./cost.ts";
export { costCell, costRows, priceRows } from "./cost_rows.ts";
export { samplesTable, summaryTable, tableHTML, taskPassRateTable } from "./frames.ts";
export { SKIPPED_TESTS_LEGEND } from "./frames.ts";
export { failureTable, policyTable, stabilityTable } from "./verdict_tables.ts";
export { cutAtWord, formatFixed, formatPercent, MINUS } from "./number_format.ts";
export { columnLabel, metricLabel } from "./column_label.ts";
export { formatMetric, thresholdRows } from "./threshold_rows.ts";
export { compareRuns } from "./compare.ts";
export type { CompareOptions, ComparisonRow } from "./compare.ts";
export { runDifferenceRows, runLabel, runsSideBySide } from "./runs_side_by_side.ts";
export type { RunDifferenceOptions, SideBySideOptions } from "./runs_side_by_side.ts";
export { comparabilityWarnings, COMPARED_ASPECTS } from "./comparability.ts";
export type { ComparabilityOptions, ComparabilityWarning, ComparedRun } from "./comparability.ts";
export { DEFAULT_FLIP_RULE, flipRuleText, judgeFlips } from "./flips.ts";
export type { FlipGroup, FlipRule, JudgedFlip, JudgedFlips, UnjudgedPair } from "./flips.ts";
export { flipSamples } from "./flip_samples.ts";
export type { ChangedCase, FlipSamples, FlipSide } from "./flip_samples.ts";
export {
  failedSamples,
  FAILURE_LABELS,
  FAILURE_MEANINGS,
  failureCategoryRows,
  secondaryLabelRows,
} from "./failure_modes.ts";
export type { FailedSample, FailingCase, FailureLabel } from "./failure_modes.ts";
export { verdictAgreement } from "./verdict_agreement.ts";
export type {
  AgreementRow,
  VerdictAgreement,
  VerdictAgreementOptions,
  VerdictDifference,
} from "./verdict_agreement.ts";
export { bestUnderBudget, paretoFrontier } from "./pareto.ts";
export type { TradeoffPoint } from "./pareto.ts";
export { bootstrapMean } from "./bootstrap.ts";
export type { BootstrapOptions } from "./bootstrap.ts";
export {
  MAINTAINABILITY_METRICS,
  maintainabilityRows,
  maintainabilityTable,
} from "./maintainability_table.ts";
export type { MaintainabilityRow, MaintainabilityTableOptions } from "./maintainability_table.ts";
export { robustness, robustnessTable, splitVariant } from "./robustness.ts";
export type { RobustnessAnalysisOptions, RobustnessResult } from "./robustness.ts";
export { GROUPED_SUMMARY_COLUMNS, groupedSummaryTable } from "./grouped_summary.ts";
export {
  casesFrame,
  generationsFrame,
  polars,
  samplesFrame,
  summaryAcrossRuns,
  summaryFrame,
} from "./polars_frames.ts";
export type { DataFrame, Polars, SamplesFrameOptions } from "./polars_frames.ts";
export { groupAccuracy } from "./group_accuracy.ts";
export type { GroupAccuracyRow } from "./group_accuracy.ts";
export { latencyRows } from "./latency_rows.ts";
export type { LatencyRow } from "./latency_rows.ts";
export { IncompleteRunError, requireComplete } from "./incomplete_run_error.ts";
