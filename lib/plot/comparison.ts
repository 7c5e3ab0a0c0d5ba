/**
 * What changed between two runs: the mean change per model × variant with
 * its bootstrap confidence interval (`compareRuns()` rows).
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { ComparisonRow } from "../analyze/compare.ts";
import { type Chart, chart } from "./chart.ts";
import { byModel, modelScale } from "./model_scale.ts";

/** Options for {@link comparisonChart}. */
export interface ComparisonChartOptions {
  /** The title. @default "Change between runs" */
  title?: string;
  /** The compared metric (as given to `compareRuns`). @default "passed" */
  metric?: "passed" | "weightedAccuracy";
  /** What "before" and "after" are, for the subtitle. @default ["run A", "run B"] */
  names?: readonly [string, string];
  /** Model specs in colour order (pass the run's models so colours match its other charts). @default the rows' models */
  models?: readonly string[];
  /** Say the models are synthetic. @default false */
  synthetic?: boolean;
}

/**
 * The change (after − before) per model × variant as a dot, with its
 * bootstrap confidence interval as a bar, coloured by model
 * (`modelColorScale()`); a rule at 0. An interval that crosses 0 means
 * the difference may be noise. Pass rates are shown in percentage points.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { comparisonChart } from "./comparison.ts";
 * const row = { model: "m", variant: "plain", tasks: 6, before: 0.5, after: 0.7, delta: 0.2, low: 0.05, high: 0.35 };
 * const c = comparisonChart([row], { names: ["plain", "checklist"] });
 * assert(c.html.includes("Change between runs") && c.html.includes("+20 pp"));
 * ```
 *
 * @param rows `compareRuns(a, b).rows`.
 * @param options Title, metric, names, colour order, synthetic flag.
 * @returns The chart.
 */
export function comparisonChart(
  rows: readonly ComparisonRow[],
  options: ComparisonChartOptions = {},
): Chart {
  const metric = options.metric ?? "passed";
  const [nameA, nameB] = options.names ?? ["run A", "run B"];
  const scale = metric === "passed" ? 100 : 1;
  const variants = new Set(rows.map((r) => r.variant));
  const label = (r: ComparisonRow) => (variants.size > 1 ? `${r.model} · ${r.variant}` : r.model);
  const shown = rows.map((r) => ({
    ...r,
    label: label(r),
    d: r.delta * scale,
    lo: r.low * scale,
    hi: r.high * scale,
  }));
  type Shown = typeof shown[number];
  const color = modelScale(options.models ?? [], rows);
  const labels = byModel(shown, color.domain).map((r) => r.label);
  const extent = Math.max(
    metric === "passed" ? 10 : 0.1,
    ...shown.flatMap((r) => [Math.abs(r.lo), Math.abs(r.hi)]),
  );
  const limit = metric === "passed" ? Math.min(100, Math.ceil(extent / 10) * 10) : extent * 1.1;
  const format = (v: number) =>
    `${v > 0 ? "+" : v < 0 ? "−" : "±"}${
      metric === "passed" ? `${Math.round(Math.abs(v))} pp` : Math.abs(v).toFixed(2)
    }`;
  const level = (v: number) => (metric === "passed" ? `${Math.round(v * 100)}%` : v.toFixed(2));
  const longest = Math.max(...labels.map((l) => l.length), 8);
  return chart({
    title: options.title ?? "Change between runs",
    subtitle: `${nameB} − ${nameA}: mean over tasks of the ${
      metric === "passed" ? "pass rate" : "weighted accuracy"
    }, with a 95% paired bootstrap interval; an interval across 0 may be noise`,
    caption: options.synthetic ? "Synthetic (offline) models: not real LLM output." : undefined,
    width: 760,
    height: 70 + 40 * Math.max(1, labels.length),
    marginLeft: Math.min(320, 16 + 6.5 * longest),
    marginRight: 170,
    x: {
      label: metric === "passed"
        ? `Δ pass rate, ${nameB} − ${nameA} (percentage points)`
        : `Δ weighted accuracy, ${nameB} − ${nameA}`,
      domain: [-limit, limit],
      grid: true,
    },
    y: { label: variants.size > 1 ? "model · variant" : "model", domain: labels },
    color: { ...color, legend: true },
    marks: [
      Plot.ruleX([0], { stroke: "#374151" }),
      Plot.barX(shown, {
        x1: "lo",
        x2: "hi",
        y: "label",
        fill: "model",
        fillOpacity: 0.3,
        insetTop: 10,
        insetBottom: 10,
      }),
      Plot.dot(shown, {
        x: "d",
        y: "label",
        fill: "model",
        stroke: "black",
        r: 6,
        title: (r: Shown) =>
          `${r.label}: ${format(r.d)} [${format(r.lo)}, ${format(r.hi)}] over ${r.tasks} tasks`,
      }),
      Plot.text(shown, {
        frameAnchor: "right",
        y: "label",
        text: (r: Shown) =>
          `${format(r.d)}  (${level(r.before)} → ${level(r.after)}, ${r.tasks} tasks)`,
        textAnchor: "start",
        dx: 8,
      }),
      shown.length === 0
        ? Plot.text(["nothing in common to compare"], { frameAnchor: "middle" })
        : null,
    ],
  });
}
