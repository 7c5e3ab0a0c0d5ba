/**
 * A run as nodejs-polars DataFrames — samples, cases, generations — the grouped summary
 * (model × variant × category) and a cross-run comparison.
 *
 * When to use which:
 *
 * - **arquero** (`samplesTable`, `summaryTable`, `groupedSummaryTable`…): notebooks, reports and
 *   runs up to ~100k samples. Plain JavaScript, no permissions, loads in milliseconds, feeds
 *   Observable Plot directly (`table.objects()`), prints HTML with `tableHTML`.
 * - **polars** (this module): large runs (≥ ~100k rows, many runs at once), Parquet in and out
 *   (`results.parquet` is readable with `pl.readParquet`), and when grouping speed matters:
 *   `./assay bench summaries` measures the grouped summary on 10k/100k/1M rows with both.
 *   Costs: a native library (~100 MB) loaded on first use (~0.3 s), and permissions —
 *   `--allow-ffi --allow-read --allow-sys=cpus,networkInterfaces,hostname` (its native code
 *   ignores Deno's permissions, so it is never loaded inside the sandbox).
 *
 * polars is imported lazily (the first call of a function here loads it), so importing
 * `lib/mod.ts` never needs FFI; every function is therefore async.
 *
 * @module
 */
import type pl from "nodejs-polars";
import type { GenerationRecord } from "../record/generation.ts";
import type { ResultRecord } from "../record/result.ts";
import type { Run } from "./load_run.ts";
import { type DtypeName, SAMPLE_ROW_DTYPES, sampleRows } from "../record/sample_rows.ts";

import { GROUPED_SUMMARY_COLUMNS } from "./grouped_summary.ts";

/** The nodejs-polars module (its default export). */
export type Polars = typeof pl;
/** A nodejs-polars DataFrame. */
export type DataFrame = pl.DataFrame;

let loaded: Promise<Polars> | undefined;

/**
 * The nodejs-polars module, imported on first use (it needs `--allow-ffi`, `--allow-read` and
 * `--allow-sys`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { polars } from "./polars_frames.ts";
 * const pl = await polars();
 * assert.equal(pl.DataFrame({ a: [1, 2] }).height, 2);
 * ```
 *
 * @returns The module.
 */
export function polars(): Promise<Polars> {
  loaded ??= import("nodejs-polars").then((m) => m.default);
  return loaded;
}

/** Build a DataFrame from rows with explicit column types. */
function frame<T>(p: Polars, rows: readonly T[], dtypes: Record<string, DtypeName>): DataFrame {
  return p.DataFrame(
    Object.entries(dtypes).map(([name, dtype]) =>
      p.Series(name, rows.map((r) => (r as Record<string, unknown>)[name] ?? null), p[dtype])
    ),
  );
}

/** Options for {@link samplesFrame} and {@link summaryFrame}. */
export interface SamplesFrameOptions {
  /** The category of a task (e.g. its first tag, from the suite); null for none. @default every task is "all" */
  categoryOf?: (task: string) => string | null | undefined;
}

type Records = {
  generations: readonly GenerationRecord[];
  results: readonly ResultRecord[];
  /** Results recorded without a verdict (a full {@link Run} has them): their reason fills `notJudged`. */
  unjudged?: readonly ResultRecord[];
};

/**
 * One row per sample (the columns of `sampleRows()`, typed as in `results.parquet`) plus
 * `category`. Given a full {@link Run}, a sample recorded without a verdict (a task or
 * infrastructure error) says why in `notJudged`, as in `results.parquet`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load_run.ts";
 * import { samplesFrame } from "./polars_frames.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const df = await samplesFrame(run, { categoryOf: (task) => task === "clamp" ? "numbers" : "strings" });
 * assert.equal(df.height, 12);
 * assert.equal(df.getColumn("category").toArray().filter((c) => c === "numbers").length, 4);
 * ```
 *
 * @param run The run's generations, results and (optionally) unjudged results.
 * @param options The task categories.
 * @returns The DataFrame.
 */
export async function samplesFrame(
  run: Records,
  options: SamplesFrameOptions = {},
): Promise<DataFrame> {
  const p = await polars();
  const categoryOf = options.categoryOf ?? (() => "all");
  const rows = sampleRows(run)
    .map((r) => ({ ...r, category: categoryOf(r.task) ?? null }));
  return frame(p, rows, { ...SAMPLE_ROW_DTYPES, category: "Utf8" });
}

/**
 * One row per test case verdict: task, model, variant, sample, `case` (its name), kind, status,
 * message, ms.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load_run.ts";
 * import { casesFrame } from "./polars_frames.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const df = await casesFrame(run);
 * assert.deepEqual(df.columns.slice(4, 7), ["case", "kind", "status"]);
 * assert.equal(df.height, run.results.reduce((n, r) => n + r.cases.length, 0));
 * ```
 *
 * @param run The run's results.
 * @returns The DataFrame.
 */
export async function casesFrame(run: Pick<Run, "results">): Promise<DataFrame> {
  const p = await polars();
  const rows = run.results.flatMap((r) =>
    r.cases.map((c) => ({
      task: r.task,
      model: r.model,
      variant: r.variant,
      sample: r.sample,
      case: c.name,
      kind: c.kind,
      status: c.status,
      message: c.message,
      ms: c.ms,
    }))
  );
  return frame(p, rows, {
    task: "Utf8",
    model: "Utf8",
    variant: "Utf8",
    sample: "Int32",
    case: "Utf8",
    kind: "Utf8",
    status: "Utf8",
    message: "Utf8",
    ms: "Float64",
  });
}

