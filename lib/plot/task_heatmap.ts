/**
 * Pass rate per task × model as a heatmap: which tasks are hard for every
 * model, and where the models disagree.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Run } from "../analyze/load_run.ts";
import { formatPercent } from "../analyze/number_format.ts";
import { type Chart, chart } from "./chart.ts";
import { modelScale } from "./model_scale.ts";
import { CLICK_HINT, sampleHref, type SampleLinkOptions } from "./sample_links.ts";

/** How {@link taskHeatmapChart} orders its rows. */
export type TaskOrder = "difficulty" | "disagreement";

/** Options for {@link taskHeatmapChart} and {@link taskHeatmapCells}. */
export interface TaskHeatmapOptions extends SampleLinkOptions {
  /**
   * Row order: `difficulty` (lowest mean pass rate over the columns first) or
   * `disagreement` (largest gap between the best and the worst column first).
   * Ties go to the other key, then the task id; tasks that could not be judged
   * come last. @default "difficulty"
   */
  order?: TaskOrder;
  /** The title. @default "Pass rate per task" */
  title?: string;
  /**
   * The most rows drawn (the first in {@link TaskHeatmapOptions.order}); a caption says how many
   * tasks were left out. @default 150
   */
  limit?: number;
}

/** One cell: the samples of one task for one model (× variant). */
export interface HeatmapCell {
  task: string;
  /** The task's language (`ts` for records written before Python tasks). */
  language: string;
  /** The row's label: the task id, with ` [py]` when the run mixes languages. */
  row: string;
  /** The column's label: the model, with ` · variant` when the run has several. */
  column: string;
  model: string;
  variant: string;
  /** Samples that passed every case. */
  passed: number;
  /** Samples recorded (judged, failed generations included). */
  n: number;
  /** passed / n, 0 to 1; null for a task that could not be judged. */
  rate: number | null;
  /** Why the task could not be judged (its samples are left out of every score); absent when it could. */
  taskError?: string;
}

type Records = {
  manifest: Pick<Run["manifest"], "models">;
  results: readonly Run["results"][number][];
  unjudged?: readonly Run["results"][number][];
};

/** The language names in the order a mixed run lists them. */
const LANGUAGE_RANK = ["ts", "js", "py"];

/**
 * The heatmap's cells, rows in the chosen order (see {@link TaskHeatmapOptions.order}):
 * one per task × model (× variant), counting passed samples over every
 * judged sample; a task whose samples could not be judged (`taskError`) has
 * cells with `rate: null` and the error, never a rate of 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { taskHeatmapCells } from "./task_heatmap.ts";
 * const r = (task: string, model: string, passed: boolean) => ({ task, model, variant: "plain", sample: 0, passed }) as never;
 * const run = { manifest: { models: [] }, results: [r("easy", "a", true), r("easy", "b", true), r("split", "a", true), r("split", "b", false)] };
 * assert.deepEqual(taskHeatmapCells(run).map((c) => c.task), ["split", "split", "easy", "easy"]);
 * assert.deepEqual(taskHeatmapCells(run)[0], { task: "split", language: "ts", row: "split", column: "a", model: "a", variant: "plain", passed: 1, n: 1, rate: 1 });
 * ```
 *
 * @param run The run's results (and unjudged results, shown as task errors).
 * @param options The row order.
 * @returns The cells, row by row, columns in the model colour order.
 */
