/**
 * Parquet export of a run: one row per sample ({@link sampleRows}) plus the answer's text and
 * extracted code, readable by polars, pandas, DuckDB and Spark. `evaluate()` writes it when a
 * run completes ({@link writeRunParquet}), whoever called it: the CLI, a notebook, a bench.
 *
 * @module
 */
import { join } from "node:path";
import { SAMPLE_ROW_DTYPES, type SampleRow, sampleRows } from "../record/sample_rows.ts";
import { readLastRecords } from "../record/last_records.ts";
import { sampleKey } from "../record/sample_key.ts";
import type { GenerationRecord } from "../record/generation.ts";
import type { ResultRecord } from "../record/result.ts";
import { RUN_FILES } from "./store.ts";

/**
 * Write `results.parquet` into a run folder from its records, with explicit
 * column types (so an all-null column still has its type): the {@link SampleRow} columns, then
 * `answer` (the raw completion text) and `code` (the code extracted from it), both Utf8 and null
 * where the sample has no generation (or, for `code`, nothing extractable). A sample recorded
 * without a verdict (`unjudged`: a task or infrastructure error) is a row with null verdict
 * columns and the reason in `notJudged`, never missing. Loads polars
 * lazily: it needs FFI and must never be loaded inside the sandbox.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import pl from "nodejs-polars";
 * import { writeParquet } from "./parquet.ts";
 * const dir = await Deno.makeTempDir();
 * const path = await writeParquet(dir, [], []);
 * assert.deepEqual(pl.readParquet(path).columns.slice(-2), ["answer", "code"]);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeParquet(
  dir: string,
  generations: GenerationRecord[],
  results: ResultRecord[],
  unjudged: ResultRecord[] = [],
): Promise<string> {
  const { default: pl } = await import("nodejs-polars");
  const rows = sampleRows({ generations, results, unjudged });
  const types = Object.fromEntries(
    Object.entries(SAMPLE_ROW_DTYPES).map(([name, dtype]) => [name, pl[dtype]]),
  ) as Record<keyof SampleRow, unknown>;
  const columns = (Object.keys(types) as (keyof SampleRow)[]).map((name) =>
    // deno-lint-ignore no-explicit-any
    pl.Series(name, rows.map((r) => r[name]), types[name] as any)
  );
  const answers = new Map(generations.map((g) => [sampleKey(g), g]));
  columns.push(
    pl.Series("answer", rows.map((r) => answers.get(sampleKey(r))?.text ?? null), pl.Utf8),
    pl.Series("code", rows.map((r) => answers.get(sampleKey(r))?.code ?? null), pl.Utf8),
  );
  const path = join(dir, RUN_FILES.parquet);
  pl.DataFrame(columns).writeParquet(path);
  return path;
}

/**
 * Write a run folder's `results.parquet` from its records as stored, read as `loadRun()` reads
 * them ({@linkcode readLastRecords}: the last record of each sample wins, a torn last line is
 * skipped); results with a task or infrastructure error are unjudged rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeRunParquet } from "./parquet.ts";
 * const dir = await Deno.makeTempDir();
 * assert.ok((await writeRunParquet(dir)).endsWith("results.parquet"));
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeRunParquet(dir: string): Promise<string> {
  const generations = await readLastRecords<GenerationRecord>(join(dir, RUN_FILES.generations));
  const all = await readLastRecords<ResultRecord>(join(dir, RUN_FILES.results));
  const judged = (r: ResultRecord) => r.taskError === undefined && r.executionError === undefined;
  return writeParquet(dir, generations, all.filter(judged), all.filter((r) => !judged(r)));
}
