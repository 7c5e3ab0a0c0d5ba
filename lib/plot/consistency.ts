/**
 * Consistency per model: how often repeated samples of a task behave the
 * same way.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { TaskStability } from "../score/stability.ts";
import { type Chart, chart } from "./chart.ts";
import { byModel, modelScale } from "./model_scale.ts";

/** Options for {@link consistencyChart}. */
export interface ConsistencyChartOptions {
  /** Model specs in colour order (pass the run's models so colours match its other charts). @default the rows' models */
  models?: readonly string[];
  /** Say the models are synthetic. @default false */
  synthetic?: boolean;
}

/**
 * Consistency per model (× variant): one dot per task (the share of its
 * samples with the modal outcome, i.e. the same set of passing cases; 100% =
 * every sample behaved alike), coloured by model (`modelColorScale()`),
 * with the model's mean as a black tick and written on the right. From
 * `stabilityByTask()` rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { consistencyChart } from "./consistency.ts";
 * const t = (task: string, consistency: number) =>
 *   ({ task, model: "m", variant: "plain", n: 4, c: 2, passAtK: {}, passHatK: {}, consistency });
 * const c = consistencyChart([t("a", 1), t("b", 0.5)]);
 * assert(c.html.includes("Consistency per model") && c.html.includes("mean 75%"));
 * ```
 *
 * @param tasks Per-task stability rows.
 * @param options Colour order and the synthetic flag.
 * @returns The chart.
 */
export function consistencyChart(
  tasks: readonly TaskStability[],
  options: ConsistencyChartOptions = {},
): Chart {
  const variants = new Set(tasks.map((t) => t.variant));
  const label = (t: TaskStability) => (variants.size > 1 ? `${t.model} · ${t.variant}` : t.model);
  const points = tasks.map((t) => ({ ...t, label: label(t), share: 100 * t.consistency }));
  type Point = typeof points[number];
  const color = modelScale(options.models ?? [], tasks);
  const labels = [...new Set(byModel(points, color.domain).map((p) => p.label))];
  const means = labels.map((l) => {
    const mine = points.filter((p) => p.label === l);
    return {
      label: l,
      share: mine.reduce((s, p) => s + p.share, 0) / mine.length,
      tasks: mine.length,
    };
  });
  const longest = Math.max(...labels.map((l) => l.length), 8);
  return chart({
    title: "Consistency per model",
    subtitle: "Per task, the share of samples with the modal outcome (the same cases passing); " +
      "dots = tasks, black tick = mean",
    caption: options.synthetic ? "Synthetic (offline) models: not real LLM output." : undefined,
    width: 760,
    height: 70 + 44 * Math.max(1, labels.length),
    marginLeft: Math.min(320, 16 + 6.5 * longest),
    marginRight: 150,
    x: {
      label: "consistency (% of a task's samples with the modal outcome)",
      domain: [0, 100],
      grid: true,
    },
    y: { label: variants.size > 1 ? "model · variant" : "model", domain: labels },
    color: { ...color, legend: true },
    marks: [
      Plot.dot(points, {
        x: "share",
        y: "label",
        fill: "model",
        fillOpacity: 0.6,
        r: 6,
        title: (p: Point) => `${p.label}\n${p.task}: ${Math.round(p.share)}% of ${p.n} samples`,
      }),
      Plot.tickX(means, { x: "share", y: "label", stroke: "black", strokeWidth: 3 }),
      Plot.text(means, {
        frameAnchor: "right",
        y: "label",
        text: (m: { share: number; tasks: number }) =>
          `mean ${Math.round(m.share)}% (${m.tasks} tasks)`,
        textAnchor: "start",
        dx: 10,
      }),
      points.length === 0 ? Plot.text(["no stability rows"], { frameAnchor: "middle" }) : null,
    ],
  });
}
