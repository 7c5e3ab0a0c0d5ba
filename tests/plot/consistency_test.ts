import assert from "node:assert/strict";
import { consistencyChart } from "../../lib/plot/consistency.ts";
import type { TaskStability } from "../../lib/score/stability.ts";

const t = (model: string, task: string, consistency: number): TaskStability => ({
  task,
  model,
  variant: "plain",
  n: 4,
  c: 2,
  passAtK: {},
  passHatK: {},
  consistency,
});

Deno.test("consistencyChart() draws a dot per task and each model's mean", () => {
  const c = consistencyChart([t("b", "x", 1), t("b", "y", 0.5), t("a", "x", 0.25)], {
    models: ["a", "b"],
  });
  assert.match(c.html, /<h2[^>]*>Consistency per model<\/h2>/);
  assert.match(c.html, /-swatch"/);
  assert.match(c.html, /consistency \(% of a task's samples with the modal outcome\)/);
  const svg = c.html.slice(c.html.lastIndexOf("<svg"));
  assert.equal(svg.match(/<circle/g)?.length, 3);
  assert.match(svg, />mean 75% \(2 tasks\)</);
  assert.match(svg, />mean 25% \(1 tasks\)</);
  assert.ok(svg.indexOf(">a<") < svg.indexOf(">b<"), "models in colour order");
});

Deno.test("consistencyChart() without rows still renders a titled figure", () => {
  assert.match(consistencyChart([]).html, /no stability rows/);
});
