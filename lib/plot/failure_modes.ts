/**
 * The failure taxonomy per model: how each model's failed samples split into
 * primary categories.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import { failedSamples, FAILURE_LABELS, type FailureLabel } from "../analyze/failure_modes.ts";
import { columnLabel } from "../analyze/column_label.ts";
import type { Run } from "../analyze/load_run.ts";
import { sampleKey } from "../record/sample_key.ts";
import { type Chart, chart } from "./chart.ts";
import { modelScale } from "./model_scale.ts";
import { CLICK_HINT, sampleHref, type SampleLinkOptions } from "./sample_links.ts";

/**
 * One fixed colour per failure label, in {@link FAILURE_LABELS} order: greys for
 * no code, purples for structural faults (syntax, interface), magenta for
 * hallucinated APIs, warm colours for runtime faults (timeout, resource,
 * crash), blues and teal for behavioural ones (boundary, misunderstanding,
 * partial), light grey for unclassified.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FAILURE_LABELS } from "../analyze/failure_modes.ts";
 * import { FAILURE_COLORS } from "./failure_modes.ts";
 * assert.equal(new Set(FAILURE_LABELS.map((label) => FAILURE_COLORS[label])).size, FAILURE_LABELS.length);
 * ```
 */
export const FAILURE_COLORS: Readonly<Record<FailureLabel, string>> = {
  generation_error: "#111827",
  no_code: "#6b7280",
  syntax: "#5b21b6",
  wrong_interface: "#a78bfa",
  hallucinated_api: "#db2777",
  timeout: "#92400e",
  resource: "#f59e0b",
  crash: "#dc2626",
  boundary: "#93c5fd",
  misunderstanding: "#1d4ed8",
  partial: "#0d9488",
  unclassified: "#d1d5db",
};

/** Labels whose colour is light: their percentages are written in dark text. */
const LIGHT = new Set<FailureLabel>(["wrong_interface", "resource", "boundary", "unclassified"]);

/** Options for {@link failureModesChart}. */
export interface FailureModesChartOptions extends SampleLinkOptions {
  /** The title. @default "Failure modes per model" */
  title?: string;
}

/** One bar segment. */
interface Segment {
  label: string;
  model: string;
  /** The samples' link to the sample browser; null without links. */
  href: string | null;
  category: FailureLabel;
  count: number;
  failed: number;
  share: number;
}

/**
 * Failure modes per model × variant: one horizontal bar per row, stacked by
 * the share of its failed samples in each primary category (precedence order,
 * fixed {@link FAILURE_COLORS}), with a square in the model's colour (the
 * run's `modelColorScale()`, as in every other chart) before each row, and
 * "k of n failed" after it. A row without failures says so. A run that mixes
 * languages has a row per model × language (`model [py]`). Each segment links
 * to its samples in the report's sample browser (`#samples?model=…&category=…`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../analyze/load_run.ts";
 * import { failureModesChart } from "./failure_modes.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const c = failureModesChart(run);
 * assert(c.html.includes("Failure modes per model") && c.html.includes("<rect"));
 * ```
 *
 * @param run The run (manifest for colours and the synthetic flag, results, generations).
 * @param options The title; links to the samples (the run's label in a comparison report).
 * @returns The chart.
 */
