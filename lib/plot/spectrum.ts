/**
 * The accuracy spectrum: how a model's samples split into correct / almost / wrong.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Run } from "../analyze/load_run.ts";
import { type Chart, chart } from "./chart.ts";
import { CLICK_HINT, sampleHref, type SampleLinkOptions } from "./sample_links.ts";

/** The spectrum buckets, in stacking order. */
export const BUCKETS = ["correct", "almost", "wrong"] as const;
/** Fixed bucket colours: green, amber, red. */
export const BUCKET_COLORS: readonly string[] = ["#2e9e4f", "#f2a900", "#d8362b"];

/** One bar segment of the spectrum. */
interface Segment {
  label: string;
  /** The samples' link to the sample browser; null without links. */
  href: string | null;
  bucket: (typeof BUCKETS)[number];
  count: number;
  n: number;
  share: number;
}

/**
 * The accuracy spectrum per model × variant (× language, `[ts]`/`[py]`, when the run mixes
 * languages): horizontal bars stacked by the
 * share of samples (%) in each bucket (correct green, almost amber, wrong red),
 * with a legend, a title, and the sample count per row. Each segment links to
 * its samples in the report's sample browser (`#samples?model=…&bucket=…`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { BUCKET_COLORS, BUCKETS, spectrumChart } from "./spectrum.ts";
 * import type { Run } from "../analyze/load_run.ts";
 * const run = { manifest: { models: [] }, results: [] };
 * assert(spectrumChart(run).html.includes("Accuracy spectrum"));
 * assert(BUCKETS[0] === "correct" && BUCKET_COLORS.length === BUCKETS.length);
 * const result = (language: "ts" | "py") => ({ model: "m", variant: "plain", language, bucket: "correct" }) as Run["results"][number];
 * const mixed = spectrumChart({ manifest: { models: [] }, results: [result("ts"), result("py")] });
 * assert.match(mixed.html, /m \[ts\]/);
 * assert.match(mixed.html, /m \[py\]/);
 * ```
 *
 * @param run The run (its results; its manifest says whether models are synthetic).
 * @param options Links to the samples (the run's label in a comparison report).
 * @returns The chart.
 */
export function spectrumChart(
  run: { manifest: Pick<Run["manifest"], "models"> } & Pick<Run, "results">,
  options: SampleLinkOptions = {},
): Chart {
  const variants = new Set(run.results.map((r) => r.variant));
  // A run that mixes languages has a bar per language, as its summary has a row per language.
  const languages = new Set(run.results.map((r) => r.language ?? "ts"));
  const label = (r: Run["results"][number]) =>
    [r.model, ...(variants.size > 1 ? [r.variant] : [])].join(" · ") +
    (languages.size > 1 ? ` [${r.language ?? "ts"}]` : "");
  const labels = [...new Set(run.results.map(label))];
  const segments: Segment[] = labels.flatMap((l) => {
    const rows = run.results.filter((r) => label(r) === l);
    const first = rows[0];
    return BUCKETS.map((bucket) => {
      const count = rows.filter((r) => r.bucket === bucket).length;
      const href = sampleHref({
        model: first.model,
        variant: variants.size > 1 ? first.variant : undefined,
        language: languages.size > 1 ? first.language ?? "ts" : undefined,
        bucket,
      }, options);
      return { label: l, href, bucket, count, n: rows.length, share: (100 * count) / rows.length };
    });
  });
  const synthetic = run.manifest.models.some((m) => m.synthetic);
  const longest = Math.max(5, ...labels.map((l) => l.length));
  const pct = (d: Segment) => `${Math.round(d.share)}%`;
  return chart({
    title: "Accuracy spectrum",
    subtitle:
      "Share of samples whose tests all pass (correct), nearly pass (almost) or fail (wrong)",
    caption: synthetic ? "Synthetic (offline) models: not real LLM output." : undefined,
    width: 760,
    height: 60 + 36 * Math.max(1, labels.length),
    marginLeft: Math.min(320, 12 + 6.5 * longest),
    marginRight: 60,
    x: { label: "share of samples (%)", domain: [0, 100], grid: true },
    y: {
      label: (variants.size > 1 ? "model · variant" : "model") +
        (languages.size > 1 ? " [language]" : ""),
      domain: labels,
    },
    color: { type: "ordinal", domain: [...BUCKETS], range: [...BUCKET_COLORS], legend: true },
    marks: [
      Plot.barX(segments, {
        x: "share",
        y: "label",
        fill: "bucket",
        order: [...BUCKETS],
        inset: 0.5,
        title: (d: Segment) =>
          `${d.label}\n${d.bucket}: ${d.count} of ${d.n} (${pct(d)})${
            d.href ? `\n${CLICK_HINT}` : ""
          }`,
        href: "href",
      }),
      Plot.text(
        segments,
        Plot.stackX({
          x: "share",
          y: "label",
          z: "bucket",
          order: [...BUCKETS],
          text: (d: Segment) => (d.share >= 8 ? pct(d) : ""),
          fill: "white",
          fontWeight: "bold",
          pointerEvents: "none",
        }),
      ),
      Plot.text(labels, {
        x: 100,
        y: (l: string) => l,
        text: (l: string) => `n=${segments.find((s) => s.label === l)!.n}`,
        textAnchor: "start",
        dx: 6,
      }),
      Plot.ruleX([0]),
    ],
  });
}
