/**
 * Robustness: accuracy under each prompt perturbation relative to the
 * unperturbed prompt, per model × template. The analysis with confidence
 * intervals and the `fragile` rule is `robustness()` in `lib/analyze/robustness.ts`.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Run } from "../analyze/load_run.ts";
import { splitVariant } from "../analyze/robustness.ts";
import { type Chart, chart } from "./chart.ts";
import { modelScale } from "./model_scale.ts";

/** One model × template × perturbation against the unperturbed template. */
export interface RobustnessRow {
  model: string;
  /** The unperturbed template (variant) name. */
  template: string;
  /** The perturbation (the variant is `<template>+<perturbation>`). */
  perturbation: string;
  /** The metric on the unperturbed prompt. */
  baseline: number;
  /** The metric on the perturbed prompt. */
  perturbed: number;
  /** perturbed − baseline (negative: the perturbation hurt). */
  delta: number;
  /** Perturbed samples. */
  n: number;
}

/** Options for {@link robustnessRows} and {@link robustnessChart}. */
export interface RobustnessOptions {
  /** The metric: pass rate (0–1) or mean weighted accuracy (−1 to 1). @default "passRate" */
  metric?: "passRate" | "weightedAccuracy";
  /** A drop larger than this (in the metric's units) marks the prompt fragile. @default 0.2 */
  threshold?: number;
}

type Results = readonly Pick<
  Run["results"][number],
  "model" | "variant" | "passed" | "weightedAccuracy"
>[];

/**
 * The metric of every perturbed variant (`<template>+<perturbation>`, as
 * `evaluate()` names them) next to its unperturbed template, per model. A
 * variant is perturbed when another variant of the run is a `+`-prefix of its
 * name (the longest wins).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { robustnessRows } from "./robustness.ts";
 * const r = (variant: string, passed: boolean) => ({ model: "m", variant, passed, weightedAccuracy: passed ? 1 : -1 });
 * const [row] = robustnessRows([r("plain", true), r("plain", true), r("plain+reword", true), r("plain+reword", false)]);
 * assert.deepEqual([row.template, row.perturbation, row.delta], ["plain", "reword", -0.5]);
 * ```
 *
 * @param results The run's results.
 * @param options The metric.
 * @returns One row per model × perturbed variant, in first-appearance order.
 */
export function robustnessRows(
  results: Results,
  options: RobustnessOptions = {},
): RobustnessRow[] {
  const metric = options.metric ?? "passRate";
  const variants = [...new Set(results.map((r) => r.variant))];
  const templateOf = (variant: string) => splitVariant(variant, variants)?.template;
  const value = (rs: Results) =>
    rs.reduce((s, r) => s + (metric === "passRate" ? Number(r.passed) : r.weightedAccuracy), 0) /
    rs.length;
  const models = [...new Set(results.map((r) => r.model))];
  return models.flatMap((model) =>
    variants.flatMap((variant) => {
      const template = templateOf(variant);
      if (template === undefined) return [];
      const perturbed = results.filter((r) => r.model === model && r.variant === variant);
      const base = results.filter((r) => r.model === model && r.variant === template);
      if (perturbed.length === 0 || base.length === 0) return [];
      const [b, p] = [value(base), value(perturbed)];
      return [{
        model,
        template,
        perturbation: variant.slice(template.length + 1),
        baseline: b,
        perturbed: p,
        delta: p - b,
        n: perturbed.length,
      }];
    })
  );
}

/**
 * The change of pass rate (percentage points) or weighted accuracy under each
 * perturbation relative to the unperturbed prompt: a grid with one column per
 * template and one row per perturbation, a bar per model coloured by model
 * (`modelColorScale()`), the fragility threshold as a dashed red rule, and
 * bars past it outlined in red and labelled "fragile".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { robustnessChart } from "./robustness.ts";
 * const r = (variant: string, passed: boolean) => ({ model: "m", variant, passed, weightedAccuracy: passed ? 1 : -1 });
 * const run = { manifest: { models: [{ spec: "m", synthetic: false }] },
 *   results: [r("plain", true), r("plain+reword", false)] };
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
  const rows = robustnessRows(run.results, options).map((r) => ({
    ...r,
    shown: r.delta * scale,
    fragile: r.delta < -threshold,
  }));
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
      `dashed = fragility threshold (a drop of ${threshold * scale}${unit})`,
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
          `${r.model} · ${r.template}+${r.perturbation}\n${format(r.shown)} (${
            (r.baseline * scale).toFixed(metric === "passRate" ? 0 : 2)
          } → ${(r.perturbed * scale).toFixed(metric === "passRate" ? 0 : 2)}, n=${r.n})`,
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
