import assert from "node:assert/strict";
import * as aq from "arquero";
import { GROUPED_SUMMARY_COLUMNS, groupedSummaryTable } from "../../lib/analyze/grouped_summary.ts";

const row = (
  model: string,
  category: string,
  passed: boolean | null,
  totalMs: number,
  extra: Record<string, unknown> = {},
) => ({
  model,
  variant: "plain",
  category,
  passed,
  weightedAccuracy: passed === null ? null : passed ? 1 : -1,
  ttftMs: totalMs / 10,
  totalMs,
  cached: false,
  generationError: passed === null ? "HTTP 500" : null,
  ...extra,
});

Deno.test("groupedSummaryTable() groups by model, variant and category, sorted", () => {
  const t = groupedSummaryTable(aq.from([
    row("b", "x", true, 100),
    row("a", "y", false, 300),
    row("a", "x", true, 100),
    row("a", "x", false, 200),
    row("a", "x", null, 900),
  ]));
  assert.deepEqual(t.columnNames(), [...GROUPED_SUMMARY_COLUMNS]);
  const rows = t.objects() as Record<string, unknown>[];
  assert.deepEqual(rows.map((r) => [r.model, r.category]), [["a", "x"], ["a", "y"], ["b", "x"]]);
  // a·x: two results (the failed request has none), pass rate 1/2, latency without the error.
  assert.deepEqual(
    [
      rows[0].samples,
      rows[0].passRate,
      rows[0].weightedAccuracy,
      rows[0].totalP50,
      rows[0].totalP95,
    ],
    [2, 0.5, 0, 150, 195],
  );
});

Deno.test("groupedSummaryTable() leaves cached generations out of latency", () => {
  const t = groupedSummaryTable(aq.from([
    row("a", "x", true, 100, { cached: true }),
    row("a", "x", true, 400),
  ]));
  assert.deepEqual([t.get("samples", 0), t.get("totalP50", 0), t.get("ttftP95", 0)], [2, 400, 40]);
});

Deno.test("groupedSummaryTable() of no rows has the columns", () => {
  const t = groupedSummaryTable(aq.table({ model: [] }));
  assert.equal(t.numRows(), 0);
  assert.deepEqual(t.columnNames(), [...GROUPED_SUMMARY_COLUMNS]);
});
