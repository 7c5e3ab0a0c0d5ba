/**
 * assay's front door: what a notebook author needs, in the order of the workflow — a session,
 * a suite, models, `evaluate()`, the run read back, its numbers, its charts. Every other name
 * is one subpath away (deno.json `exports`): `assay/task`, `assay/record`, `assay/prompt`,
 * `assay/model`, `assay/sandbox`, `assay/score`, `assay/run`, `assay/analyze`, `assay/plot`,
 * `assay/report` (in this checkout: `lib/<area>/mod.ts`).
 *
 * Every number shown here comes from the library, never from a notebook's own formula: a
 * task's flip is `judgeFlips()`'s, a fragile prompt is `robustness()`'s, a policy verdict is
 * `judgeRun()`'s, the Pareto frontier is `paretoFrontier()`'s.
 *
 * @example Quickstart: evaluate three built-in tasks on an offline model, read the run back
 * ```ts
 * import assert from "node:assert/strict";
 * import { evaluate, loadRun, loadSuite, summarize, syntheticProvider } from "./mod.ts";
 *
 * const builtin = await loadSuite("tasks/builtin");
 * const suite = { ...builtin, tasks: builtin.tasks.slice(0, 3) };
 * const model = syntheticProvider("default", suite.tasks);
 * const runsDir = await Deno.makeTempDir();
 * const evaluation = await evaluate(suite, { models: [model], runsDir, samples: 2 });
 * await model.close();
 *
 * const run = await loadRun(evaluation.dir);
 * const [row] = summarize(run);
 * assert.equal(row.model, "synthetic:default");
 * assert.equal(row.samples, 6); // 3 tasks × 2 samples: the denominator of every rate below
 * assert.ok(row.passRate !== null && row.passRate >= 0 && row.passRate <= 1);
 * // evaluate() finishes the store: results.parquet, for polars, pandas, DuckDB and Spark.
 * assert.ok((await Deno.stat(`${evaluation.dir}/results.parquet`)).isFile);
 * await Deno.remove(runsDir, { recursive: true });
 * ```
 *
 * @module
 */

// ── 1. A session: the first cell of every notebook ───────────────────────────
export { session } from "./notebook.ts";
export type { Session, SessionOptions } from "./notebook.ts";

// ── 2. Tasks and prompts ─────────────────────────────────────────────────────
export { loadSuite, mixSuites, Suite, SuiteError, Task } from "./task/mod.ts";
export {
  PERTURBATIONS,
  plain,
  type PromptTemplate,
  REASONING_REQUEST,
  reasoningFirst,
} from "./prompt/mod.ts";

// ── 3. Models ────────────────────────────────────────────────────────────────
export { createProvider, loadPrices, type Provider, syntheticProvider } from "./model/mod.ts";

// ── 4. Evaluate: plan, generate, execute, score, record, finish the store ───
export { evaluate, type EvaluateOptions, type Evaluation, measureLoad } from "./run/mod.ts";

// ── 5. Read a run back ───────────────────────────────────────────────────────
export {
  incompleteLabel,
  listRuns,
  loadRun,
  newestRun,
  type Run,
  runGaps,
  runLabel,
} from "./analyze/mod.ts";

// ── 6. Its numbers: every metric and verdict, as the library defines it ─────
export {
  bestUnderBudget,
  comparabilityWarnings,
  compareRuns,
  costRows,
  failedSamples,
  failureCategoryRows,
  failureTable,
  flipSamples,
  groupAccuracy,
  judgeFlips,
  latencyRows,
  paretoFrontier,
  percentile,
  policyTable,
  priceRows,
  robustness,
  stabilityTable,
  summarize,
  summaryTable,
  taskPassRateTable,
  verdictAgreement,
} from "./analyze/mod.ts";
export {
  judgeRun,
  passAtK,
  POLICIES,
  resolvePolicy,
  stabilityByTask,
  summarizeStability,
} from "./score/mod.ts";

// ── 7. Its charts and tables (text/html in Jupyter) ──────────────────────────
export {
  comparabilityHTML,
  comparisonChart,
  consistencyChart,
  coreEdgeChart,
  failureModesChart,
  flipsHTML,
  groupAccuracyChart,
  latencyAccuracyChart,
  latencyDistributionChart,
  loadCurveChart,
  paretoChart,
  passAtKChart,
  robustnessChart,
  rowsHTML,
  show,
  spectrumChart,
  taskHeatmapChart,
  weightedVsPassChart,
} from "./plot/mod.ts";
export { tableHTML } from "./analyze/mod.ts";
export { sampleBrowser } from "./report/mod.ts";

// ── 8. Errors a caller may catch (a failing program is data, never thrown) ────
export { IncompleteRunError } from "./analyze/mod.ts";
export { ProviderError } from "./model/mod.ts";
export { RunInterrupted } from "./run/mod.ts";
export { SandboxUnavailableError } from "./sandbox/mod.ts";
