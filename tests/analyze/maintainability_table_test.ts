import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import {
  MAINTAINABILITY_METRICS,
  maintainabilityRows,
  maintainabilityTable,
} from "../../lib/analyze/maintainability_table.ts";
import { generationRecord, resultRecord } from "../_helpers.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;

const gen = (model: string, sample: number, code: string | null, error: string | null = null) =>
  generationRecord({ model, sample, code, error });
const res = (model: string, sample: number, passed: boolean) =>
  resultRecord({ model, sample }, [passed ? "pass" : "fail"]);

const SIMPLE = "export const f = (x: number) => x + 1;\n";
const BRANCHY =
  "export function f(x: any) {\n  var y = x;\n  if (y > 0) {\n    for (const c of [1]) {\n      if (c && y) return c;\n    }\n  }\n  return y ?? 0;\n}\n";

Deno.test("maintainabilityRows() measures every sample with code and skips the rest", async () => {
  const rows = await maintainabilityRows({
    generations: [
      gen("a", 0, SIMPLE),
      gen("a", 1, null),
      gen("a", 2, "", null),
      gen("a", 3, SIMPLE, "HTTP 500"),
    ],
    results: [res("a", 0, true)],
  });
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0].sample, rows[0].passed, rows[0].complexity, rows[0].lintFindings], [
    0,
    true,
    1,
    0,
  ]);
});

Deno.test("maintainabilityRows() keeps only passing samples with samples: passed", async () => {
  const run = {
    generations: [gen("a", 0, SIMPLE), gen("a", 1, BRANCHY)],
    results: [res("a", 0, true), res("a", 1, false)],
  };
  const rows = await maintainabilityRows(run, { samples: "passed", lint: false });
  assert.deepEqual(rows.map((r) => r.sample), [0]);
});

Deno.test("maintainabilityTable() compares models by median and p90 of each metric", async () => {
  const table = await maintainabilityTable({
    generations: [
      gen("a", 0, SIMPLE),
      gen("a", 1, SIMPLE),
      gen("b", 0, BRANCHY),
      gen("b", 1, SIMPLE),
    ],
    results: [],
  });
  assert.deepEqual(table.columnNames(), [
    "model",
    "variant",
    "samples",
    ...MAINTAINABILITY_METRICS.flatMap((m) => [`${m}P50`, `${m}P90`]),
    "withFindings",
    "topRules",
  ]);
  const [a, b] = table.objects() as Record<string, unknown>[];
  assert.deepEqual([
    a.model,
    a.samples,
    a.complexityP50,
    a.lintFindingsP90,
    a.withFindings,
    a.topRules,
  ], [
    "a",
    2,
    1,
    0,
    0,
    "",
  ]);
  // b: complexities 1 and 6 (1 + if + for + if + && + ??) → median 3.5, p90 1 + 0.9 × 5 = 5.5;
  // nesting 0 and 3 → p90 2.7.
  assert.deepEqual([b.complexityP50, b.complexityP90, b.maxNestingP90], [3.5, 5.5, 2.7]);
  assert.deepEqual([b.anyCountP50, b.withFindings, b.topRules], [0.5, 0.5, "no-var×1"]);
});

Deno.test("maintainabilityTable() reads a stored run's generations", async () => {
  const run = await loadRun(FIXTURE);
  const table = await maintainabilityTable(run);
  assert.deepEqual(table.array("model"), ["synthetic:steady", "synthetic:sloppy"]);
  assert(table.array("linesP50").every((v) => typeof v === "number" && v > 0));
});

Deno.test("maintainabilityTable() of a run without code has the columns and no rows", async () => {
  const table = await maintainabilityTable({ generations: [], results: [] });
  assert.equal(table.numRows(), 0);
  assert(table.columnNames().includes("lintFindingsP90"));
});
