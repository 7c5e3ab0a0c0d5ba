/**
 * Parquet export of a run: one row per sample ({@link sampleRows}), readable
 * by polars, pandas, DuckDB and Spark.
 *
 * @module
 */
import { join } from "node:path";
import { SAMPLE_ROW_DTYPES, type SampleRow, sampleRows } from "../record/sample_rows.ts";
import type { GenerationRecord } from "../record/generation.ts";
import type { ResultRecord } from "../record/result.ts";
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
  const types = Object.fromEntries(
    Object.entries(SAMPLE_ROW_DTYPES).map(([name, dtype]) => [name, pl[dtype]]),
  ) as Record<keyof SampleRow, unknown>;
  const columns = (Object.keys(types) as (keyof SampleRow)[]).map((name) =>
    // deno-lint-ignore no-explicit-any
    pl.Series(name, rows.map((r) => r[name]), types[name] as any)
  );
  const path = join(dir, RUN_FILES.parquet);
  pl.DataFrame(columns).writeParquet(path);
  return path;
}