export function failureModesChart(
  run:
    & { manifest: Pick<Run["manifest"], "models"> }
    & Pick<Run, "results">
    & Partial<Pick<Run, "generations">>,
  options: FailureModesChartOptions = {},
): Chart {
  const failed = failedSamples(run);
  const variants = new Set(run.results.map((r) => r.variant));
  // A run that mixes languages has a row per model × language, as its summary has.
  const languageOf = new Map(run.results.map((r) => [sampleKey(r), r.language ?? "ts"]));
  const languages = new Set(languageOf.values());
  const label = (r: { model: string; variant: string; language?: string }) =>
    (variants.size > 1 ? `${r.model} · ${r.variant}` : r.model) +
    (languages.size > 1 ? ` [${r.language ?? "ts"}]` : "");
  const failedLabel = (f: { task: string; model: string; variant: string; sample: number }) =>
    label({ ...f, language: languageOf.get(sampleKey(f)) });
  const color = modelScale(run.manifest.models, run.results);
  const rank = (m: string) => color.domain.indexOf(m);
  const rows = [
    ...new Map(run.results.map((r) => [label(r), {
      label: label(r),
      model: r.model,
      variant: r.variant,
      language: r.language ?? "ts",
    }])).values(),
  ].sort((a, b) => rank(a.model) - rank(b.model));
  const labels = rows.map((r) => r.label);
  const samples = (l: string) => run.results.filter((r) => label(r) === l).length;
  const segments: Segment[] = rows.flatMap(({ label: l, model, variant, language }) => {
    const mine = failed.filter((f) => failedLabel(f) === l);
    return FAILURE_LABELS.map((category) => {
      const count = mine.filter((f) => f.category === category).length;
      const href = sampleHref({
        model,
        variant: variants.size > 1 ? variant : undefined,
        language: languages.size > 1 ? language : undefined,
        category,
      }, options);
      return {
        label: l,
        model,
        href,
        category,
        count,
        failed: mine.length,
        share: mine.length ? (100 * count) / mine.length : 0,
      };
    }).filter((s) => s.count > 0);
  });
  const shown = FAILURE_LABELS.filter((c) => segments.some((s) => s.category === c));
  const synthetic = run.manifest.models.some((m) => m.synthetic);
  const longest = Math.max(5, ...labels.map((l) => l.length));
  const pct = (d: Segment) => `${Math.round(d.share)}%`;
  const tail = (l: string) => {
    const n = samples(l);
    const k = failed.filter((f) => failedLabel(f) === l).length;
    return k === 0 ? `no failures (n=${n})` : `${k} of ${n} failed`;
  };
  return chart({
    title: options.title ?? "Failure modes per model",
    subtitle: "Share of each model's failed samples by primary failure category " +
      "(the first category with evidence, in precedence order)",
    caption: synthetic ? "Synthetic (offline) models: not real LLM output." : undefined,
    width: 760,
    height: 60 + 36 * Math.max(1, labels.length),
    marginLeft: Math.min(340, 30 + 6.5 * longest),
    marginRight: 120,
    x: { label: "share of failed samples (%)", domain: [0, 100], grid: true },
    y: { domain: labels, label: null },
    color: {
      type: "ordinal",
      domain: shown,
      range: shown.map((c) => FAILURE_COLORS[c]),
      legend: true,
      tickFormat: (c: string) => columnLabel(c), // categories in words: "hallucinated API"
    },
    marks: [
      Plot.axisY({
        tickSize: 0,
        tickPadding: 20,
        label: (variants.size > 1 ? "model · variant" : "model") +
          (languages.size > 1 ? " [language]" : ""),
      }),
      Plot.barX(segments, {
        x: "share",
        y: "label",
        fill: "category",
        order: shown,
        inset: 0.5,
        title: (d: Segment) =>
          `${d.label}\n${columnLabel(d.category)}: ${d.count} of ${d.failed} failed (${pct(d)})` +
          (d.href ? `\n${CLICK_HINT}` : ""),
        href: "href",
      }),
      Plot.text(
        segments,
        Plot.stackX({
          x: "share",
          y: "label",
          z: "category",
          order: shown,
          text: (d: Segment) => (d.share >= 9 ? pct(d) : ""),
          fill: (d: Segment) => (LIGHT.has(d.category) ? "#111827" : "white"),
          fontWeight: "bold",
          pointerEvents: "none",
        }),
      ),
      // The model's colour, as in the run's other charts.
      Plot.dot(rows, {
        x: 0,
        y: "label",
        symbol: "square",
        r: 5,
        dx: -12,
        fill: (r: { model: string }) => color.range[rank(r.model)] ?? "#9ca3af",
        title: (r: { model: string }) => r.model,
      }),
      Plot.text(labels, {
        x: 100,
        y: (l: string) => l,
        text: tail,
        textAnchor: "start",
        dx: 6,
      }),
      Plot.ruleX([0]),
    ],
  });
}
