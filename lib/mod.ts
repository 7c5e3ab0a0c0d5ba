/**
 * assay's front door: notebooks and scripts import from here only.
 * One group per area; add a group for a new area rather than a wildcard export.
 *
 * @module
 */

// ── Tasks: the zod contract and the folder-suite loader ─────────────────────
export {
  AnswerKind,
  Dependencies,
  Language,
  PythonPackages,
  Suite,
  Task,
  taskDependencies,
  TaskFile,
  taskPythonPackages,
  TestCase,
} from "./task/schema.ts";
export { CaseKind } from "./record/case_verdict.ts";
export {
  formatFileBundle,
  overlayTree,
  parseFileBundle,
  RESERVED_TREE_PATHS,
  treePathProblem,
} from "./task/tree.ts";
export { loadSuite, SuiteError } from "./task/load_suite.ts";
export { readSuiteMeta, SUITE_META_FILE, SuiteMeta } from "./task/suite_meta.ts";
export { mixSuites } from "./task/mix_suites.ts";
export type { MixSuitesOptions, SuitePart } from "./task/mix_suites.ts";
export { writeSuite } from "./task/write_suite.ts";
export type { WriteSuiteOptions, WrittenSuite } from "./task/write_suite.ts";
export { hash32, sha256 } from "./task/hash.ts";
export { detectFormat, importSuite } from "./task/importers/detect.ts";
export type { ImportSuiteOptions, SuiteFormat } from "./task/importers/detect.ts";
export { ImportError } from "./task/importers/import_error.ts";
export { importMultiplE } from "./task/importers/multipl_e.ts";
export type { MultiplEOptions } from "./task/importers/multipl_e.ts";
export { importHumanEvalX } from "./task/importers/humaneval_x.ts";
export type { HumanEvalXOptions } from "./task/importers/humaneval_x.ts";
export { importMbxp } from "./task/importers/mbxp.ts";
export type { MbxpOptions } from "./task/importers/mbxp.ts";
export { importCanAiCode } from "./task/importers/can_ai_code.ts";
export type { CanAiCodeOptions } from "./task/importers/can_ai_code.ts";
export { convertTestFile } from "./task/importers/jest.ts";
export type { ConvertTestFileOptions, TestFileConversion } from "./task/importers/jest.ts";
export { importTestFile } from "./task/importers/test_file.ts";
export type { TestFileOptions } from "./task/importers/test_file.ts";

// ── Prompts: templates turn a task into chat messages ────────────────────────
export {
  codeOnly,
  fewShot,
  FILES_ANSWER_FORMAT,
  plain,
  REASONING_REQUEST,
  reasoningFirst,
  templateByName,
  TEMPLATES,
} from "./prompt/templates.ts";
export type { ChatMessage, PromptTemplate } from "./prompt/templates.ts";

// ── Models: one Provider shape; openai (any compatible server) and synthetic ─
export { parseModelSpec, PROVIDERS, REASONING_EFFORTS } from "./model/provider.ts";
export { PRESETS, resolvePreset } from "./model/presets.ts";
export type { Preset } from "./model/presets.ts";
export type {
  GenerateRequest,
  Generation,
  GenerationParams,
  ModelSpec,
  Provider,
  ReasoningEffort,
} from "./model/provider.ts";
export { createProvider } from "./model/create.ts";
export type { CreateProviderOptions } from "./model/create.ts";
export { openaiProvider } from "./model/openai.ts";
export type { OpenAIProviderOptions } from "./model/openai.ts";
export { syntheticProvider } from "./model/synthetic.ts";
export { replayProvider } from "./model/replay.ts";
export { startSyntheticServer } from "./model/synthetic_server.ts";
export type { SyntheticServer, SyntheticServerOptions } from "./model/synthetic_server.ts";
export {
  REASONING_MUTATION_FACTOR,
  syntheticAnswer,
  syntheticFilesForm,
} from "./model/synthetic_answer.ts";
export type { SyntheticAnswer } from "./model/synthetic_answer.ts";
export { SYNTHETIC_PROFILES, syntheticProfile } from "./model/synthetic_profiles.ts";
export type { SyntheticProfile } from "./model/synthetic_profiles.ts";
export { applicableMutations, mutate, MUTATIONS } from "./model/mutate.ts";
export type { Mutant, MutationName } from "./model/mutate.ts";
export { extractCode } from "./model/extract.ts";
export { extractFiles, filesAnswerCode } from "./model/extract_files.ts";
export type { FilesContext, FilesExtraction } from "./model/extract_files.ts";
export { applyHunks, parseUnifiedDiff } from "./model/apply_diff.ts";
export type { ApplyOptions, ApplyResult, FilePatch, Hunk, HunkLine } from "./model/apply_diff.ts";
export { diffLines, unifiedDiff } from "./model/line_diff.ts";
export type { LineEdit, UnifiedDiffOptions } from "./model/line_diff.ts";

