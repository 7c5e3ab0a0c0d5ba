/**
 * Weighted accuracy against pass rate: the partial credit a pass rate hides.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Run } from "../analyze/load_run.ts";
import { type Chart, chart } from "./chart.ts";
import { modelScale } from "./model_scale.ts";

/** One dot: a task × model (× variant), averaged over its samples; or a model's mean. */
interface TaskPoint {
  task: string;
  model: string;
  label: string;
  /** Share of samples whose every case passed, %. */
  passRate: number;
  /** Mean weighted accuracy, [-1, 1]. */
  weightedAccuracy: number;
  n: number;
}

/**
 * Weighted accuracy (y, −1 to 1) against pass rate (x, %) with one dot per
 * task × model (× variant), averaged over the samples, and each model's mean as
 * a large outlined diamond; coloured by model (`modelColorScale()`). The
 * dashed diagonal is the all-or-nothing line (every sample passes every case
 * or fails every case: weighted accuracy = 2 × pass rate − 1); the height of a
 * dot above it is the partial credit that pass rate alone ignores.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { weightedVsPassChart } from "./weighted_vs_pass.ts";
 * const r = { task: "t", model: "m", variant: "plain", sample: 0, passed: false, weightedAccuracy: 0.5 };
 * const c = weightedVsPassChart({ manifest: { models: [{ spec: "m", synthetic: false }] }, results: [r] });
 * assert(c.html.includes("Weighted accuracy vs pass rate") && c.html.includes("<circle"));
 * ```
 *
 * @param run The run (its results; its manifest orders the model colours).
 * @returns The chart.
 */
export function weightedVsPassChart(
  run: {
    manifest: Pick<Run["manifest"], "models">;
    results: readonly Pick<
      Run["results"][number],
      "task" | "model" | "variant" | "passed" | "weightedAccuracy"
    >[];
  },
): Chart {
  const variants = new Set(run.results.map((r) => r.variant));
  const label = (r: { model: string; variant: string }) =>
    variants.size > 1 ? `${r.model} · ${r.variant}` : r.model;
  const groups = new Map<string, Run["results"][number][]>();
  for (const r of run.results) {
    const key = JSON.stringify([r.task, label(r)]);
    groups.set(key, [...(groups.get(key) ?? []), r as Run["results"][number]]);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const points: TaskPoint[] = [...groups.values()].map((rs) => ({
    task: rs[0].task,
    model: rs[0].model,
    label: label(rs[0]),
    passRate: 100 * mean(rs.map((r) => Number(r.passed))),
    weightedAccuracy: mean(rs.map((r) => r.weightedAccuracy)),
    n: rs.length,
  }));
  const means: TaskPoint[] = [...new Set(points.map((p) => p.label))].map((l) => {
    const mine = points.filter((p) => p.label === l);
    return {
      task: `mean of ${mine.length} tasks`,
      model: mine[0].model,
      label: l,
      passRate: mean(mine.map((p) => p.passRate)),
      weightedAccuracy: mean(mine.map((p) => p.weightedAccuracy)),
      n: mine.reduce((s, p) => s + p.n, 0),
    };
  });
  const synthetic = run.manifest.models.some((m) => m.synthetic);
  const tip = (p: TaskPoint) =>
    `${p.label}\n${p.task} (${p.n} samples)\npass rate ${Math.round(p.passRate)}%, ` +
    `weighted accuracy ${p.weightedAccuracy.toFixed(2)}`;
  return chart({
    title: "Weighted accuracy vs pass rate",
    subtitle: "One dot per task × model (mean over samples), ◆ = the model's mean; " +
      "dashed = all-or-nothing line: height above it is partial credit",
    caption: synthetic ? "Synthetic (offline) models: not real LLM output." : undefined,
    width: 760,
    height: 440,
    marginLeft: 50,
    marginRight: 20,
    grid: true,
    x: { label: "pass rate (% of samples with every case passing)", domain: [0, 100] },
    y: { label: "weighted accuracy (−1 to 1)", domain: [-1, 1] },
    color: { ...modelScale(run.manifest.models, run.results), legend: true },
    marks: [
      Plot.line([[0, -1], [100, 1]], { stroke: "#9ca3af", strokeDasharray: "4,4" }),
      Plot.ruleY([0], { stroke: "#d1d5db" }),
      Plot.dot(points, {
        x: "passRate",
        y: "weightedAccuracy",
        fill: "model",
        fillOpacity: 0.6,
        r: 6,
        title: tip,
      }),
      Plot.dot(means, {
        x: "passRate",
        y: "weightedAccuracy",
        fill: "model",
        stroke: "black",
        strokeWidth: 1.5,
        symbol: "diamond",
        r: 10,
        title: tip,
      }),
      points.length === 0 ? Plot.text(["no scored samples"], { frameAnchor: "middle" }) : null,
    ],
  });
}