export function taskHeatmapCells(run: Records, options: TaskHeatmapOptions = {}): HeatmapCell[] {
  const order = options.order ?? "difficulty";
  const unjudged = run.unjudged ?? [];
  const all = [...run.results, ...unjudged];
  const variants = new Set(all.map((r) => r.variant));
  const languages = new Set(all.map((r) => r.language ?? "ts"));
  const columnOf = (r: { model: string; variant: string }) =>
    variants.size > 1 ? `${r.model} · ${r.variant}` : r.model;
  const rowOf = (r: { task: string; language?: string }) =>
    languages.size > 1 ? `${r.task} [${r.language ?? "ts"}]` : r.task;
  const models = modelScale(run.manifest.models, all).domain;
  const cells = new Map<string, HeatmapCell>();
  for (
    const [r, judged] of [
      ...run.results.map((r) => [r, true] as const),
      ...unjudged.map((r) => [r, false] as const),
    ]
  ) {
    const key = JSON.stringify([r.task, r.model, r.variant]);
    const cell = cells.get(key) ?? {
      task: r.task,
      language: r.language ?? "ts",
      row: rowOf(r),
      column: columnOf(r),
      model: r.model,
      variant: r.variant,
      passed: 0,
      n: 0,
      rate: null,
    };
    cell.n++;
    if (judged) {
      if (r.passed) cell.passed++;
    } else if (cell.taskError === undefined) cell.taskError = r.taskError ?? "task error";
    cells.set(key, cell);
  }
  for (const c of cells.values()) c.rate = c.taskError === undefined ? c.passed / c.n : null;
  // Row keys: the mean pass rate over the columns (difficulty) and the spread between them.
  const rows = new Map<string, { language: string; rates: number[]; error: boolean }>();
  for (const c of cells.values()) {
    const row = rows.get(c.row) ?? { language: c.language, rates: [], error: false };
    if (c.rate === null) row.error = true;
    else row.rates.push(c.rate);
    rows.set(c.row, row);
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 1);
  const spread = (xs: number[]) => (xs.length ? Math.max(...xs) - Math.min(...xs) : 0);
  const rank = (l: string) => {
    const i = LANGUAGE_RANK.indexOf(l);
    return i < 0 ? LANGUAGE_RANK.length : i;
  };
  const sorted = [...rows].sort(([a, x], [b, y]) => {
    const byDifficulty = mean(x.rates) - mean(y.rates);
    const byDisagreement = spread(y.rates) - spread(x.rates);
    return rank(x.language) - rank(y.language) || Number(x.error) - Number(y.error) ||
      (order === "difficulty" ? byDifficulty || byDisagreement : byDisagreement || byDifficulty) ||
      a.localeCompare(b);
  }).map(([row]) => row);
  const modelRank = (m: string) => models.indexOf(m);
  return [...cells.values()].sort((a, b) =>
    sorted.indexOf(a.row) - sorted.indexOf(b.row) || modelRank(a.model) - modelRank(b.model) ||
    a.variant.localeCompare(b.variant)
  );
}

/**
 * Pass rate per task (rows) × model (columns, `model · variant` with several
 * variants) as a heatmap: each cell coloured by the share of its samples that
 * passed every case (red 0% to green 100%) and labelled "passed/n"; a task
 * that could not be judged is a grey cell marked "task error", never a 0.
 * Rows in {@link TaskHeatmapOptions.order} (hardest first by default), at
 * most {@link TaskHeatmapOptions.limit} (a caption says how many are left out); a run
 * that mixes languages has its TypeScript tasks, then its Python tasks, each
 * row named `task [py]`. Every cell links to its samples in the report's
 * sample browser (`#samples?model=…&task=…`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { taskHeatmapChart } from "./task_heatmap.ts";
 * const r = (task: string, model: string, passed: boolean) => ({ task, model, variant: "plain", sample: 0, passed }) as never;
 * const run = { manifest: { models: [] }, results: [r("sum", "a", true), r("sum", "b", false)] };
 * const c = taskHeatmapChart(run);
 * assert.match(c.html, /Pass rate per task/);
 * assert.match(c.html, /href="#samples\?model=b&amp;task=sum"/);
 * ```
 *
 * @param run The run (results; unjudged results as task errors; the manifest orders the models).
 * @param options Row order, title, links.
 * @returns The chart.
 */
