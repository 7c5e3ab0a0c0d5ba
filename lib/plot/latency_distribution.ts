/**
 * Latency distributions per model (× variant): what a user waits for, not
 * only the average.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Run } from "../analyze/load_run.ts";
import { type Chart, chart } from "./chart.ts";
import { sampleKey } from "../record/sample_key.ts";
import { byModel, modelScale } from "./model_scale.ts";
import { sampleHref, type SampleLinkOptions } from "./sample_links.ts";

/** The per-sample latency measures {@link latencyDistributionChart} can show. */
export type LatencyMetric = "ttftMs" | "totalMs" | "tokensPerSec";

/** Options for {@link latencyDistributionChart}. */
export interface LatencyDistributionOptions extends SampleLinkOptions {
  /** The measure. @default "totalMs" */
  metric?: LatencyMetric;
  /** The title. @default by metric, e.g. "Time to first token per model" */
  title?: string;
}

const AXIS: Record<LatencyMetric, { title: string; label: string; what: string }> = {
  ttftMs: {
    title: "Time to first token per model",
    label: "time to first token (ms)",
    what: "how long the user stares at nothing",
  },
  totalMs: {
    title: "Total generation time per model",
    label: "total generation time (ms)",
    what: "request sent to the last token",
  },
  tokensPerSec: {
    title: "Streaming speed per model",
    label: "completion tokens per second (tokens/s)",
    what: "after the first token; higher is better",
  },
};

/** One sample's measure. */
interface Value {
  label: string;
  model: string;
  task: string;
  sample: number;
  value: number;
  /** The sample's link to the sample browser; null without links. */
  href: string | null;
}

/**
 * The distribution of one latency measure per model (× variant): every sample
 * as a thin tick, with a box (interquartile range, median line, whiskers to
 * 1.5 × IQR, outliers as dots) on top, coloured by model
 * (`modelColorScale()`), and the median and p90 written beside each row.
 * Cached samples and generation errors are left out (DESIGN.md: latency
 * statistics exclude them). A run that mixes languages has a row per model ×
 * language (`model [py]`; the language comes from the results). Each tick
 * links to its sample in the report's sample browser (`#samples?sample=<key>`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { latencyDistributionChart } from "./latency_distribution.ts";
 * const g = (sample: number, ttftMs: number) =>
 *   ({ task: "t", model: "m", variant: "plain", sample, ttftMs, totalMs: 2 * ttftMs, tokensPerSec: 50, cached: false, error: null });
 * const run = { manifest: { models: [{ spec: "m", synthetic: false }] }, generations: [g(0, 100), g(1, 140), g(2, 90)] };
 * const c = latencyDistributionChart(run, { metric: "ttftMs" });
 * assert(c.html.includes("Time to first token per model") && c.html.includes("time to first token (ms)"));
 * ```
 *
 * @param run The run (its generations; its results give each sample's language; its manifest
 *   orders the model colours).
 * @param options The measure, the title, links to the samples.
 * @returns The chart.
 */
export function latencyDistributionChart(
  run: {
    manifest: Pick<Run["manifest"], "models">;
    generations: readonly Pick<
      Run["generations"][number],
      | "task"
      | "model"
      | "variant"
      | "sample"
      | "ttftMs"
      | "totalMs"
      | "tokensPerSec"
      | "cached"
      | "error"
    >[];
    results?: readonly (Pick<Run["results"][number], "task" | "model" | "variant" | "sample"> & {
      language?: string;
    })[];
  },
  options: LatencyDistributionOptions = {},
): Chart {
  const metric = options.metric ?? "totalMs";
  const axis = AXIS[metric];
  const variants = new Set(run.generations.map((g) => g.variant));
  const languageOf = new Map((run.results ?? []).map((r) => [sampleKey(r), r.language ?? "ts"]));
  const languages = new Set(languageOf.values());
  const label = (g: { task: string; model: string; variant: string; sample: number }) =>
    (variants.size > 1 ? `${g.model} · ${g.variant}` : g.model) +
    (languages.size > 1 ? ` [${languageOf.get(sampleKey(g)) ?? "?"}]` : "");
  const values: Value[] = run.generations.flatMap((g) => {
    const value = g[metric];
    if (g.cached || g.error !== null || value === null || !Number.isFinite(value)) return [];
    const href = sampleHref({ sample: sampleKey(g) }, options);
    return [{ label: label(g), model: g.model, task: g.task, sample: g.sample, value, href }];
  });
  const color = modelScale(run.manifest.models, run.generations);
  const labels = [...new Set(byModel(run.generations, color.domain).map(label))];
  const quantile = (xs: number[], p: number) => {
    const s = [...xs].sort((a, b) => a - b);
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    return s[lo] + (h - lo) * (s[Math.min(lo + 1, s.length - 1)] - s[lo]);
  };
  const stats = labels.flatMap((l) => {
    const xs = values.filter((v) => v.label === l).map((v) => v.value);
    return xs.length
      ? [{ label: l, p50: quantile(xs, 0.5), p90: quantile(xs, 0.9), n: xs.length }]
      : [];
  });
  const unit = metric === "tokensPerSec" ? " tok/s" : " ms";
  const synthetic = run.manifest.models.some((m) => m.synthetic);
  const longest = Math.max(...labels.map((l) => l.length), 8);
  return chart({
    title: options.title ?? axis.title,
    subtitle: `${axis.what[0].toUpperCase()}${axis.what.slice(1)}. One tick per sample; ` +
      "box = quartiles, line = median; cached samples and errors excluded",
    caption: synthetic ? "Synthetic (offline) models: latencies are simulated." : undefined,
    width: 760,
    height: 60 + 44 * Math.max(1, labels.length),
    marginLeft: Math.min(320, 16 + 6.5 * longest),
    marginRight: 210,
    x: { label: axis.label, zero: true, nice: true, grid: true },
    y: {
      label: (variants.size > 1 ? "model · variant" : "model") +
        (languages.size > 1 ? " [language]" : ""),
      domain: labels,
    },
    color: { ...color, legend: true },
    marks: [
      Plot.tickX(values, {
        x: "value",
        y: "label",
        stroke: "model",
        strokeOpacity: 0.35,
        title: (v: Value) =>
          `${v.label}\n${v.task} #${v.sample}: ${Math.round(v.value)}${unit}` +
          (v.href ? "\n(click: open this sample)" : ""),
        href: "href",
      }),
      Plot.boxX(values, {
        x: "value",
        y: "label",
        fill: "model",
        fillOpacity: 0.45,
        stroke: "#374151",
        r: 2.5,
        pointerEvents: "none", // the ticks under the box stay clickable
      }),
      Plot.text(stats, {
        frameAnchor: "right",
        y: "label",
        text: (s: { p50: number; p90: number; n: number }) =>
          `p50 ${Math.round(s.p50)} · p90 ${Math.round(s.p90)}${unit} (n=${s.n})`,
        textAnchor: "start",
        dx: 10,
      }),
      values.length === 0 ? Plot.text(["no uncached samples"], { frameAnchor: "middle" }) : null,
    ],
  });
}
