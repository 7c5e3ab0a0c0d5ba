/**
 * Parquet export of a run: one row per sample ({@link sampleRows}), readable
 * by polars, pandas, DuckDB and Spark.
 *
 * @module
 */
import { join } from "node:path";
import { type SampleRow, sampleRows } from "../analyze/sample_rows.ts";
import type { GenerationRecord, ResultRecord } from "./records.ts";
import { RUN_FILES } from "./store.ts";

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
  const rows = sampleRows({ generations, results });
  const types: Record<keyof SampleRow, unknown> = {
    task: pl.Utf8,
    model: pl.Utf8,
    variant: pl.Utf8,
    sample: pl.Int32,
    synthetic: pl.Bool,
    outcome: pl.Utf8,
    detail: pl.Utf8,
    passed: pl.Bool,
    passFraction: pl.Float64,
    weightedAccuracy: pl.Float64,
    bucket: pl.Utf8,
    casesPassed: pl.Int32,
    casesTotal: pl.Int32,
    coreFailed: pl.Int32,
    edgeFailed: pl.Int32,
    execMs: pl.Float64,
    ttftMs: pl.Float64,
    totalMs: pl.Float64,
    tokensIn: pl.Float64,
    tokensOut: pl.Float64,
    tokensPerSec: pl.Float64,
    tokensEstimated: pl.Bool,
    cached: pl.Bool,
    retries: pl.Int32,
    generationError: pl.Utf8,
    mutations: pl.Utf8,
    failureCategory: pl.Utf8,
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