// ── Sandbox: run generated code with no permissions, inside bubblewrap ──────
export { runSample } from "./sandbox/deno.ts";
export type { RunSampleOptions } from "./sandbox/deno.ts";
export { bwrapAvailable } from "./sandbox/isolate.ts";
export type { Isolation, SandboxJob, SandboxLimits, SandboxResult } from "./sandbox/sandbox.ts";
export { createPool } from "./sandbox/pool.ts";
export { strictReason } from "./sandbox/pool_route.ts";
export type { PoolOptions, PoolStats, SandboxPool } from "./sandbox/pool.ts";
export { moduleGraphEscape } from "./sandbox/module_graph.ts";
export { resolveDependencies } from "./sandbox/dep_store.ts";
export { StoreRecord } from "./record/dependency_store.ts";
export type { DependencyStore, DepStoreOptions } from "./sandbox/dep_store.ts";
export { debianPackage, locatePythonPackage } from "./sandbox/python_packages.ts";

// ── Scores: accuracy as a spectrum ───────────────────────────────────────────
export { ALMOST_CORE_FAILURE_SHARE, scoreSample, weightedAccuracy } from "./score/weighted.ts";
export { passAtK, passHatK } from "./score/pass_at_k.ts";
export { stabilityByTask, summarizeStability } from "./score/stability.ts";
export type { StabilitySummary, TaskStability } from "./score/stability.ts";
export { judgeRun, POLICIES, Policy, resolvePolicy } from "./score/policy.ts";
export type { PolicyVerdict, ThresholdCheck } from "./score/policy.ts";
export { junitXml } from "./score/junit.ts";
export { classifyFailure, importedPackages } from "./score/taxonomy.ts";
export {
  Evidence,
  EvidenceLabel,
  FailureCategory,
  FailureClassification,
} from "./record/failure.ts";
export { localPackageNames, packageCheck } from "./score/package_check.ts";
export type { PackageCheck, PackageVerdict } from "./score/package_check.ts";
export { pythonPackageCheck } from "./score/python_package_check.ts";
export type { ClassifyOptions, FailureInput } from "./score/taxonomy.ts";
export { typecheckBatch } from "./score/typecheck.ts";
export { Diagnostic } from "./record/diagnostic.ts";
export { codeMetrics } from "./score/code_metrics.ts";
export type { CodeMetrics, CodeMetricsOptions } from "./score/code_metrics.ts";
export { lintBatch } from "./score/lint_batch.ts";
export type { LintBatchOptions, LintFinding, LintSample } from "./score/lint_batch.ts";
export { maintainability } from "./score/maintainability.ts";
export type {
  Maintainability,
  MaintainabilityOptions,
  MaintainabilitySample,
} from "./score/maintainability.ts";
export type { Bucket, SampleScore } from "./score/weighted.ts";

// ── Runs: evaluate, and the run store's records ──────────────────────────────
export { dependenciesRecord, runDependencies } from "./run/dependency_stores.ts";
export type { RunDependencies } from "./run/dependency_stores.ts";
export { pythonPackagesProblem } from "./run/python_packages_check.ts";
export { referenceJob, referenceTimeouts } from "./run/reference_timeouts.ts";
export type { ReferenceTimeout, ReferenceTimeoutOptions } from "./run/reference_timeouts.ts";
export { evaluate } from "./run/evaluate.ts";
export { measureLoad } from "./run/measure_load.ts";
export type { LoadLevel, LoadOptions } from "./run/measure_load.ts";
export type { CacheMode, EvaluateOptions, Evaluation, Executor } from "./run/evaluate.ts";
export {
  createRun,
  findResumable,
  newRunId,
  readRecords,
  reopenRun,
  RUN_FILES,
} from "./run/store.ts";
export { writeParquet } from "./run/parquet.ts";
export { CaseVerdict } from "./record/case_verdict.ts";
export { GenerationRecord } from "./record/generation.ts";
export { FORMAT_VERSION, Manifest } from "./record/manifest.ts";
export { Outcome } from "./record/outcome.ts";
export { ResultRecord } from "./record/result.ts";
export { SampleKey, sampleKey } from "./record/sample_key.ts";

