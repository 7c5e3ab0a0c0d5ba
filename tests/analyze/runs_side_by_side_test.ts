import assert from "node:assert/strict";
import {
  runDifferenceRows,
  runLabel,
  runsSideBySide,
} from "../../lib/analyze/runs_side_by_side.ts";
import { generation, result } from "./failure_fixtures.ts";

/** A run of `model` on tasks t0…t(n-1), the first `passing` of them passing. */
function run(model: string, n: number, passing: number) {
  const tasks = Array.from({ length: n }, (_, i) => `t${i}`);
  return {
    generations: tasks.map((t) => generation(t, model, "export const f = 1;")),
    results: tasks.map((t, i) => result(t, model, i < passing ? null : "partial")),
  };
}

Deno.test("runLabel() counts A … Z, then AA", () => {
  assert.deepEqual([0, 1, 25, 26, 27].map(runLabel), ["A", "B", "Z", "AA", "AB"]);
});

Deno.test("runsSideBySide() puts every run's summary of a model × variant in one row", () => {
  const a = run("m:a", 4, 2);
  const b = {
    results: [...run("m:a", 4, 4).results, ...run("m:b", 2, 1).results],
    generations: [],
  };
  const rows = runsSideBySide([a, b]);
  assert.deepEqual(rows.map((r) => r.model), ["m:a", "m:b"]);
  assert.equal(rows[0]["n A"], 4);
  assert.equal(rows[0]["pass % A"], 50);
  assert.equal(rows[0]["pass % B"], 100);
  assert.equal(rows[0]["weighted A"], 0.5);
  assert.equal(rows[0]["total p50 A"], 20);
  assert.equal(rows[0]["total p50 B"], null, "no generations in B: no latency");
  assert.equal(rows[1]["n A"], null, "run A lacks m:b");
  assert.equal(rows[1]["pass % B"], 50);
  assert.ok("pass % new" in runsSideBySide([a, b], { labels: ["old", "new"] })[0]);
});

Deno.test("runDifferenceRows() gives both metrics' changes with intervals and a reading", () => {
  const rows = runDifferenceRows(run("m:a", 8, 2), run("m:a", 8, 8), { names: ["old", "new"] });
  assert.equal(rows.length, 1);
  const [row] = rows;
  assert.equal(row.tasks, 8);
  assert.equal(row["pass % old"], 25);
  assert.equal(row["pass % new"], 100);
  assert.match(String(row["Δ pass (95% CI)"]), /^\+75 pp \[\+\d+, \+\d+\]$/);
  assert.match(String(row["Δ weighted (95% CI)"]), /^\+0\.75 \[\+0\.\d\d, \+1\.00\]$/);
  assert.equal(row.reading, "better");
  const [same] = runDifferenceRows(run("m:a", 8, 4), run("m:a", 8, 4));
  assert.equal(same["Δ pass (95% CI)"], "±0 pp [±0, ±0]");
  assert.equal(same.reading, "no clear change");
  assert.deepEqual(runDifferenceRows(run("m:a", 2, 1), run("m:b", 2, 1)), [], "nothing in common");
});
