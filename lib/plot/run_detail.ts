/**
 * One run of a comparison in detail: its summary table, accuracy spectrum and
 * failure categories, under a heading with its label, linked to its samples.
 *
 * @module
 */
import { summaryTable, tableHTML } from "../analyze/frames.ts";
import type { Run } from "../analyze/load_run.ts";
import { failureTable } from "../analyze/verdict_tables.ts";
import { sampleFilterHash } from "../record/sample_filter.ts";
import { failureModesChart } from "./failure_modes.ts";
import { incompleteBanner } from "./run_notices.ts";
import { spectrumChart } from "./spectrum.ts";

/** Options for {@link runDetailHTML}. */
export interface RunDetailOptions {
  /** The run's label in the comparison (`B`), as the sample browser knows it. @default "A" */
  label?: string;
  /** The summary's columns, in order (those the summary lacks are left out). @default model, variant, samples, generation errors, pass rate, pass fraction, weighted accuracy, buckets, latency p50s */
  columns?: readonly string[];
}

/** The summary columns shown by default (those present in `summaryTable()`). */
const COLUMNS = [
  "model",
  "variant",
  "language",
  "samples",
  "generationErrors",
  "passRate",
  "passFraction",
  "weightedAccuracy",
  "correct",
  "almost",
  "wrong",
  "ttftP50",
  "totalP50",
] as const;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * The section of a comparison report for one run: a heading (`Run B in
 * detail`, with its id), its incomplete banner if any, links to its samples
 * per model (`sampleFilterHash({ run, model })`), its summary table
 * (`summaryTable()`), its accuracy spectrum (`spectrumChart()`), and its
 * failure categories as a chart (`failureModesChart()`) and a table
 * (`failureTable()`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../analyze/load_run.ts";
 * import { runDetailHTML } from "./run_detail.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const html = runDetailHTML(run, { label: "B" });
 * assert.match(html, /Run B in detail/);
 * assert.match(html, /href="#samples\?run=B&amp;model=synthetic%3Asteady"/);
 * assert(html.includes("Accuracy spectrum") && html.includes("Failure modes per model"));
 * ```
 *
 * @param run The run.
 * @param options Its label, the summary's columns.
 * @returns The HTML.
 */
export function runDetailHTML(run: Run, options: RunDetailOptions = {}): string {
  const label = options.label ?? "A";
  const summary = summaryTable(run);
  const present = new Set(summary.columnNames());
  const columns = (options.columns ?? COLUMNS).filter((c) => present.has(c));
  const models = [...new Set(run.results.map((r) => r.model))];
  const links = models.map((model) =>
    `<a href="${esc(sampleFilterHash({ run: label, model }))}">${esc(model)}</a>`
  ).join(", ");
  const P = "font: 13px system-ui, sans-serif; color: #374151; margin: 4px 0;";
  const failures = run.results.some((r) => !r.passed)
    ? failureModesChart(run, { title: `Failure modes per model, run ${label}`, run: label }).html +
      tableHTML(failureTable(run), { caption: `Failed samples per primary category, run ${label}` })
    : `<p style="${P}">No failed samples in run ${esc(label)}.</p>`;
  return `<section class="assay-run-detail" data-run="${esc(label)}">
<h3 id="run-${
    esc(label)
  }" style="font: 600 18px system-ui, sans-serif; margin: 24px 0 4px; border-top: 2px solid #e5e7eb; padding-top: 10px;">Run ${
    esc(label)
  } in detail · ${esc(run.manifest.runId)}</h3>${incompleteBanner(run.incomplete)}
<p style="${P}">${run.results.length} judged results${
    run.unjudged.length ? `, ${run.unjudged.length} of tasks that could not be judged` : ""
  }. Its samples per model: ${links || "none"}.</p>
${
    tableHTML(summary, {
      caption:
        `Summary of run ${label} per model × variant (samples = n, failed generations included)`,
      columns,
    })
  }${spectrumChart(run, { run: label }).html}${failures}</section>`;
}
