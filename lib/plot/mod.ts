/**
 * Charts and HTML pieces, displayed as text/html in notebooks (Observable Plot + linkedom):
 * the spectrum, latency, Pareto, robustness, stability, failure modes, comparisons and more.
 *
 * Reached as the `assay/plot` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export { chart, JUPYTER_DISPLAY } from "./chart.ts";
export { show } from "./show.ts";
export type { Chart } from "./chart.ts";
export { MODEL_PALETTE, modelColor, modelColorScale } from "./model_colors.ts";
export { BUCKET_COLORS, BUCKETS, spectrumChart } from "./spectrum.ts";
export { latencyAccuracyChart } from "./latency_accuracy.ts";
export { coreEdgeChart } from "./core_edge.ts";
export { weightedVsPassChart } from "./weighted_vs_pass.ts";
export { groupAccuracyChart } from "./group_accuracy.ts";
export type { GroupAccuracyOptions } from "./group_accuracy.ts";
export { latencyDistributionChart } from "./latency_distribution.ts";
export type { LatencyDistributionOptions, LatencyMetric } from "./latency_distribution.ts";
export { paretoChart } from "./pareto.ts";
export type { ParetoChartOptions } from "./pareto.ts";
export { loadCurveChart } from "./load_curve.ts";
export type { LoadCurveOptions, LoadCurveRow } from "./load_curve.ts";
export { passAtKChart } from "./pass_at_k.ts";
export type { PassAtKChartOptions } from "./pass_at_k.ts";
export { consistencyChart } from "./consistency.ts";
export type { ConsistencyChartOptions } from "./consistency.ts";
export { comparisonChart } from "./comparison.ts";
export type { ComparisonChartOptions } from "./comparison.ts";
export { FAILURE_COLORS, failureModesChart } from "./failure_modes.ts";
export type { FailureModesChartOptions } from "./failure_modes.ts";
export { robustnessChart } from "./robustness.ts";
export type { RobustnessOptions } from "./robustness.ts";
export { liveProgress, progressHTML } from "./live_progress.ts";
export type { LiveProgress, LiveProgressOptions, ProgressState } from "./live_progress.ts";
export { rowsHTML } from "./rows_table.ts";
export type { RowsHTMLOptions } from "./rows_table.ts";
export { taskHeatmapCells, taskHeatmapChart } from "./task_heatmap.ts";
export type { HeatmapCell, TaskHeatmapOptions, TaskOrder } from "./task_heatmap.ts";
export { CLICK_HINT, sampleHref } from "./sample_links.ts";
export type { SampleLinkOptions } from "./sample_links.ts";
export { publishedPath, publishedText } from "./published_path.ts";
export { syntheticBanner } from "./synthetic_banner.ts";
export { gapsHTML, incompleteBanner } from "./run_notices.ts";
export { comparabilityHTML } from "./comparability_box.ts";
export { codeDiffHTML } from "./code_diff.ts";
export type { CodeDiffOptions } from "./code_diff.ts";
export { flipsHTML } from "./flip_details.ts";
export type { FlipsHTMLOptions } from "./flip_details.ts";
export { runDetailHTML } from "./run_detail.ts";
export type { RunDetailOptions } from "./run_detail.ts";