export function taskHeatmapChart(
  run: Records & { manifest: Pick<Run["manifest"], "models"> },
  options: TaskHeatmapOptions = {},
): Chart {
  const order = options.order ?? "difficulty";
  const all = taskHeatmapCells(run, options);
  const allRows = [...new Set(all.map((c) => c.row))];
  const rows = allRows.slice(0, Math.max(1, options.limit ?? 150));
  const shown = new Set(rows);
  const cells = all.filter((c) => shown.has(c.row));
  const hidden = allRows.length - rows.length;
  const columns = [...new Set(cells.map((c) => c.column))];
  const judged = cells.filter((c) => c.rate !== null);
  const errors = cells.filter((c) => c.rate === null);
  const variants = new Set(cells.map((c) => c.variant));
  const languages = new Set(cells.map((c) => c.language));
  const ns = [...new Set(judged.map((c) => c.n))].sort((a, b) => a - b);
  const nText = ns.length === 1
    ? `n = ${ns[0]} samples per cell`
    : `n = ${ns[0]} to ${ns.at(-1)} samples per cell`;
  const href = (c: HeatmapCell) =>
    sampleHref(
      { model: c.model, variant: variants.size > 1 ? c.variant : undefined, task: c.task },
      options,
    );
  const tip = (c: HeatmapCell) =>
    `${c.task} · ${c.column}\n` + (c.rate === null
      ? `task error (${c.n} samples, left out of every score): ${c.taskError}`
      : `${c.passed} of ${c.n} samples passed (${formatPercent(c.rate)})`) +
    (href(c) ? `\n${CLICK_HINT}` : "");
  const longest = Math.max(8, ...rows.map((r) => r.length));
  const longestColumn = Math.max(8, ...columns.map((c) => c.length));
  const cellWidth = Math.max(90, 7 * longestColumn);
  const marginLeft = Math.min(320, 16 + 6.5 * longest);
  const sorted = order === "difficulty"
    ? "hardest first (lowest mean pass rate over the columns)"
    : "largest disagreement first (gap between the best and the worst column)";
  return chart({
    title: options.title ?? "Pass rate per task",
    subtitle:
      `Share of each task's samples that pass every case; cell text = passed/n (${nText}). ` +
      `Rows ${sorted}` +
      (languages.size > 1 ? "; TypeScript tasks first, then each other language" : "") +
      (errors.length ? `; grey = the task could not be judged (task error), not a score` : "") +
      ".",
    caption: hidden > 0
      ? `The first ${rows.length} of ${allRows.length} tasks in this order: ${hidden} more ${
        hidden === 1 ? "is" : "are"
      } not drawn.`
      : undefined,
    width: marginLeft + cellWidth * Math.max(1, columns.length) + 20,
    height: 70 + 16 * Math.max(1, rows.length),
    marginLeft,
    marginTop: 40,
    marginRight: 20,
    x: {
      domain: columns,
      axis: "top",
      label: variants.size > 1 ? "model · variant" : "model",
      tickSize: 0,
    },
    y: { domain: rows, label: languages.size > 1 ? "task [language]" : "task", tickSize: 0 },
    color: {
      // Bands of 20 points (a ramp legend needs a canvas, which server-side rendering lacks).
      type: "threshold",
      scheme: "RdYlGn",
      domain: [20, 40, 60, 80],
      legend: true,
      label: `pass rate (%), ${nText}`,
    },
    marks: cells.length === 0 ? [Plot.text(["no samples"], { frameAnchor: "middle" })] : [
      Plot.cell(judged, {
        x: "column",
        y: "row",
        fill: (c: HeatmapCell) => 100 * c.rate!,
        inset: 0.5,
        title: tip,
        href,
      }),
      Plot.cell(errors, {
        x: "column",
        y: "row",
        fill: "#d1d5db",
        inset: 0.5,
        title: tip,
        href,
      }),
      Plot.text(cells, {
        x: "column",
        y: "row",
        text: (c: HeatmapCell) => (c.rate === null ? "task error" : `${c.passed}/${c.n}`),
        fill: (
          c: HeatmapCell,
        ) => (c.rate !== null && (c.rate < 0.2 || c.rate > 0.85) ? "white" : "#111827"),
        fontSize: 10,
        pointerEvents: "none",
      }),
    ],
  });
}
