/**
 * The accuracy–latency trade-off per model × variant, with its Pareto
 * frontier and, given a latency budget, the best choice within it.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Run } from "../analyze/load_run.ts";
import { bestUnderBudget, paretoFrontier } from "../analyze/pareto.ts";
import { summarize, type SummaryRow } from "../analyze/summary.ts";
import { type Chart, chart } from "./chart.ts";
import { modelColorScale } from "./model_colors.ts";

/** Options for {@link paretoChart}. */
export interface ParetoChartOptions {
  /** The accuracy measure (y). @default "passRate" */
  accuracy?: "passRate" | "weightedAccuracy";
  /** The latency measure (x). @default "totalP50" */
  latency?: "totalP50" | "totalP90" | "ttftP50" | "ttftP90";
  /** A latency budget (ms): drawn as a rule, and the best point within it is ringed. @default none */
  budgetMs?: number;
}

/** One model × variant. */
interface Point {
  model: string;
  variant: string;
  label: string;
  latency: number | null;
  accuracy: number | null;
}

const LATENCY_LABEL = {
  totalP50: "median total generation time (ms)",
  totalP90: "p90 total generation time (ms)",
  ttftP50: "median time to first token (ms)",
  ttftP90: "p90 time to first token (ms)",
} as const;

/**
 * Accuracy (y) against latency (x) with one dot per model × variant
 * (coloured by model, {@link modelColorScale}; the shape tells the variant),
 * the Pareto frontier ({@link paretoFrontier}: no other point is both faster
 * and more accurate) as a step line, and with `budgetMs` the budget as a
 * dashed rule and the most accurate frontier point within it
 * ({@link bestUnderBudget}) ringed and named.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { paretoChart } from "./pareto.ts";
 * const g = (model: string, totalMs: number) => ({ task: "t", model, variant: "plain", sample: 0, synthetic: false,
 *   ttftMs: 10, totalMs, tokensPerSec: 10, cached: false, error: null });
 * const r = (model: string, passed: boolean) => ({ task: "t", model, variant: "plain", sample: 0, passed,
 *   passFraction: passed ? 1 : 0, weightedAccuracy: passed ? 1 : -1, bucket: passed ? "correct" : "wrong" });
 * const run = { manifest: { models: [{ spec: "a", synthetic: false }, { spec: "b", synthetic: false }] },
 *   generations: [g("a", 100), g("b", 300)], results: [r("a", false), r("b", true)] };
 * const c = paretoChart(run as never, { budgetMs: 500 });
 * assert(c.html.includes("Pareto frontier") && c.html.includes("best under 500 ms: b"));
 * ```
 *
 * @param run The run.
 * @param options The measures and the budget.
 * @returns The chart.
 */
export function paretoChart(
  run: { manifest: Pick<Run["manifest"], "models"> } & Pick<Run, "generations" | "results">,
  options: ParetoChartOptions = {},
): Chart {
  const accuracyKey = options.accuracy ?? "passRate";
  const latencyKey = options.latency ?? "totalP50";
  const rows: SummaryRow[] = summarize(run);
  const variants = [...new Set(rows.map((r) => r.variant))];
  const points: Point[] = rows.map((r) => ({
    model: r.model,
    variant: r.variant,
    label: variants.length > 1 ? `${r.model} · ${r.variant}` : r.model,
    latency: r[latencyKey],
    accuracy: r[accuracyKey] === null
      ? null
      : accuracyKey === "passRate"
      ? 100 * r[accuracyKey]!
      : r[accuracyKey],
  }));
  const valid = points.filter((p) => p.latency !== null && p.accuracy !== null);
  const frontier = paretoFrontier(valid);
  const best = options.budgetMs === undefined ? null : bestUnderBudget(valid, options.budgetMs);
  const synthetic = run.manifest.models.some((m) => m.synthetic);
  const maxLatency = Math.max(1, ...valid.map((p) => p.latency!), options.budgetMs ?? 0);
  const tip = (p: Point) =>
    `${p.label}\n${Math.round(p.latency!)} ms, ${
      accuracyKey === "passRate" ? `${Math.round(p.accuracy!)}%` : p.accuracy!.toFixed(2)
    }`;
  return chart({
    title: "Accuracy vs latency: the Pareto frontier",
    subtitle:
      "One point per model × variant (colour = model, shape = variant); the grey step line " +
      "joins the points no other point beats on both speed and accuracy" +
      (options.budgetMs === undefined ? "" : `; dashed = latency budget (${options.budgetMs} ms)`),
    caption: synthetic ? "Synthetic (offline) models: latencies are simulated." : undefined,
    width: 760,
    height: 440,
    marginLeft: 56,
    marginRight: 40,
    grid: true,
    x: { label: LATENCY_LABEL[latencyKey], domain: [0, maxLatency * 1.15], nice: true },
    y: accuracyKey === "passRate"
      ? { label: "pass rate (% of samples)", domain: [0, 100] }
      : { label: "weighted accuracy (−1 to 1)", domain: [-1, 1] },
    color: { ...modelColorScale(run), legend: true },
    symbol: { domain: variants, legend: variants.length > 1 },
    marks: [
      Plot.line(frontier, {
        x: "latency",
        y: "accuracy",
        curve: "step-after",
        stroke: "#6b7280",
        strokeWidth: 1.5,
      }),
      options.budgetMs === undefined ? null : Plot.ruleX([options.budgetMs], {
        stroke: "#d8362b",
        strokeDasharray: "6,4",
      }),
      options.budgetMs === undefined ? null : Plot.text([options.budgetMs], {
        x: (d: number) => d,
        frameAnchor: "top",
        text: (d: number) => `budget ${d} ms`,
        fill: "#d8362b",
        textAnchor: "start",
        dx: 4,
        dy: 4,
      }),
      Plot.dot(valid, {
        x: "latency",
        y: "accuracy",
        fill: "model",
        symbol: "variant",
        stroke: "black",
        strokeWidth: 0.8,
        r: 7,
        title: tip,
      }),
      best === null ? null : Plot.dot([best], {
        x: "latency",
        y: "accuracy",
        r: 14,
        stroke: "#d8362b",
        strokeWidth: 2,
      }),
      Plot.text(best === null ? [] : [best], {
        frameAnchor: "bottom-right",
        text: (p: Point) => `◯ best under ${options.budgetMs} ms: ${p.label}`,
        dx: -8,
        dy: -8,
        fill: "#d8362b",
        fontWeight: "bold",
        fontSize: 12,
      }),
      valid.length === 0
        ? Plot.text(["no model with both a latency and an accuracy"], { frameAnchor: "middle" })
        : null,
    ],
  });
}
