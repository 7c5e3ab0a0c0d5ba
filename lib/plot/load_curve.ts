/**
 * Latency under load: time to first token (or total time) against
 * concurrency, per model, at the median and the 95th percentile.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { LoadLevel } from "../record/load_level.ts";
import { type Chart, chart } from "./chart.ts";
import { modelScale } from "./model_scale.ts";

/** One model's measurement at one concurrency level (a {@link LoadLevel} with its model). */
export type LoadCurveRow = LoadLevel & {
  /** The model spec. */
  model: string;
};

/** Options for {@link loadCurveChart}. */
export interface LoadCurveOptions {
  /** The measure: time to first token or total time. @default "ttft" */
  metric?: "ttft" | "total";
  /** Model specs in colour order (pass the run's models so colours match its other charts). @default the rows' models */
  models?: readonly string[];
  /** Say the models are synthetic (their latency is simulated). @default false */
  synthetic?: boolean;
}

/** One plotted point. */
interface CurvePoint {
  model: string;
  line: string;
  percentile: "p50" | "p95";
  concurrency: number;
  ms: number;
}

/**
 * The load curve: p50 (solid) and p95 (dashed) of time to first token (or
 * total time) against the number of requests in flight (log₂ axis), one colour
 * per model (`modelColorScale()`); a flat curve degrades gracefully, a
 * steep one queues. Levels without a value (every request failed) leave a gap.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadCurveChart } from "./load_curve.ts";
 * const level = (concurrency: number, ms: number) => ({ model: "m", concurrency, requests: 8, errors: 0, wallMs: 1,
 *   throughputRps: 1, tokensPerSec: 1, ttftP50: ms, ttftP95: 2 * ms, totalP50: 3 * ms, totalP95: 4 * ms });
 * const c = loadCurveChart([level(1, 50), level(2, 60), level(4, 120)]);
 * assert(c.html.includes("Time to first token under load") && c.html.includes("<path"));
 * ```
 *
 * @param rows Measurements, e.g. `measureLoad()`'s levels each with its `model`.
 * @param options The measure, the colour order and the synthetic flag.
 * @returns The chart.
 */
export function loadCurveChart(
  rows: readonly LoadCurveRow[],
  options: LoadCurveOptions = {},
): Chart {
  const metric = options.metric ?? "ttft";
  // Colours as in the run's other charts; the legend lists only the models measured.
  const full = modelScale(options.models ?? [], rows);
  const measured = full.domain.flatMap((m, i) =>
    rows.some((r) => r.model === m) ? [[m, full.range[i]] as const] : []
  );
  const color = {
    type: "ordinal" as const,
    domain: measured.map(([m]) => m),
    range: measured.map(([, c]) => c),
  };
  const points: CurvePoint[] = rows.flatMap((r) =>
    (["p50", "p95"] as const).flatMap((percentile) => {
      const ms = metric === "ttft"
        ? (percentile === "p50" ? r.ttftP50 : r.ttftP95)
        : (percentile === "p50" ? r.totalP50 : r.totalP95);
      return ms === null ? [] : [{
        model: r.model,
        line: `${r.model} ${percentile}`,
        percentile,
        concurrency: r.concurrency,
        ms,
      }];
    })
  );
  const levels = [...new Set(rows.map((r) => r.concurrency))].sort((a, b) => a - b);
  const ends = [...new Set(points.map((p) => p.line))].map((line) =>
    points.filter((p) => p.line === line).sort((a, b) => b.concurrency - a.concurrency)[0]
  );
  const name = metric === "ttft" ? "time to first token" : "total generation time";
  const tip = (p: CurvePoint) =>
    `${p.model}\n${p.concurrency} in flight: ${p.percentile} ${Math.round(p.ms)} ms`;
  return chart({
    title: metric === "ttft"
      ? "Time to first token under load"
      : "Total generation time under load",
    subtitle: `${name[0].toUpperCase()}${name.slice(1)} at each concurrency level: ` +
      "solid = median (p50), dashed = 95th percentile (p95)",
    caption: options.synthetic ? "Synthetic (offline) model: latencies are simulated." : undefined,
    width: 760,
    height: 400,
    marginLeft: 56,
    marginRight: 60,
    grid: true,
    x: {
      type: "log",
      base: 2,
      label: "concurrent requests (in flight)",
      ticks: levels,
      tickFormat: (d: number) => String(d),
      domain: levels.length ? [levels[0] / 1.3, levels.at(-1)! * 1.3] : [1, 2],
    },
    y: { label: `${name} (ms)`, zero: true, nice: true },
    color: { ...color, legend: true },
    marks: [
      Plot.line(points.filter((p) => p.percentile === "p50"), {
        x: "concurrency",
        y: "ms",
        z: "line",
        stroke: "model",
        strokeWidth: 2,
      }),
      Plot.line(points.filter((p) => p.percentile === "p95"), {
        x: "concurrency",
        y: "ms",
        z: "line",
        stroke: "model",
        strokeWidth: 2,
        strokeDasharray: "6,4",
      }),
      Plot.dot(points, {
        x: "concurrency",
        y: "ms",
        stroke: "model",
        fill: "white",
        r: 3.5,
        title: tip,
      }),
      Plot.text(ends, {
        x: "concurrency",
        y: "ms",
        text: "percentile",
        textAnchor: "start",
        dx: 8,
        fill: "model",
      }),
      points.length === 0 ? Plot.text(["no measurements"], { frameAnchor: "middle" }) : null,
    ],
  });
}
