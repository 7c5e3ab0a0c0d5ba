/**
 * A run as flat rows for `./assay export --format csv|jsonl`: one row per sample, built from one
 * column list ({@link EXPORT_COLUMNS}), so a new column is one entry there.
 *
 * @module
 */
import { stringify } from "csv-stringify/sync";
import type { GenerationRecord } from "../record/generation.ts";
import type { ResultRecord } from "../record/result.ts";
import { sampleKey } from "../record/sample_key.ts";
import { type SampleRow, sampleRows } from "../record/sample_rows.ts";
import type { Run } from "./load_run.ts";
import type { ModelPrice } from "../record/run_prices.ts";
import type { PriceTable } from "../model/prices.ts";
import { runPricing, sampleCost } from "./cost.ts";

/** One exported value: text, a number, a flag, or null where the sample has none. */
export type ExportCell = string | number | boolean | null;

/** Everything a column may read of one sample. */
export interface ExportSample {
  /** The run's id. */
  runId: string;
  /** The sample's flat row (generation joined with result). */
  row: SampleRow;
  /** Its generation, if recorded. */
  generation: GenerationRecord | undefined;
  /** Its result (judged, or of a task that could not be judged), if recorded. */
  result: ResultRecord | undefined;
  /** Its model's price (USD per 1M tokens), null without one. */
  price: ModelPrice | null;
}

/** One column: its name (the CSV header and the JSONL key), what it holds, and its value. */
export interface ExportColumn {
  /** The header / key, camelCase as in `results.parquet`. */
  name: string;
  /** What the column holds (one line). */
  doc: string;
  /** The value for one sample. */
  value: (s: ExportSample) => ExportCell;
}

/** The first line of a text, or null for none. */
function firstLine(text: string | null | undefined): string | null {
  return text ? text.split("\n", 1)[0] : null;
}

/** The exported columns, in order. Add a column by adding an entry. */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { name: "runId", doc: "the run id", value: (s) => s.runId },
  { name: "task", doc: "the task id", value: (s) => s.row.task },
  {
    name: "language",
    doc: "ts, js or py (empty in records written before Python tasks)",
    value: (s) => s.row.language,
  },
  { name: "model", doc: "the model spec", value: (s) => s.row.model },
  { name: "variant", doc: "the prompt variant", value: (s) => s.row.variant },
  { name: "sample", doc: "the sample index", value: (s) => s.row.sample },
  {
    name: "outcome",
    doc: "completed, timeout, generation_error, … (empty: no result recorded)",
    value: (s) => s.row.outcome,
  },
  { name: "passed", doc: "every case passed", value: (s) => s.row.passed },
  { name: "passFraction", doc: "share of cases passed, [0, 1]", value: (s) => s.row.passFraction },
  {
    name: "weightedAccuracy",
    doc: "weighted accuracy, [-1, 1]",
    value: (s) => s.row.weightedAccuracy,
  },
  { name: "bucket", doc: "correct, almost or wrong", value: (s) => s.row.bucket },
  {
    name: "failureCategory",
    doc: "the primary failure category (empty when passed)",
    value: (s) => s.row.failureCategory,
  },
  {
    name: "evidence",
    doc: "the first line of the evidence that decided the category",
    value: (s) => firstLine(s.result?.failure?.evidence[0]?.text),
  },
  { name: "casesPassed", doc: "cases that passed", value: (s) => s.row.casesPassed },
  { name: "casesTotal", doc: "cases run (the denominator)", value: (s) => s.row.casesTotal },
  { name: "ttftMs", doc: "time to first token, ms", value: (s) => s.row.ttftMs },
  { name: "totalMs", doc: "total generation time, ms", value: (s) => s.row.totalMs },
  { name: "tokensIn", doc: "prompt tokens", value: (s) => s.row.tokensIn },
  { name: "tokensOut", doc: "completion tokens", value: (s) => s.row.tokensOut },
  {
    name: "costUsd",
    doc: "USD the request spent: tokens × its model's price (0: a cache hit or a free model; " +
      "empty: no price, or no token counts)",
    value: (s) => s.generation ? sampleCost(s.generation, s.price) : null,
  },
  {
    name: "cached",
    doc: "served from the cache (its latency is the original's)",
    value: (s) => s.row.cached,
  },
  {
    name: "generationError",
    doc: "why the request failed (empty when it did not)",
    value: (s) => s.row.generationError,
  },
  {
    name: "taskError",
    doc: "why the task could not be judged (such a sample is left out of every score)",
    value: (s) => s.result?.taskError ?? null,
  },
  { name: "answer", doc: "the raw completion text", value: (s) => s.generation?.text ?? null },
  {
    name: "code",
    doc: "the code extracted from the answer (empty: nothing extractable)",
    value: (s) => s.generation?.code ?? null,
  },
];

