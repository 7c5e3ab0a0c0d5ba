/**
 * Accuracy per group of tasks (category, difficulty…) and model: where each
 * model is strong and where it breaks.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { groupAccuracy } from "../analyze/group_accuracy.ts";
import type { Run } from "../analyze/load_run.ts";
import { type Chart, chart } from "./chart.ts";
import { byModel, modelScale } from "./model_scale.ts";

/** Options for {@link groupAccuracyChart}. */
export interface GroupAccuracyOptions {
  /** The metric: mean weighted accuracy (−1 to 1) or pass rate (%). @default "weightedAccuracy" */
  metric?: "weightedAccuracy" | "passRate";
  /** What a group is, for the title and the axis label. @default "group" */
  groupLabel?: string;
  /** The groups in display order. @default order of first appearance */
  order?: readonly string[];
}

/** One bar: a group × model (× variant). */
interface GroupBar {
  group: string;
  model: string;
  label: string;
  value: number;
  /** Samples in the group. */
  n: number;
  /** Distinct tasks in the group. */
  tasks: number;
}

/**
 * Accuracy per group of tasks and model (× variant): one row of bars per
 * group (`groupOf(task)`; tasks it maps to null are left out), one bar per
 * model coloured by model (`modelColorScale()`), each labelled with its
 * value and the number of tasks and samples behind it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { groupAccuracyChart } from "./group_accuracy.ts";
 * const r = (task: string, passed: boolean) =>
 *   ({ task, model: "m", variant: "plain", sample: 0, passed, weightedAccuracy: passed ? 1 : -0.5 });
 * const run = { manifest: { models: [{ spec: "m", synthetic: false }] }, results: [r("a", true), r("b", false)] };
 * const difficulty: Record<string, string> = { a: "easy", b: "hard" };
 * const c = groupAccuracyChart(run, (task) => difficulty[task], { groupLabel: "difficulty" });
 * assert(c.html.includes("Weighted accuracy by difficulty") && c.html.includes("hard"));
 * ```
 *
 * @param run The run (its results; its manifest orders the model colours).
 * @param groupOf The group of a task id, or null to leave the task out.
 * @param options The metric, the group label and order.
 * @returns The chart.
 */
export function groupAccuracyChart(
  run: {
    manifest: Pick<Run["manifest"], "models">;
    results: readonly Pick<
      Run["results"][number],
      "task" | "model" | "variant" | "passed" | "weightedAccuracy"
    >[];
  },
  groupOf: (task: string) => string | null | undefined,
  options: GroupAccuracyOptions = {},
): Chart {
  const metric = options.metric ?? "weightedAccuracy";
  const groupLabel = options.groupLabel ?? "group";
  const variants = new Set(run.results.map((r) => r.variant));
  const label = (r: { model: string; variant: string }) =>
    variants.size > 1 ? `${r.model} · ${r.variant}` : r.model;
  const bars: GroupBar[] = groupAccuracy(run.results, groupOf).map((row) => ({
    group: row.group,
    model: row.model,
    label: label(row),
    value: metric === "passRate" ? 100 * row.passRate : row.weightedAccuracy,
    n: row.samples,
    tasks: row.tasks,
  }));
  const seen = [...new Set(bars.map((b) => b.group))];
  const groups = options.order
    ? [
      ...options.order.filter((g) => seen.includes(g)),
      ...seen.filter((g) => !options.order!.includes(g)),
    ]
    : seen;
  const color = modelScale(run.manifest.models, run.results);
  const labels = [...new Set(byModel(bars, color.domain).map((b) => b.label))];
  const synthetic = run.manifest.models.some((m) => m.synthetic);
  const name = metric === "passRate" ? "Pass rate" : "Weighted accuracy";
  const format = (v: number) => (metric === "passRate" ? `${Math.round(v)}%` : v.toFixed(2));
  const longest = Math.max(...groups.map((g) => g.length), 6);
  return chart({
    title: `${name} by ${groupLabel}`,
    subtitle: metric === "passRate"
      ? "Share of samples whose every case passes, per model; n = tasks / samples behind each bar"
      : "Mean weighted accuracy (+1 pass, −0.5 failed edge case, −1 other failure, per case), " +
        "per model; n = tasks / samples behind each bar",
    caption: synthetic ? "Synthetic (offline) models: not real LLM output." : undefined,
    width: 760,
    height: 40 + Math.max(1, groups.length) * (10 + 20 * Math.max(1, labels.length)),
    marginLeft: Math.min(260, 20 + 7 * longest),
    marginRight: 120,
    x: metric === "passRate"
      ? { label: "pass rate (% of samples)", domain: [0, 100], grid: true }
      : { label: "weighted accuracy (−1 to 1)", domain: [-1, 1], grid: true },
    y: { axis: null, domain: labels },
    fy: groups.length ? { label: groupLabel, domain: groups, axis: "left" } : undefined,
    color: { ...color, legend: true },
    marks: bars.length === 0 ? [Plot.text(["no scored samples"], { frameAnchor: "middle" })] : [
      Plot.barX(bars, {
        x: "value",
        y: "label",
        fy: "group",
        fill: "model",
        inset: 1,
        title: (d: GroupBar) =>
          `${d.group}\n${d.label}: ${format(d.value)} (${d.tasks} tasks, ${d.n} samples)`,
      }),
      Plot.text(bars, {
        x: metric === "passRate" ? "value" : 1,
        y: "label",
        fy: "group",
        text: (d: GroupBar) => `${format(d.value)} · n=${d.tasks}/${d.n}`,
        textAnchor: "start",
        dx: metric === "passRate" ? 5 : 8,
      }),
      Plot.ruleX([0]),
    ],
  });
}
