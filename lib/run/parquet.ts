/**
 * Parquet export of a run: one row per sample (generation joined with its
 * result), readable by polars, pandas, DuckDB and Spark.
 *
 * @module
 */
import { join } from "node:path";
import type { GenerationRecord, ResultRecord } from "./records.ts";
import { RUN_FILES } from "./store.ts";

/** The flat row written to Parquet for each sample. */
export interface SampleRow {
  task: string;
  model: string;
  variant: string;
  sample: number;
  synthetic: boolean;
  outcome: string;
  detail: string;
  passed: boolean;
  passFraction: number;
  weightedAccuracy: number;
  bucket: string;
  casesPassed: number;
  casesTotal: number;
  coreFailed: number;
  edgeFailed: number;
  execMs: number;
  ttftMs: number | null;
  totalMs: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  tokensPerSec: number | null;
  tokensEstimated: boolean | null;
  cached: boolean | null;
  retries: number | null;
  generationError: string | null;
  mutations: string;
  casesJson: string;
}

const keyOf = (r: { task: string; model: string; variant: string; sample: number }) =>
  `${r.task}\u0000${r.model}\u0000${r.variant}\u0000${r.sample}`;

/**
 * Join generations and results into flat rows (one per result).
 *
 * @example
 * ```ts
 * import { sampleRows } from "./parquet.ts";
 * console.assert(sampleRows([], []).length === 0);
 * ```
 */
export function sampleRows(generations: GenerationRecord[], results: ResultRecord[]): SampleRow[] {
  const gens = new Map(generations.map((g) => [keyOf(g), g]));
  return results.map((r) => {
    const g = gens.get(keyOf(r));
    const failed = (kind: string) => r.cases.filter((c) => c.kind === kind && c.status !== "pass").length;
    return {
      task: r.task,
      model: r.model,
      variant: r.variant,
      sample: r.sample,
      synthetic: g?.synthetic ?? r.model.startsWith("synthetic:"),
      outcome: r.outcome,
      detail: r.detail,
      passed: r.passed,
      passFraction: r.passFraction,
      weightedAccuracy: r.weightedAccuracy,
      bucket: r.bucket,
      casesPassed: r.cases.filter((c) => c.status === "pass").length,
      casesTotal: r.cases.length,
      coreFailed: failed("core"),
      edgeFailed: failed("edge"),
      execMs: r.execMs,
      ttftMs: g?.ttftMs ?? null,
      totalMs: g?.totalMs ?? null,
      tokensIn: g?.tokensIn ?? null,
      tokensOut: g?.tokensOut ?? null,
      tokensPerSec: g?.tokensPerSec ?? null,
      tokensEstimated: g?.tokensEstimated ?? null,
      cached: g?.cached ?? null,
      retries: g?.retries ?? null,
      generationError: g?.error ?? null,
      mutations: (g?.mutations ?? []).join(","),
      casesJson: JSON.stringify(r.cases),
    };
  });
}

/**
 * Write `results.parquet` into a run folder from its records, with explicit
 * column types (so an all-null column still has its type). Loads polars
 * lazily: it needs FFI and must never be loaded inside the sandbox.
 */
export async function writeParquet(
  dir: string,
  generations: GenerationRecord[],
  results: ResultRecord[],
): Promise<string> {
  const { default: pl } = await import("nodejs-polars");
  const rows = sampleRows(generations, results);
  const types: Record<keyof SampleRow, unknown> = {
    task: pl.Utf8, model: pl.Utf8, variant: pl.Utf8, sample: pl.Int32, synthetic: pl.Bool, outcome: pl.Utf8,
    detail: pl.Utf8, passed: pl.Bool, passFraction: pl.Float64, weightedAccuracy: pl.Float64, bucket: pl.Utf8,
    casesPassed: pl.Int32, casesTotal: pl.Int32, coreFailed: pl.Int32, edgeFailed: pl.Int32, execMs: pl.Float64,
    ttftMs: pl.Float64, totalMs: pl.Float64, tokensIn: pl.Float64, tokensOut: pl.Float64, tokensPerSec: pl.Float64,
    tokensEstimated: pl.Bool, cached: pl.Bool, retries: pl.Int32, generationError: pl.Utf8, mutations: pl.Utf8,
    casesJson: pl.Utf8,
  };
  const columns = (Object.keys(types) as (keyof SampleRow)[]).map((name) =>
    // deno-lint-ignore no-explicit-any
    pl.Series(name, rows.map((r) => r[name]), types[name] as any)
  );
  const path = join(dir, RUN_FILES.parquet);
  pl.DataFrame(columns).writeParquet(path);
  return path;
}