/**
 * One row per sample of a run (judged samples and those of tasks that could not be judged), in
 * generation order, keyed by the columns' names.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load_run.ts";
 * import { exportRows } from "./export_rows.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const rows = exportRows(run);
 * assert.equal(rows.length, 12);
 * assert.equal(rows[0].runId, "run-tiny");
 * assert.equal(rows[0].code, "export function clamp() {}");
 * ```
 *
 * @param run The run, loaded.
 * @param options `columns`: the columns; `prices`: a price table over the prices the run
 * recorded. @default EXPORT_COLUMNS, the run's own prices (else the built-in table)
 */
export function exportRows(
  run: Pick<Run, "manifest" | "generations" | "results" | "unjudged">,
  options: { columns?: readonly ExportColumn[]; prices?: PriceTable } = {},
): Record<string, ExportCell>[] {
  const columns = options.columns ?? EXPORT_COLUMNS;
  const priceOf = runPricing(run, options.prices);
  const results = [...run.results, ...run.unjudged];
  const generationOf = new Map(run.generations.map((g) => [sampleKey(g), g]));
  const resultOf = new Map(results.map((r) => [sampleKey(r), r]));
  return sampleRows({ generations: run.generations, results }).map((row) => {
    const sample: ExportSample = {
      runId: run.manifest.runId,
      row,
      generation: generationOf.get(sampleKey(row)),
      result: resultOf.get(sampleKey(row)),
      price: priceOf(row.model),
    };
    return Object.fromEntries(columns.map((c) => [c.name, c.value(sample)]));
  });
}

/**
 * Rows as CSV (RFC 4180: a header line, fields with commas, quotes or line breaks quoted; null
 * as an empty field, an empty string as `""`; flags as true/false).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { csvText } from "./export_rows.ts";
 * assert.equal(csvText([{ a: "x,y", b: true, c: null, d: "" }], ["a", "b", "c", "d"]), 'a,b,c,d\n"x,y",true,,""\n');
 * assert.equal(csvText([{ a: "one\ntwo" }], ["a"]), 'a\n"one\ntwo"\n');
 * ```
 *
 * @param rows The rows.
 * @param names The columns, in order. @default the names of EXPORT_COLUMNS
 */
export function csvText(
  rows: readonly Record<string, ExportCell>[],
  names: readonly string[] = EXPORT_COLUMNS.map((c) => c.name),
): string {
  return stringify(rows as Record<string, ExportCell>[], {
    header: true,
    columns: [...names],
    cast: {
      boolean: (v: boolean) => (v ? "true" : "false"),
      // "" (an empty answer) and an empty field (null: none recorded) stay apart.
      string: (v: string) => (v === "" ? { value: "", quoted_empty: true } : v),
    },
  });
}

/**
 * Rows as JSON Lines: one object per line, keys in column order, null kept.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jsonlText } from "./export_rows.ts";
 * assert.equal(jsonlText([{ a: 1, b: null }, { a: 2, b: "x" }]), '{"a":1,"b":null}\n{"a":2,"b":"x"}\n');
 * ```
 */
export function jsonlText(rows: readonly Record<string, ExportCell>[]): string {
  return rows.map((r) => JSON.stringify(r) + "\n").join("");
}
