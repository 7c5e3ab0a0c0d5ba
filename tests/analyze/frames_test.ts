import assert from "node:assert/strict";
import * as aq from "arquero";
import { loadRun } from "../../lib/analyze/load_run.ts";
import {
  samplesTable,
  summaryTable,
  tableHTML,
  taskPassRateTable,
} from "../../lib/analyze/frames.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;

Deno.test("samplesTable() has one row per sample with case counts", async () => {
  const t = samplesTable(await loadRun(FIXTURE));
  assert.equal(t.numRows(), 12);
  assert.deepEqual(t.columnNames(), [
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
  ]);
  const rows = t.objects() as Record<string, unknown>[];
  const clamp = rows.find((r) =>
    r.model === "synthetic:sloppy" && r.task === "clamp" && r.sample === 1
  )!;
  assert.deepEqual(
    [clamp.casesPassed, clamp.casesTotal, clamp.coreFailed, clamp.edgeFailed, clamp.bucket],
    [3, 5, 2, 0, "wrong"],
  );
  assert.equal(rows.filter((r) => r.cached).length, 1);
});

Deno.test("summaryTable() has one row per model and variant", async () => {
  const t = summaryTable(await loadRun(FIXTURE));
  assert.equal(t.numRows(), 2);
  assert.ok(t.columnNames().includes("ttftP90"));
});

Deno.test("taskPassRateTable() pivots pass rate to task rows and model columns", async () => {
  const t = taskPassRateTable(await loadRun(FIXTURE));
  assert.deepEqual(t.columnNames(), ["task", "synthetic:steady", "synthetic:sloppy"]);
  assert.deepEqual(t.objects()[1], {
    task: "slugify",
    "synthetic:steady": 0.5,
    "synthetic:sloppy": 0.5,
  });
});

Deno.test("tableHTML() renders a styled table, limits rows and shows nulls as a dash", () => {
  const html = tableHTML(aq.table({ model: ["a", "b", "c"], p50: [1.23456, null, 3] }), {
    limit: 2,
    caption: "Latency <ms>",
  });
  assert.match(html, /<table style="[^"]*border-collapse/);
  assert.match(html, /1\.235/);
  assert.match(html, /–/);
  assert.match(html, /1 more row/);
  assert.match(html, /Latency &lt;ms>/);
  assert.doesNotMatch(html, />c</);
});

Deno.test("tableHTML() shows only the columns asked for", () => {
  const html = tableHTML(aq.table({ a: [1], b: [2] }), { columns: ["b"] });
  assert.match(html, /<th[^>]*>b<\/th>/);
  assert.doesNotMatch(html, /<th[^>]*>a<\/th>/);
});

Deno.test("samplesTable() says why a sample recorded without a verdict has none, as the Parquet does", async () => {
  const run = await loadRun(FIXTURE);
  const [a, b] = run.results;
  const taskError = { ...a, taskError: "the reference fails" };
  const infra = { ...b, sample: 99, executionError: "max deliver" };
  const t = samplesTable({ ...run, results: run.results.slice(2), unjudged: [taskError, infra] });
  const rows = t.objects() as Record<string, unknown>[];
  assert.deepEqual(
    rows.filter((r) => r.notJudged !== null).map((r) => [r.task, r.sample, r.notJudged]),
    [
      [a.task, a.sample, "task error: the reference fails"],
      [b.task, 99, "infrastructure error: max deliver"],
    ],
  );
  assert.equal(rows.filter((r) => r.notJudged === null).length, rows.length - 2);
});