/** The columns of {@link generationsFrame} and their types. */
const GENERATION_DTYPES: Record<string, DtypeName> = {
  task: "Utf8",
  model: "Utf8",
  variant: "Utf8",
  sample: "Int32",
  synthetic: "Bool",
  startedAt: "Utf8",
  hasCode: "Bool",
  ttftMs: "Float64",
  totalMs: "Float64",
  tokensIn: "Float64",
  tokensOut: "Float64",
  tokensEstimated: "Bool",
  tokensPerSec: "Float64",
  queueMs: "Float64",
  retryMs: "Float64",
  retries: "Int32",
  cached: "Bool",
  error: "Utf8",
  mutations: "Utf8",
  gapP50Ms: "Float64",
  gapMaxMs: "Float64",
  reasoningTokens: "Float64",
};

/**
 * One row per generation: the record's timing and token fields, `hasCode` instead of the text and
 * code (read those from the records), `mutations` joined with ",".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load_run.ts";
 * import { generationsFrame } from "./polars_frames.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const df = await generationsFrame(run);
 * assert.equal(df.height, run.generations.length);
 * assert(df.columns.includes("ttftMs") && !df.columns.includes("text"));
 * ```
 *
 * @param run The run's generations.
 * @returns The DataFrame.
 */
export async function generationsFrame(run: Pick<Run, "generations">): Promise<DataFrame> {
  const p = await polars();
  const rows = run.generations.map((g) => ({
    ...g,
    hasCode: g.code !== null,
    mutations: g.mutations.join(","),
  }));
  return frame(p, rows, GENERATION_DTYPES);
}

/**
 * The grouped summary in polars: one row per model × variant × category, sorted by those, with
 * the columns and definitions of `groupedSummaryTable()` (arquero): `samples` (rows with a
 * result), `passRate`, `weightedAccuracy`, and `ttftP50`/`ttftP95`/`totalP50`/`totalP95` over
 * generations neither cached nor failed (linear interpolation, as `percentile()`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load_run.ts";
 * import { samplesFrame, summaryFrame } from "./polars_frames.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const summary = await summaryFrame(await samplesFrame(run));
 * assert.deepEqual(summary.getColumn("model").toArray(), ["synthetic:sloppy", "synthetic:steady"]);
 * assert.deepEqual(summary.columns.slice(3, 6), ["samples", "passRate", "weightedAccuracy"]);
 * ```
 *
 * @param samples A {@link samplesFrame} (or any frame with its columns used here).
 * @returns The summary.
 */
export async function summaryFrame(samples: DataFrame): Promise<DataFrame> {
  const p = await polars();
  const timed = p.col("cached").eq(p.lit(false)).and(p.col("generationError").isNull());
  const result = p.col("passed").isNotNull();
  return samples.lazy()
    .groupBy(["model", "variant", "category"])
    .agg(
      result.cast(p.Int32).sum().alias("samples"),
      p.col("passed").cast(p.Float64).mean().alias("passRate"),
      p.col("weightedAccuracy").filter(result).mean().alias("weightedAccuracy"),
      p.col("ttftMs").filter(timed).quantile(0.5, "linear").alias("ttftP50"),
      p.col("ttftMs").filter(timed).quantile(0.95, "linear").alias("ttftP95"),
      p.col("totalMs").filter(timed).quantile(0.5, "linear").alias("totalP50"),
      p.col("totalMs").filter(timed).quantile(0.95, "linear").alias("totalP95"),
    )
    .sort(["model", "variant", "category"])
    .select(...GROUPED_SUMMARY_COLUMNS)
    .collectSync();
}

/**
 * Compare runs: the {@link summaryFrame} of each run, stacked, with a leading `run` column (the
 * key given), sorted by model, variant, category, then run in the order given — each group's rows
 * sit together, ready to read or to pivot.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load_run.ts";
 * import { summaryAcrossRuns } from "./polars_frames.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const df = await summaryAcrossRuns({ before: run, after: run });
 * assert.deepEqual(df.getColumn("run").toArray().slice(0, 2), ["before", "after"]);
 * assert.equal(df.columns[0], "run");
 * ```
 *
 * @param runs The runs, by label.
 * @param options The task categories.
 * @returns The stacked summaries.
 */
export async function summaryAcrossRuns(
  runs: Record<string, Records>,
  options: SamplesFrameOptions = {},
): Promise<DataFrame> {
  const p = await polars();
  const labels = Object.keys(runs);
  const frames: DataFrame[] = [];
  for (const [i, label] of labels.entries()) {
    const summary = await summaryFrame(await samplesFrame(runs[label], options));
    frames.push(
      summary.withColumns(p.lit(label).alias("run"), p.lit(i).cast(p.Int32).alias("runOrder")),
    );
  }
  if (frames.length === 0) {
    return p.DataFrame({ run: [] as string[] });
  }
  return p.concat(frames)
    .sort(["model", "variant", "category", "runOrder"])
    .select("run", ...GROUPED_SUMMARY_COLUMNS);
}
