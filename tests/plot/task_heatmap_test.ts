import assert from "node:assert/strict";
import { loadRun, type Run } from "../../lib/analyze/load_run.ts";
import { taskHeatmapCells, taskHeatmapChart } from "../../lib/plot/task_heatmap.ts";

const tiny = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
type Result = Run["results"][number];

/** A result of `task` for `model`, passed or not. */
const result = (task: string, model: string, passed: boolean, sample = 0) =>
  ({ task, model, variant: "plain", sample, passed }) as unknown as Result;
const manifest = { models: [{ spec: "a", synthetic: false }, { spec: "b", synthetic: false }] };

Deno.test("taskHeatmapCells() counts passed of n per task × model", () => {
  const cells = taskHeatmapCells(tiny);
  assert.equal(cells.length, 6);
  const slugify = cells.find((c) => c.task === "slugify" && c.model === "synthetic:sloppy")!;
  assert.deepEqual([slugify.passed, slugify.n, slugify.rate], [1, 2, 0.5]);
  for (const c of cells) {
    const mine = tiny.results.filter((r) => r.task === c.task && r.model === c.model);
    assert.equal(c.n, mine.length);
    assert.equal(c.passed, mine.filter((r) => r.passed).length);
  }
});

Deno.test("taskHeatmapCells() orders rows by difficulty or by disagreement", () => {
  const results = [
    result("easy", "a", true),
    result("easy", "b", true),
    result("split", "a", true),
    result("split", "b", false),
    result("hard", "a", false),
    result("hard", "b", false),
  ];
  const rows = (order: "difficulty" | "disagreement") => [
    ...new Set(taskHeatmapCells({ manifest, results }, { order }).map((c) => c.task)),
  ];
  assert.deepEqual(rows("difficulty"), ["hard", "split", "easy"]);
  assert.deepEqual(rows("disagreement"), ["split", "hard", "easy"]);
});

Deno.test("taskHeatmapCells() marks a task that could not be judged, never a rate of 0", () => {
  const unjudged = [{ ...result("broken", "a", false), taskError: "tests do not load" }];
  const cells = taskHeatmapCells({ manifest, results: [result("ok", "a", false)], unjudged });
  const broken = cells.find((c) => c.task === "broken")!;
  assert.equal(broken.rate, null);
  assert.equal(broken.taskError, "tests do not load");
  assert.equal(cells.at(-1), broken, "after the judged tasks, even a harder one");
});

Deno.test("taskHeatmapCells() puts TypeScript tasks before Python tasks and names the language", () => {
  const results = [
    { ...result("p", "a", false), language: "py" },
    { ...result("t", "a", true), language: "ts" },
  ] as Result[];
  assert.deepEqual(taskHeatmapCells({ manifest, results }).map((c) => c.row), ["t [ts]", "p [py]"]);
});

Deno.test("taskHeatmapChart() shows passed/n in every cell, n in its legend, task errors in grey", () => {
  const unjudged = tiny.results.filter((r) => r.task === "clamp")
    .map((r) => ({ ...r, taskError: "reference fails" }));
  const run = { ...tiny, results: tiny.results.filter((r) => r.task !== "clamp"), unjudged };
  const c = taskHeatmapChart(run, { title: "Pass rate per task and model" });
  assert.match(c.html, /<h2[^>]*>Pass rate per task and model<\/h2>/);
  assert.match(c.html, /pass rate \(%\), n = 2 samples per cell/, "the legend says n");
  assert.match(c.html, />1\/2</);
  assert.equal(c.html.match(/>task error</g)?.length, 2, "clamp × 2 models");
  // the task-error cells: one grey group (a constant fill, not a colour of the scale) of 2 cells
  const grey = c.html.slice(c.html.indexOf('fill="#d1d5db"'));
  assert.equal(grey.slice(0, grey.indexOf("</g>")).match(/<rect /g)?.length, 2);
  assert.match(c.html, /1 of 2 samples passed \(50%\)/);
  assert.match(c.html, /aria-label="x-axis label"/);
});

Deno.test("taskHeatmapChart() draws at most limit rows and says how many it left out", () => {
  const results = ["a", "b", "c"].map((task) => result(task, "a", task === "c"));
  const c = taskHeatmapChart({ manifest, results }, { limit: 2 });
  assert.match(c.html, /The first 2 of 3 tasks in this order: 1 more is not drawn\./);
  assert.equal(c.html.match(/<rect /g)?.length, 2 + 5, "2 cells and the 5 legend bands");
  assert.doesNotMatch(c.html, />c</, "the easiest task is the one left out");
  assert.doesNotMatch(taskHeatmapChart({ manifest, results }).html, /not drawn/);
});
