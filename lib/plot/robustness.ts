/**
 * Robustness: accuracy under each prompt perturbation relative to the
 * unperturbed prompt, per model × template, drawn from `robustness()`
 * (`lib/analyze/robustness.ts`): its paired change over tasks and its `fragile` verdict, so the
 * chart, the notebooks and the report never disagree.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Run } from "../analyze/load_run.ts";
import { robustness } from "../analyze/robustness.ts";
import { type Chart, chart } from "./chart.ts";
import { modelScale } from "./model_scale.ts";

/** Options for {@link robustnessChart}. */
export interface RobustnessOptions {
  /** The metric: pass rate (0–1) or mean weighted accuracy (−1 to 1). @default "passRate" */
  metric?: "passRate" | "weightedAccuracy";
  /** The fragility threshold (`robustness()`'s), in the metric's units. @default 0.2 */
  threshold?: number;
}

type Results = readonly Pick<
  Run["results"][number],
  "task" | "model" | "variant" | "passed" | "weightedAccuracy"
>[];

/**
 * The change of pass rate (percentage points) or weighted accuracy under each
 * perturbation relative to the unperturbed prompt (mean over tasks, as `robustness()`): a grid
 * with one column per template and one row per perturbation, a bar per model coloured by model
 * (`modelColorScale()`), the fragility threshold as a dashed red rule, and the bars
 * `robustness()` calls fragile (a drop of at least the threshold whose 95% interval lies below
 * 0) outlined in red and labelled "fragile".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { robustnessChart } from "./robustness.ts";
 * const r = (task: string, variant: string, passed: boolean) =>
 *   ({ task, model: "m", variant, passed, weightedAccuracy: passed ? 1 : -1 });
 * const tasks = ["a", "b", "c", "d", "e"];
 * const run = { manifest: { models: [{ spec: "m", synthetic: false }] },
 *   results: tasks.flatMap((t) => [r(t, "plain", true), r(t, "plain+reword", false)]) };
 * const c = robustnessChart(run);
 * assert(c.html.includes("Robustness to prompt perturbations") && c.html.includes("fragile"));
 * ```
 *
 * @param run The run (its results; its manifest orders the model colours).
 * @param options The metric and the fragility threshold.
 * @returns The chart.
 */
export function robustnessChart(
  run: { manifest: Pick<Run["manifest"], "models">; results: Results },
  options: RobustnessOptions = {},
): Chart {
  const metric = options.metric ?? "passRate";
  const threshold = options.threshold ?? 0.2;
  const scale = metric === "passRate" ? 100 : 1;
  const rows = robustness(run.results, { metric, threshold }).map((r) => {
    const [baseline, perturbed, delta, low, high] = metric === "passRate"
      ? [r.baselinePassRate, r.perturbedPassRate, r.passRateDelta, r.passRateLow, r.passRateHigh]
      : [r.baselineWeighted, r.perturbedWeighted, r.weightedDelta, r.weightedLow, r.weightedHigh];
    return { ...r, baseline, perturbed, low, high, shown: delta * scale };
  });
  type Shown = typeof rows[number];
  const templates = [...new Set(rows.map((r) => r.template))];
  const perturbations = [...new Set(rows.map((r) => r.perturbation))];
  const models = [...new Set(rows.map((r) => r.model))];
  const extent = Math.max(threshold * scale * 1.5, ...rows.map((r) => Math.abs(r.shown)));
  const limit = metric === "passRate"
    ? Math.min(100, Math.ceil(extent / 10) * 10)
    : Math.min(2, extent);
  const unit = metric === "passRate" ? " pp" : "";
  const format = (v: number) =>
    `${v > 0 ? "+" : ""}${metric === "passRate" ? Math.round(v) : v.toFixed(2)}${unit}`;
  const synthetic = run.manifest.models.some((m) => m.synthetic);
  const longest = Math.max(...perturbations.map((p) => p.length), 8);
  return chart({
    title: "Robustness to prompt perturbations",
    subtitle:
      `Change of ${
        metric === "passRate" ? "pass rate (percentage points)" : "mean weighted accuracy"
      } under each perturbation vs the unperturbed prompt, per model; ` +
      `dashed = fragility threshold (a drop of ${
        threshold * scale
      }${unit}); fragile: a drop reaching ` +
      "it whose 95% interval over tasks lies below 0",
    caption: synthetic ? "Synthetic (offline) models: not real LLM output." : undefined,
    width: Math.max(560, 200 + 300 * templates.length),
    height: 50 + Math.max(1, perturbations.length) * (12 + 18 * Math.max(1, models.length)),
    marginLeft: Math.min(240, 24 + 7 * longest),
    marginRight: 16,
    x: {
      label: metric === "passRate"
        ? "Δ pass rate vs unperturbed (percentage points)"
        : "Δ weighted accuracy vs unperturbed",
      domain: [-limit, limit],
      grid: true,
    },
    y: { axis: null, domain: models },
    fx: rows.length ? { label: "template", domain: templates } : undefined,
    fy: rows.length ? { label: "perturbation", domain: perturbations, axis: "left" } : undefined,
    color: { ...modelScale(run.manifest.models, run.results), legend: true },
    marks: rows.length === 0 ? [Plot.text(["no perturbed variants"], { frameAnchor: "middle" })] : [
      Plot.ruleX([-threshold * scale], { stroke: "#d8362b", strokeDasharray: "5,4" }),
      Plot.barX(rows, {
        x: "shown",
        y: "model",
        fx: "template",
        fy: "perturbation",
        fill: "model",
        stroke: (r: Shown) => (r.fragile ? "#d8362b" : "none"),
        strokeWidth: 2,
        inset: 1,
        title: (r: Shown) =>
          `${r.model} · ${r.template}+${r.perturbation}\n${format(r.shown)} [${
            format(r.low * scale)
          }, ${format(r.high * scale)}] (${
            (r.baseline * scale).toFixed(metric === "passRate" ? 0 : 2)
          } → ${
            (r.perturbed * scale).toFixed(metric === "passRate" ? 0 : 2)
          }, ${r.tasks} tasks, ${r.samples} samples)`,
      }),
      Plot.text(rows, {
        x: (r: Shown) => (r.shown >= 0 ? r.shown : 0),
        y: "model",
        fx: "template",
        fy: "perturbation",
        text: (r: Shown) => `${format(r.shown)}${r.fragile ? " fragile" : ""}`,
        fill: (r: Shown) => (r.fragile ? "#d8362b" : "currentColor"),
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
}
