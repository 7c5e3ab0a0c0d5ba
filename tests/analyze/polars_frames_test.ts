import assert from "node:assert/strict";
import * as aq from "arquero";
import { join } from "node:path";
import { groupedSummaryTable } from "../../lib/analyze/grouped_summary.ts";
import { loadRun } from "../../lib/analyze/load_run.ts";
import {
  casesFrame,
  generationsFrame,
  polars,
  samplesFrame,
  summaryAcrossRuns,
  summaryFrame,
} from "../../lib/analyze/polars_frames.ts";
import { sampleRows } from "../../lib/record/sample_rows.ts";
import { summarize } from "../../lib/analyze/summary.ts";
import { writeParquet } from "../../lib/run/parquet.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;
const categoryOf = (task: string) => (task === "clamp" ? "numbers" : "strings");

Deno.test("samplesFrame() has one typed row per sample and a category column", async () => {
  const run = await loadRun(FIXTURE);
  const df = await samplesFrame(run, { categoryOf });
  assert.equal(df.height, sampleRows(run).length);
  assert.equal(df.columns.at(-1), "category");
  assert.equal(String(df.getColumn("passed").dtype), "DataType(Bool)");
  assert.equal(String(df.getColumn("sample").dtype), "DataType(Int32)");
  const records = df.toRecords() as Record<string, unknown>[];
  assert.deepEqual(
    records.map((r) => [r.task, r.category]).filter(([t]) => t === "clamp")[0],
    ["clamp", "numbers"],
  );
  const empty = await samplesFrame({ generations: [], results: [] });
  assert.equal(empty.height, 0);
  assert.equal(String(empty.getColumn("weightedAccuracy").dtype), "DataType(Float64)");
});

Deno.test("samplesFrame() has the dtypes writeParquet() writes", async () => {
  const run = await loadRun(FIXTURE);
  const dir = await Deno.makeTempDir();
  try {
    const pl = await polars();
    const path = await writeParquet(dir, run.generations, run.results);
    const stored = pl.readParquet(path);
    const df = await samplesFrame(run);
    // The Parquet file also holds each sample's answer text and code (not in the frame).
    assert.deepEqual(stored.columns, [...df.columns.slice(0, -1), "answer", "code"]);
    for (const c of df.columns.slice(0, -1)) {
      assert.equal(String(stored.getColumn(c).dtype), String(df.getColumn(c).dtype), c);
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("samplesFrame() says why a sample recorded without a verdict has none, as the Parquet does", async () => {
  const run = await loadRun(FIXTURE);
  const [a, b] = run.results;
  // One unjudged sample with a generation (its task error came after), one without (before).
  const taskError = { ...a, taskError: "the reference fails" };
  const infra = { ...b, sample: 99, executionError: "max deliver" };
  const withUnjudged = { ...run, results: run.results.slice(2), unjudged: [taskError, infra] };
  const notJudged = (rows: Record<string, unknown>[]) =>
    rows.filter((r) => r.notJudged !== null).map((r) => [r.task, r.sample, r.notJudged]);
  const frameRows = notJudged((await samplesFrame(withUnjudged)).toRecords());
  assert.deepEqual(frameRows, [
    [a.task, a.sample, "task error: the reference fails"],
    [b.task, 99, "infrastructure error: max deliver"],
  ]);
  const dir = await Deno.makeTempDir();
  try {
    const pl = await polars();
    const path = await writeParquet(dir, run.generations, withUnjudged.results, [taskError, infra]);
    assert.deepEqual(frameRows, notJudged(pl.readParquet(path).toRecords()));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("casesFrame() has one row per case verdict", async () => {
  const run = await loadRun(FIXTURE);
  const df = await casesFrame(run);
  const cases = run.results.flatMap((r) => r.cases);
  assert.equal(df.height, cases.length);
  const failed = (df.toRecords() as Record<string, unknown>[]).filter((r) => r.status !== "pass");
  assert.equal(failed.length, cases.filter((c) => c.status !== "pass").length);
});

Deno.test("generationsFrame() keeps timing fields and drops the text", async () => {
  const run = await loadRun(FIXTURE);
  const df = await generationsFrame(run);
  assert.equal(df.height, run.generations.length);
  assert(!df.columns.includes("text") && !df.columns.includes("code"));
  assert.deepEqual(df.getColumn("totalMs").toArray(), run.generations.map((g) => g.totalMs));
  assert.deepEqual(df.getColumn("cached").toArray(), run.generations.map((g) => g.cached));
});

Deno.test("summaryFrame() equals the arquero grouped summary column for column", async () => {
  const run = await loadRun(FIXTURE);
  const polarsRows = (await summaryFrame(await samplesFrame(run, { categoryOf }))).toRecords();
  const rows = sampleRows(run).map((r) => ({ ...r, category: categoryOf(r.task) }));
  const arqueroRows = groupedSummaryTable(aq.from(rows)).objects();
  assert.equal(polarsRows.length, 4); // 2 models × 1 variant × 2 categories
  assert.deepEqual(polarsRows, arqueroRows);
});

Deno.test("summaryFrame() matches summarize() when every task is one category", async () => {
  const run = await loadRun(FIXTURE);
  const byModel = new Map(summarize(run).map((s) => [s.model, s]));
  const rows = (await summaryFrame(await samplesFrame(run))).toRecords() as Record<
    string,
    number | string
  >[];
  for (const row of rows) {
    const s = byModel.get(row.model as string)!;
    assert.equal(row.category, "all");
    assert.equal(row.samples, s.samples);
    assert.equal(row.passRate, s.passRate);
    assert.ok(Math.abs((row.weightedAccuracy as number) - s.weightedAccuracy!) < 1e-12);
    assert.equal(row.totalP50, s.totalP50);
    assert.equal(row.ttftP50, s.ttftP50);
  }
});

Deno.test("summaryAcrossRuns() stacks each run's summary with its label, groups together", async () => {
  const run = await loadRun(FIXTURE);
  const worse = {
    generations: run.generations,
    results: run.results.map((r) => ({ ...r, passed: false })),
  };
  const df = await summaryAcrossRuns({ before: run, after: worse }, { categoryOf });
  const rows = df.toRecords() as Record<string, unknown>[];
  assert.equal(rows.length, 8);
  assert.deepEqual(rows.slice(0, 2).map((r) => [r.run, r.model, r.category]), [
    ["before", "synthetic:sloppy", "numbers"],
    ["after", "synthetic:sloppy", "numbers"],
  ]);
  assert(rows.filter((r) => r.run === "after").every((r) => r.passRate === 0));
  assert.equal((await summaryAcrossRuns({})).height, 0);
});

Deno.test("summaryFrame() reads a run's results.parquet as well as its records", async () => {
  const run = await loadRun(FIXTURE);
  const dir = await Deno.makeTempDir();
  try {
    const pl = await polars();
    await writeParquet(dir, run.generations, run.results);
    const stored = pl.readParquet(join(dir, "results.parquet")).withColumns(
      pl.lit("all").alias("category"),
    );
    assert.deepEqual(
      (await summaryFrame(stored)).toRecords(),
      (await summaryFrame(await samplesFrame(run))).toRecords(),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
