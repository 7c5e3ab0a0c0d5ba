/**
 * Core against edge failures: does a model miss the specified behaviour, or
 * only the boundaries around it?
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Run } from "../analyze/load_run.ts";
import { type Chart, chart } from "./chart.ts";
import { byModel, modelScale } from "./model_scale.ts";
import { CLICK_HINT, sampleHref, type SampleLinkOptions } from "./sample_links.ts";

/** One bar: the failed cases of one kind for one model (× variant). */
interface KindBar {
  /** `model`, or `model · variant` when the run has several variants. */
  label: string;
  model: string;
  kind: "core" | "edge";
  /** Failed cases of this kind (fail, error or missing), over every sample. */
  failed: number;
  /** Cases of this kind, over every sample. */
  total: number;
  /** failed / total, in %. */
  share: number;
  /** The link to the row's samples in the sample browser; null without links. */
  href: string | null;
}

/**
 * Failed core cases against failed edge cases per model (× variant): for each
 * model a pair of bars, the share (%) of its `core` cases and of its `edge`
 * cases that did not pass (fail, error or missing), over every scored sample,
 * coloured by model (`modelColorScale()`), each labelled with the counts.
 * A model whose edge bar is much longer than its core bar understands the task
 * but misses boundaries (the `almost` bucket); long core bars mean it solves
 * a different problem or crashes. A run that mixes languages has a pair per
 * model × language (`model [py]`). A bar's share is taken over the cases of
 * every sample of its row: it links to those samples in the report's sample
 * browser (`#samples?model=…`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { coreEdgeChart } from "./core_edge.ts";
 * const cases = [
 *   { name: "a", kind: "core", status: "pass", message: "", ms: 1 },
 *   { name: "b", kind: "edge", status: "fail", message: "x", ms: 1 },
 * ] as const;
 * const result = { task: "t", model: "m", variant: "plain", sample: 0, cases: [...cases] };
 * const c = coreEdgeChart({ manifest: { models: [{ spec: "m", synthetic: false }] }, results: [result] });
 * assert(c.html.includes("Failed core vs edge cases") && c.html.includes("1 of 1"));
 * ```
 *
 * @param run The run (its results; its manifest orders the model colours).
 * @param options Links to the samples (the run's label in a comparison report).
 * @returns The chart.
 */
export function coreEdgeChart(
  run: {
    manifest: Pick<Run["manifest"], "models">;
    results: readonly (
      & Pick<Run["results"][number], "task" | "model" | "variant" | "sample" | "cases">
      & { language?: string }
    )[];
  },
  options: SampleLinkOptions = {},
): Chart {
  const variants = new Set(run.results.map((r) => r.variant));
  // A run that mixes languages has a pair of bars per model × language.
  const languages = new Set(run.results.map((r) => r.language ?? "ts"));
  const label = (r: { model: string; variant: string; language?: string }) =>
    (variants.size > 1 ? `${r.model} · ${r.variant}` : r.model) +
    (languages.size > 1 ? ` [${r.language ?? "ts"}]` : "");
  const color = modelScale(run.manifest.models, run.results);
  const labels = [...new Set(byModel(run.results, color.domain).map(label))];
  const bars: KindBar[] = labels.flatMap((l) => {
    const rows = run.results.filter((r) => label(r) === l);
    return (["core", "edge"] as const).map((kind) => {
      const cases = rows.flatMap((r) => r.cases.filter((c) => c.kind === kind));
      const failed = cases.filter((c) => c.status !== "pass").length;
      const href = sampleHref({
        model: rows[0].model,
        variant: variants.size > 1 ? rows[0].variant : undefined,
        language: languages.size > 1 ? rows[0].language ?? "ts" : undefined,
      }, options);
      return {
        label: l,
        href,
        model: rows[0].model,
        kind,
        failed,
        total: cases.length,
        share: cases.length ? (100 * failed) / cases.length : 0,
      };
    });
  });
  const synthetic = run.manifest.models.some((m) => m.synthetic);
  const longest = Math.max(...labels.map((l) => l.length), 8);
  const max = Math.max(10, ...bars.map((b) => b.share));
  return chart({
    title: "Failed core vs edge cases",
    subtitle: "Share of test cases that did not pass, by kind: core = the specified behaviour, " +
      "edge = boundaries (empty, unicode, huge, negative…); solid = core, light = edge",
    caption: synthetic ? "Synthetic (offline) models: not real LLM output." : undefined,
    width: 760,
    height: 50 + 58 * Math.max(1, labels.length),
    marginLeft: Math.min(320, 16 + 6.5 * longest),
    marginRight: 150,
    x: {
      label: "failed cases (% of the kind's cases)",
      domain: [0, Math.min(100, Math.ceil(max / 10) * 10)],
      grid: true,
    },
    y: { axis: null, domain: ["core", "edge"] },
    fy: labels.length
      ? {
        label: (variants.size > 1 ? "model · variant" : "model") +
          (languages.size > 1 ? " [language]" : ""),
        domain: labels,
        axis: "left",
      }
      : undefined,
    color: { ...color, legend: true },
    marks: bars.length === 0 ? [Plot.text(["no scored samples"], { frameAnchor: "middle" })] : [
      Plot.barX(bars, {
        x: "share",
        y: "kind",
        fy: "label",
        fill: "model",
        fillOpacity: (d: KindBar) => (d.kind === "core" ? 1 : 0.55),
        inset: 1,
        title: (d: KindBar) =>
          `${d.label}\n${d.kind}: ${d.failed} of ${d.total} failed` +
          (d.href ? `\n${CLICK_HINT}` : ""),
        href: "href",
      }),
      Plot.text(bars, {
        x: "share",
        y: "kind",
        fy: "label",
        text: (d: KindBar) => `${d.kind}: ${Math.round(d.share)}% (${d.failed} of ${d.total})`,
        textAnchor: "start",
        dx: 5,
      }),
      Plot.ruleX([0]),
    ],
  });
}