// ── Analysis: read a run store folder, summarise it, tabulate it ─────────────
export { incompleteLabel, type Incompleteness, loadRun } from "./analyze/load_run.ts";
export { listRuns, newestRun, type RunEntry } from "./analyze/find_runs.ts";
export { type RunGaps, runGaps } from "./analyze/run_gaps.ts";
export type { Run } from "./analyze/load_run.ts";
export { percentile, summarize } from "./analyze/summary.ts";
export type { SummaryRow } from "./analyze/summary.ts";
export { formatUsd, groupCost, runCost, runPricing, sampleCost } from "./analyze/cost.ts";
export type { CostFields, RunCost } from "./analyze/cost.ts";
export { costCell, costRows, priceRows } from "./analyze/cost_rows.ts";
export { BUILTIN_PRICES, loadPrices, priceOf, PricesError } from "./model/prices.ts";
export type { PriceTable } from "./model/prices.ts";
export { ModelPrice, PriceFile } from "./record/run_prices.ts";
export { samplesTable, summaryTable, tableHTML, taskPassRateTable } from "./analyze/frames.ts";
export { SKIPPED_TESTS_LEGEND } from "./analyze/frames.ts";
export { sampleRows } from "./record/sample_rows.ts";
export { failureTable, policyTable, stabilityTable } from "./analyze/verdict_tables.ts";
export { cutAtWord, formatFixed, formatPercent, MINUS } from "./analyze/number_format.ts";
export { columnLabel, metricLabel } from "./analyze/column_label.ts";
export { formatMetric, thresholdRows } from "./analyze/threshold_rows.ts";
export { compareRuns } from "./analyze/compare.ts";
export type { CompareOptions, ComparisonRow, Flip } from "./analyze/compare.ts";
export { runDifferenceRows, runLabel, runsSideBySide } from "./analyze/runs_side_by_side.ts";
export type { RunDifferenceOptions, SideBySideOptions } from "./analyze/runs_side_by_side.ts";
export { comparabilityWarnings, COMPARED_ASPECTS } from "./analyze/comparability.ts";
export type {
  ComparabilityOptions,
  ComparabilityWarning,
  ComparedRun,
} from "./analyze/comparability.ts";
export { DEFAULT_FLIP_RULE, flipRuleText, judgeFlips } from "./analyze/flips.ts";
export type {
  FlipGroup,
  FlipRule,
  JudgedFlip,
  JudgedFlips,
  UnjudgedPair,
} from "./analyze/flips.ts";
export { flipSamples } from "./analyze/flip_samples.ts";
export type { ChangedCase, FlipSamples, FlipSide } from "./analyze/flip_samples.ts";
export {
  failedSamples,
  FAILURE_LABELS,
  FAILURE_MEANINGS,
  failureCategoryRows,
  secondaryLabelRows,
} from "./analyze/failure_modes.ts";
export type { FailedSample, FailingCase, FailureLabel } from "./analyze/failure_modes.ts";
export { verdictAgreement } from "./analyze/verdict_agreement.ts";
export type {
  AgreementRow,
  VerdictAgreement,
  VerdictAgreementOptions,
  VerdictDifference,
} from "./analyze/verdict_agreement.ts";
export { bestUnderBudget, paretoFrontier } from "./analyze/pareto.ts";
export type { TradeoffPoint } from "./analyze/pareto.ts";
export type { SampleRow } from "./record/sample_rows.ts";
export { bootstrapMean } from "./analyze/bootstrap.ts";
export type { BootstrapOptions } from "./analyze/bootstrap.ts";
export {
  MAINTAINABILITY_METRICS,
  maintainabilityRows,
  maintainabilityTable,
} from "./analyze/maintainability_table.ts";
export type {
  MaintainabilityRow,
  MaintainabilityTableOptions,
} from "./analyze/maintainability_table.ts";
export { robustness, robustnessTable, splitVariant } from "./analyze/robustness.ts";
export type { RobustnessAnalysisOptions, RobustnessResult } from "./analyze/robustness.ts";
export { GROUPED_SUMMARY_COLUMNS, groupedSummaryTable } from "./analyze/grouped_summary.ts";

// ── Polars views (large runs, Parquet; polars is loaded on first call) ──────
export {
  casesFrame,
  generationsFrame,
  polars,
  samplesFrame,
  summaryAcrossRuns,
  summaryFrame,
} from "./analyze/polars_frames.ts";
export type { DataFrame, Polars, SamplesFrameOptions } from "./analyze/polars_frames.ts";
export { SAMPLE_ROW_DTYPES } from "./record/sample_rows.ts";

