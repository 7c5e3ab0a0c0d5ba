import assert from "node:assert/strict";
import { join } from "node:path";
import pl from "nodejs-polars";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { sampleKey } from "../../lib/record/sample_key.ts";
import { writeParquet, writeRunParquet } from "../../lib/run/parquet.ts";
import { generationRecord, resultRecord, ROOT } from "../_helpers.ts";

Deno.test("writeParquet() adds each sample's answer text and extracted code, null where there is none", async () => {
  const run = await loadRun(join(ROOT, "data/fixtures/run-tiny"));
  const dir = await Deno.makeTempDir();
  // A sample with a result and no generation: both columns are null.
  const orphan = { ...run.results[0], sample: 99 };
  const path = await writeParquet(dir, run.generations, [...run.results, orphan]);
  const frame = pl.readParquet(path);
  assert.equal(frame.height, run.generations.length + 1);
  assert.match(frame.getColumn("answer").dtype.toString(), /String|Utf8/);
  const rows = frame.select("task", "model", "variant", "sample", "answer", "code").toRecords();
  const generationOf = new Map(run.generations.map((g) => [sampleKey(g), g]));
  for (const row of rows) {
    const g = generationOf.get(sampleKey(row as never));
    assert.equal(row.answer, g?.text ?? null);
    assert.equal(row.code, g?.code ?? null);
  }
  assert.ok(run.generations.some((g) => g.code === null), "the fixture has an answer without code");
  assert.ok(rows.some((r) => String(r.answer).includes("\n")), "multi-line answers survive");
  assert.equal(rows.at(-1)!.answer, null);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("writeRunParquet() keeps a sample recorded without a verdict as a row that says why, and the last record of a sample, as loadRun() does", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.copyFile(
    join(ROOT, "data/fixtures/run-tiny/manifest.json"),
    join(dir, "manifest.json"),
  );
  const lines = (records: unknown[]) => records.map((r) => JSON.stringify(r) + "\n").join("");
  const g = (task: string) => generationRecord({ task, model: "synthetic:default" });
  await Deno.writeTextFile(join(dir, "generations.jsonl"), lines([g("a"), g("b"), g("c")]));
  const first = resultRecord({ task: "a", model: "synthetic:default" }, ["fail"]);
  await Deno.writeTextFile(
    join(dir, "results.jsonl"),
    lines([
      first,
      resultRecord({ task: "b", model: "synthetic:default" }, [], {
        taskError: "the reference fails",
      }),
      resultRecord({ task: "c", model: "synthetic:default" }, [], {
        executionError: "max deliver",
      }),
      // A second record of sample a (e.g. the type-check stage's): the last one wins.
      { ...first, passed: true, cases: [{ ...first.cases[0], status: "pass" }] },
    ]) + JSON.stringify({ ...first, passed: false }).slice(0, 40), // torn by a kill mid-write
  );
  const rows = pl.readParquet(await writeRunParquet(dir))
    .select("task", "passed", "outcome", "notJudged").toRecords();
  assert.deepEqual(rows.map((r) => [r.task, r.passed, r.notJudged]), [
    ["a", true, null],
    ["b", null, "task error: the reference fails"],
    ["c", null, "infrastructure error: max deliver"],
  ]);
  const run = await loadRun(dir);
  assert.deepEqual(run.results.map((r) => [r.task, r.passed, r.cases[0].status]), [
    ["a", true, "pass"],
  ]);
  assert.deepEqual(run.unjudged.map((r) => r.task), ["b", "c"]);
  await Deno.remove(dir, { recursive: true });
});
