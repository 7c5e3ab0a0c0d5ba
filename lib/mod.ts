/**
 * assay's front door: notebooks and scripts import from here only.
 * One group per area; add a group for a new area rather than a wildcard export.
 *
 * @module
 */

// ── Analysis: read a run store folder, summarise it, tabulate it ─────────────
export { loadRun } from "./analyze/load.ts";
export type { Run } from "./analyze/load.ts";
export { percentile, summarize } from "./analyze/summary.ts";
export type { SummaryRow } from "./analyze/summary.ts";
export { samplesTable, summaryTable, tableHTML, taskPassRateTable } from "./analyze/frames.ts";

// ── Plots: charts displayed as text/html (Observable Plot + linkedom) ────────
export { chart, JUPYTER_DISPLAY } from "./plot/chart.ts";
export type { Chart } from "./plot/chart.ts";
export { MODEL_PALETTE, modelColor, modelColorScale } from "./plot/model_colors.ts";
export { BUCKET_COLORS, BUCKETS, spectrumChart } from "./plot/spectrum.ts";
export { latencyAccuracyChart } from "./plot/latency_accuracy.ts";

// ── Reports: execute notebooks headlessly, export HTML ───────────────────────
export { ensureKernelSpec, findJupyter } from "./report/kernel.ts";
export { executeNotebook, renderReport } from "./report/render.ts";
export type { ExecuteNotebookOptions, RenderReportOptions } from "./report/render.ts";