// ── Plots: charts displayed as text/html (Observable Plot + linkedom) ────────
export { chart, JUPYTER_DISPLAY } from "./plot/chart.ts";
export { show } from "./plot/show.ts";
export type { Chart } from "./plot/chart.ts";
export { MODEL_PALETTE, modelColor, modelColorScale } from "./plot/model_colors.ts";
export { BUCKET_COLORS, BUCKETS, spectrumChart } from "./plot/spectrum.ts";
export { latencyAccuracyChart } from "./plot/latency_accuracy.ts";
export { coreEdgeChart } from "./plot/core_edge.ts";
export { weightedVsPassChart } from "./plot/weighted_vs_pass.ts";
export { groupAccuracyChart } from "./plot/group_accuracy.ts";
export type { GroupAccuracyOptions } from "./plot/group_accuracy.ts";
export { latencyDistributionChart } from "./plot/latency_distribution.ts";
export type { LatencyDistributionOptions, LatencyMetric } from "./plot/latency_distribution.ts";
export { paretoChart } from "./plot/pareto.ts";
export type { ParetoChartOptions } from "./plot/pareto.ts";
export { loadCurveChart } from "./plot/load_curve.ts";
export type { LoadCurveOptions, LoadCurveRow } from "./plot/load_curve.ts";
export { passAtKChart } from "./plot/pass_at_k.ts";
export type { PassAtKChartOptions } from "./plot/pass_at_k.ts";
export { consistencyChart } from "./plot/consistency.ts";
export type { ConsistencyChartOptions } from "./plot/consistency.ts";
export { comparisonChart } from "./plot/comparison.ts";
export type { ComparisonChartOptions } from "./plot/comparison.ts";
export { FAILURE_COLORS, failureModesChart } from "./plot/failure_modes.ts";
export type { FailureModesChartOptions } from "./plot/failure_modes.ts";
export { robustnessChart, robustnessRows } from "./plot/robustness.ts";
export type { RobustnessOptions, RobustnessRow } from "./plot/robustness.ts";
export { liveProgress, progressHTML } from "./plot/live_progress.ts";
export type { LiveProgress, LiveProgressOptions, ProgressState } from "./plot/live_progress.ts";
export { rowsHTML } from "./plot/rows_table.ts";
export type { RowsHTMLOptions } from "./plot/rows_table.ts";
export { taskHeatmapCells, taskHeatmapChart } from "./plot/task_heatmap.ts";
export type { HeatmapCell, TaskHeatmapOptions, TaskOrder } from "./plot/task_heatmap.ts";
export { CLICK_HINT, sampleHref } from "./plot/sample_links.ts";
export type { SampleLinkOptions } from "./plot/sample_links.ts";
export { publishedPath, publishedText } from "./plot/published_path.ts";
export { syntheticBanner } from "./plot/synthetic_banner.ts";
export { gapsHTML, incompleteBanner } from "./plot/run_notices.ts";
export { comparabilityHTML } from "./plot/comparability_box.ts";
export { codeDiffHTML } from "./plot/code_diff.ts";
export type { CodeDiffOptions } from "./plot/code_diff.ts";
export { flipsHTML } from "./plot/flip_details.ts";
export type { FlipsHTMLOptions } from "./plot/flip_details.ts";
export { runDetailHTML } from "./plot/run_detail.ts";
export type { RunDetailOptions } from "./plot/run_detail.ts";

// ── Reports: execute notebooks headlessly, export HTML ───────────────────────
export { ensureKernelSpec, findJupyter } from "./report/kernel.ts";
export { defaultReportPath, executeNotebook, renderReport } from "./report/render.ts";
export { parseReportArgs, resolveRunDirs, RunArgumentError } from "./report/report_args.ts";
export type { ReportArgs } from "./report/report_args.ts";
export type { ExecuteNotebookOptions, RenderReportOptions } from "./report/render.ts";
export { executeAllNotebooks, listNotebooks } from "./report/execute_notebooks.ts";
export { sampleBrowser } from "./report/sample_browser.ts";
export type { SampleBrowserOptions } from "./report/sample_browser.ts";
export { parseSampleFilterHash, sampleFilterHash } from "./record/sample_filter.ts";
export type { SampleFilter } from "./record/sample_filter.ts";
export type { ExecuteAllNotebooksOptions } from "./report/execute_notebooks.ts";

// ── Notebooks: a session is every notebook's first cell ──────────────────────
export { session } from "./notebook.ts";
export type {
  Session,
  SessionEvaluateOptions,
  SessionEvaluation,
  SessionOptions,
  SettingRow,
} from "./notebook.ts";
