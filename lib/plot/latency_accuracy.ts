/**
 * Latency against accuracy, per sample: is the slow model also the better one?
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Run } from "../analyze/load_run.ts";
import { formatFixed } from "../analyze/number_format.ts";
import { sampleKey } from "../record/sample_key.ts";
import { type Chart, chart } from "./chart.ts";
import { modelColorScale } from "./model_colors.ts";
import { sampleHref, type SampleLinkOptions } from "./sample_links.ts";

/** A plotted point: one sample, or one model's mean. */
interface Point {
  model: string;
  totalMs: number;
  weightedAccuracy: number;
  label: string;
  /** A sample's link to the sample browser (`#samples?sample=<key>`); null for a mean or without links. */
  href: string | null;
}

/**
 * Scatter of per-sample total generation time (ms, x) against weighted
 * accuracy (y, [-1, 1]), coloured by model (the run's
 * {@link modelColorScale}), with each model's mean as a large outlined
 * diamond. Cached samples, generation errors and samples without a result are
 * left out (as in the latency statistics of `summarize()`). Each dot links to
 * its sample in the report's sample browser (`#samples?sample=<sampleKey>`);
 * a mean, which stands for no filter the browser has, does not.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { latencyAccuracyChart } from "./latency_accuracy.ts";
 * const run = { manifest: { models: [] }, generations: [], results: [] };
 * assert(latencyAccuracyChart(run).html.includes("<svg"));
 * ```
 *
 * @param run The run.
 * @param options Links to the samples (the run's label in a comparison report).
 * @returns The chart.
 */
export function latencyAccuracyChart(
  run: { manifest: Pick<Run["manifest"], "models"> } & Pick<Run, "generations" | "results">,
  options: SampleLinkOptions = {},
): Chart {
  const key = sampleKey;
  const results = new Map(run.results.map((r) => [key(r), r]));
  const points: Point[] = run.generations.flatMap((g) => {
    const r = results.get(key(g));
    if (!r || g.cached || g.error !== null) return [];
    return [{
      model: g.model,
      totalMs: g.totalMs,
      weightedAccuracy: r.weightedAccuracy,
      label: `${g.task} #${g.sample} (${g.variant})`,
      href: sampleHref({ sample: key(g) }, options),
    }];
  });
  const models = [...new Set(points.map((p) => p.model))];
  const means: Point[] = models.map((model) => {
    const mine = points.filter((p) => p.model === model);
    const avg = (f: (p: Point) => number) => mine.reduce((s, p) => s + f(p), 0) / mine.length;
    return {
      model,
      totalMs: avg((p) => p.totalMs),
      weightedAccuracy: avg((p) => p.weightedAccuracy),
      label: `mean of ${mine.length}`,
      href: null,
    };
  });
  const synthetic = run.manifest.models.some((m) => m.synthetic);
  const tip = (p: Point) =>
    `${p.model}\n${p.label}\n${Math.round(p.totalMs)} ms, weighted accuracy ${
      formatFixed(p.weightedAccuracy, 2)
    }${p.href ? "\n(click: open this sample)" : ""}`;
  return chart({
    title: "Latency vs weighted accuracy",
    subtitle:
      "One dot per sample (cached samples and generation errors excluded); ◆ = the model's mean",
    caption: synthetic ? "Synthetic (offline) models: latencies are simulated." : undefined,
    width: 760,
    height: 420,
    marginLeft: 50,
    grid: true,
    x: { label: "total generation time (ms)", zero: true, nice: true },
    y: { label: "weighted accuracy (−1 to 1)", domain: [-1, 1] },
    color: { ...modelColorScale(run), legend: true },
    marks: [
      Plot.ruleY([0], { stroke: "#9ca3af" }),
      Plot.dot(points, {
        x: "totalMs",
        y: "weightedAccuracy",
        fill: "model",
        fillOpacity: 0.65,
        r: 5,
        title: tip,
        href: "href",
      }),
      Plot.dot(means, {
        x: "totalMs",
        y: "weightedAccuracy",
        fill: "model",
        stroke: "black",
        strokeWidth: 1.5,
        symbol: "diamond",
        r: 9,
        title: tip,
      }),
      points.length === 0
        ? Plot.text(["no uncached samples with results"], { frameAnchor: "middle" })
        : null,
    ],
  });
}
