import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { SKIPPED_TESTS_LEGEND, tableHTML, taskPassRateTable } from "../../lib/analyze/frames.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;

Deno.test("taskPassRateTable() shows each task's skipped tests when the manifest records any", async () => {
  const run = await loadRun(FIXTURE);
  const [first] = [...new Set(run.results.map((r) => r.task))];
  const skipped = { ...run, manifest: { ...run.manifest, skippedTests: { [first]: 2 } } };
  const t = taskPassRateTable(skipped);
  assert.equal(t.columnNames()[1], "skipped tests");
  const counts = Object.fromEntries(
    (t.objects() as Record<string, unknown>[]).map((r) => [r.task as string, r["skipped tests"]]),
  );
  assert.equal(counts[first], 2);
  assert.ok(Object.entries(counts).every(([task, n]) => task === first || n === 0));
  assert.match(tableHTML(t), /skipped tests/);
  assert.match(SKIPPED_TESTS_LEGEND, /^skipped tests: .*it\.skip.*covers only the tests that ran/);
  // A run with no skipped tests keeps the table as it was.
  assert.ok(!taskPassRateTable(run).columnNames().includes("skipped tests"));
});
