/**
 * pass@k and pass^k curves: capability against predictability as the number
 * of samples grows.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { StabilitySummary } from "../score/stability.ts";
import { type Chart, chart } from "./chart.ts";
import { modelScale } from "./model_scale.ts";

/** Options for {@link passAtKChart}. */
export interface PassAtKChartOptions {
  /** Model specs in colour order (pass the run's models so colours match its other charts). @default the summaries' models */
  models?: readonly string[];
  /** Say the models are synthetic. @default false */
  synthetic?: boolean;
}

/** One plotted point. */
interface KPoint {
  model: string;
  label: string;
  metric: "pass@k" | "pass^k";
  k: number;
  /** Probability, %. */
  value: number;
}

/**
 * pass@k (left: the chance that at least one of k samples passes, DESIGN.md's
 * unbiased estimator) and pass^k (right: the chance that all k pass) against k,
 * one line per model (× variant) coloured by model (`modelColorScale()`),
 * from {@link StabilitySummary} rows (`summarizeStability()`). pass@k rising
 * with k means retries help; pass^k falling fast means the model is
 * unpredictable. k values a summary has no value for (n < k) are left out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { passAtKChart } from "./pass_at_k.ts";
 * const summary = { model: "m", variant: "plain", tasks: 3, consistency: 0.8,
 *   passAtK: { 1: 0.5, 2: 0.7, 3: 0.8 }, passHatK: { 1: 0.5, 2: 0.3, 3: 0.2 } };
 * const c = passAtKChart([summary]);
 * assert(c.html.includes("pass@k and pass^k") && c.html.includes("<path"));
 * ```
 *
 * @param summaries One row per model × variant, with pass@k and pass^k per k.
 * @param options Colour order and the synthetic flag.
 * @returns The chart.
 */
export function passAtKChart(
  summaries: readonly StabilitySummary[],
  options: PassAtKChartOptions = {},
): Chart {
  const variants = new Set(summaries.map((s) => s.variant));
  const label = (s: StabilitySummary) => variants.size > 1 ? `${s.model} · ${s.variant}` : s.model;
  const points: KPoint[] = summaries.flatMap((s) =>
    (["pass@k", "pass^k"] as const).flatMap((metric) =>
      Object.entries(metric === "pass@k" ? s.passAtK : s.passHatK).flatMap(([k, v]) =>
        v === null
          ? []
          : [{ model: s.model, label: label(s), metric, k: Number(k), value: 100 * v }]
      )
    )
  );
  const color = modelScale(options.models ?? [], summaries);
  const ks = [...new Set(points.map((p) => p.k))].sort((a, b) => a - b);
  const tip = (p: KPoint) =>
    `${p.label}\n${p.metric.replace("k", String(p.k))}: ${p.value.toFixed(1)}%`;
  return chart({
    title: "pass@k and pass^k",
    subtitle: "pass@k: chance that at least one of k samples passes (capability); " +
      "pass^k: chance that all k pass (predictability). Means over tasks",
    caption: options.synthetic ? "Synthetic (offline) models: not real LLM output." : undefined,
    width: 760,
    height: 380,
    marginLeft: 50,
    marginRight: 20,
    grid: true,
    x: { label: "k (samples drawn)", ticks: ks, tickFormat: (d: number) => String(d) },
    y: { label: "probability (%)", domain: [0, 100] },
    fx: points.length ? { label: null, domain: ["pass@k", "pass^k"] } : undefined,
    color: { ...color, legend: true },
    marks: points.length === 0
      ? [Plot.text(["no pass@k values (n < k)"], { frameAnchor: "middle" })]
      : [
        Plot.frame({ stroke: "#e5e7eb" }),
        Plot.line(points, {
          x: "k",
          y: "value",
          fx: "metric",
          z: "label",
          stroke: "model",
          strokeWidth: 2,
        }),
        Plot.dot(points, {
          x: "k",
          y: "value",
          fx: "metric",
          fill: "model",
          r: 4,
          title: tip,
        }),
      ],
  });
}
