/**
 * Runs as arquero tables, and tables as report-ready HTML.
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { Run } from "./load_run.ts";
import { sampleRows } from "../record/sample_rows.ts";
import { summarize } from "./summary.ts";
import { htmlTable, type HtmlTableOptions } from "./html_table.ts";

/** The columns of {@link samplesTable}, in order. */
const SAMPLE_COLUMNS = [
  "task",
  "model",
  "variant",
  "sample",
  "outcome",
  "passed",
  "passFraction",
  "weightedAccuracy",
  "bucket",
  "ttftMs",
  "totalMs",
  "tokensOut",
  "tokensPerSec",
  "cached",
  "synthetic",
  "casesPassed",
  "casesTotal",
  "edgeFailed",
  "coreFailed",
  "notJudged",
] as const;

/**
 * The run as an arquero table, one row per sample (columns: {@link SAMPLE_COLUMNS}); a sample
 * recorded without a verdict says why in `notJudged` (`task error: …`, `infrastructure error:
 * …`) when `run` has its `unjudged` results, as a loaded Run does.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { samplesTable, summaryTable, tableHTML, taskPassRateTable } from "./frames.ts";
 * const run = { generations: [], results: [] };
 * const samples = samplesTable(run); // summaryTable(run) and taskPassRateTable(run) aggregate it
 * assert(samples.columnNames().includes("weightedAccuracy"));
 * assert([summaryTable(run), taskPassRateTable(run)].every((t) => t.numRows() === 0));
 * assert(tableHTML(samples).includes("<th"));
 * ```
 */
export function samplesTable(
  run: Pick<Run, "generations" | "results"> & Partial<Pick<Run, "unjudged">>,
): ColumnTable {
  return aq.from(sampleRows(run), [...SAMPLE_COLUMNS]);
}

/**
 * {@link summarize} as an arquero table, one row per model × variant.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { samplesTable, summaryTable, tableHTML, taskPassRateTable } from "./frames.ts";
 * const run = { generations: [], results: [] };
 * const summary = summaryTable(run); // one row per model × variant (none here)
 * assert(summary.numRows() === 0 && samplesTable(run).numRows() === 0);
 * assert(tableHTML(summary) !== tableHTML(taskPassRateTable(run)));
 * ```
 */
export function summaryTable(run: Pick<Run, "generations" | "results">): ColumnTable {
  const rows = summarize(run);
  return rows.length ? aq.from(rows) : aq.table({ model: [], variant: [] });
}

/** What the `skipped tests` column of {@link taskPassRateTable} means: the legend to show beside it. */
export const SKIPPED_TESTS_LEGEND =
  "skipped tests: tests the importer left out of the task (jest-style it.skip, xit, it.todo); " +
  "a pass there covers only the tests that ran, not the whole file.";

/**
 * Pass rate per task (rows) × model (columns, `model · variant` when the run
 * has several variants), in first-appearance order; null where a task has no
 * result for that model. When the run's manifest records tests the importer
 * left out (`skippedTests`), a `skipped tests` column after `task` shows each
 * task's count (0 for none; legend: {@link SKIPPED_TESTS_LEGEND}). When the run mixes
 * languages, a `language` column after `task` names each task's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { taskPassRateTable } from "./frames.ts";
 * const result = (task: string, passed: boolean) => ({ task, model: "m", variant: "plain", passed });
 * const run = { results: [result("a", true), result("b", false)], manifest: { skippedTests: { a: 2 } } };
 * const t = taskPassRateTable(run as never);
 * assert.deepEqual(t.columnNames(), ["task", "skipped tests", "m"]);
 * assert.deepEqual(t.objects(), [{ task: "a", "skipped tests": 2, m: 1 }, { task: "b", "skipped tests": 0, m: 0 }]);
 * // A run that mixes languages: a language column after the task.
 * const mixed = { results: [{ ...result("a", true), language: "ts" }, { ...result("b", true), language: "py" }] };
 * assert.deepEqual(taskPassRateTable(mixed as never).array("language"), ["ts", "py"]);
 * ```
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { samplesTable, summaryTable, tableHTML, taskPassRateTable } from "./frames.ts";
 * const run = { generations: [], results: [] };
 * const byTask = taskPassRateTable(run); // columns: task, then one per model
 * assert(byTask.columnNames()[0] === "task");
 * assert([samplesTable(run), summaryTable(run)].every((t) => tableHTML(t).includes("<table")));
 * ```
 */
export function taskPassRateTable(
  run: Pick<Run, "results"> & { manifest?: { skippedTests?: Record<string, number> } },
): ColumnTable {
  const skipped = run.manifest?.skippedTests ?? {};
  const skippedColumn = Object.keys(skipped).length > 0 ? ["skipped tests"] : [];
  const variants = new Set(run.results.map((r) => r.variant));
  const label = (r: { model: string; variant: string }) =>
    variants.size > 1 ? `${r.model} · ${r.variant}` : r.model;
  const columns = [...new Set(run.results.map(label))];
  // A run that mixes languages says each task's language (a task has one).
  const languageOf = new Map(run.results.map((r) => [r.task, r.language ?? "ts"]));
  const languageColumn = new Set(languageOf.values()).size > 1 ? ["language"] : [];
  const tasks = new Map<string, Map<string, { passed: number; n: number }>>();
  for (const r of run.results) {
    let byColumn = tasks.get(r.task);
    if (!byColumn) tasks.set(r.task, byColumn = new Map());
    const cell = byColumn.get(label(r)) ?? { passed: 0, n: 0 };
    cell.n++;
    if (r.passed) cell.passed++;
    byColumn.set(label(r), cell);
  }
  const rows = [...tasks].map(([task, byColumn]) => {
    const row: Record<string, string | number | null> = { task };
    if (languageColumn.length) row.language = languageOf.get(task)!;
    if (skippedColumn.length) row["skipped tests"] = skipped[task] ?? 0;
    for (const c of columns) {
      const cell = byColumn.get(c);
      row[c] = cell ? cell.passed / cell.n : null;
    }
    return row;
  });
  return aq.from(rows, ["task", ...languageColumn, ...skippedColumn, ...columns]);
}

/** Options for {@link tableHTML}: those of `htmlTable()` (columns, caption, digits, limit, words). */
type TableHTMLOptions = Omit<HtmlTableOptions, "columns"> & { columns?: string[] };

/**
 * An arquero table as an HTML string styled for a report (inline CSS: it
 * survives nbconvert and needs no stylesheet), written by `htmlTable()`:
 * headers in words, one number format per column (rates as percentages,
 * weighted accuracy with 2 decimals, minus sign U+2212), nulls as a grey "–".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { samplesTable, summaryTable, tableHTML, taskPassRateTable } from "./frames.ts";
 * const run = { generations: [], results: [] };
 * const html = tableHTML(samplesTable(run), { limit: 20, caption: "Samples" });
 * assert(html.includes("Samples") && html.includes("<table") && html.includes(">weighted accuracy</th>"));
 * assert([summaryTable(run), taskPassRateTable(run)].every((t) => tableHTML(t).length > 0));
 * ```
 */
export function tableHTML(table: ColumnTable, options: TableHTMLOptions = {}): string {
  const columns = options.columns ?? table.columnNames();
  const rows = table.objects() as Record<string, unknown>[];
  if (rows.length > 0) return htmlTable(rows, { ...options, columns });
  // An empty table still shows its header.
  return htmlTable([Object.fromEntries(columns.map((c) => [c, null]))], { ...options, columns })
    .replace(/<tbody>.*<\/tbody>/, "<tbody></tbody>");
}
