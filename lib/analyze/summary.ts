/**
 * Per (model, variant) summaries of a run: accuracy (pass rate, pass fraction,
 * weighted accuracy, spectrum counts) beside latency percentiles and what the requests cost.
 *
 * @module
 */
import type { Run } from "./load_run.ts";
import { percentile } from "../score/percentile.ts";
import type { PriceTable } from "../model/prices.ts";
import { type CostFields, groupCost, type RunManifestPrices, runPricing } from "./cost.ts";

export { percentile } from "../score/percentile.ts";
import { sampleKey } from "../record/sample_key.ts";

/** One row of {@link summarize}: a model × variant. Rates and means are null without results. */
export interface SummaryRow extends CostFields {
  /** The model spec, `provider:model`. */
  model: string;
  /** The prompt variant. */
  variant: string;
  /**
   * The tasks' language, when the run holds tasks of more than one (then a row is a model ×
   * variant × language); absent otherwise.
   */
  language?: string;
  /** True when any generation of the row came from the synthetic (offline) model. */
  synthetic: boolean;
  /** Scored samples `n`: every judged result, failed generations included (a task that could not be judged is not). */
  samples: number;
  /** Share of samples whose every case passed, in [0, 1]. */
  passRate: number | null;
  /** Mean share of cases passed, in [0, 1]. */
  passFraction: number | null;
  /** Mean weighted accuracy, in [-1, 1]. */
  weightedAccuracy: number | null;
  /** Samples in the `correct` bucket. */
  correct: number;
  /** Samples in the `almost` bucket. */
  almost: number;
  /** Samples in the `wrong` bucket. */
  wrong: number;
  /** Samples whose request finally failed (outcome `generation_error`): in `samples`, scored as no code. */
  generationErrors: number;
  /** Median time to first token, ms (uncached, error-free generations). */
  ttftP50: number | null;
  /** 90th percentile time to first token, ms. */
  ttftP90: number | null;
  /** Median total generation time, ms. */
  totalP50: number | null;
  /** 90th percentile total generation time, ms. */
  totalP90: number | null;
  /** Median completion tokens per second. */
  tokensPerSecP50: number | null;
  /** Generations served from the cache (left out of the latency columns). */
  cached: number;
  /** Retried requests, in all. */
  retries: number;
  /** Time spent on failed attempts and backoff, ms in all (reported apart from latency). */
  retryMs: number;
}

/**
 * Summarise a run: one {@link SummaryRow} per (model, variant), in order of
 * first appearance (generations, then results). Latency statistics exclude
 * cached generations and generations with an error. Cost (lib/analyze/cost.ts) is what the
 * row's uncached requests spent: cached generations spent nothing now and are counted apart
 * (`cached`); a model without a price has `costUsd` null. Prices: `options.prices` (`--prices`),
 * else those the run recorded in its manifest, else the built-in table.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { percentile, summarize, type SummaryRow } from "./summary.ts";
 * const rows: SummaryRow[] = summarize({ generations: [], results: [] });
 * assert(rows.length === 0);
 * assert(percentile(rows.map((row) => row.passRate ?? 0), 0.5) === null);
 * // A run with Python and TypeScript tasks: one row per language.
 * import type { ResultRecord } from "../record/result.ts";
 * const result = (task: string, language: "ts" | "py", passed: boolean): ResultRecord => ({
 *   task, model: "m", variant: "plain", sample: 0, language, outcome: "completed", detail: "",
 *   cases: [], passed, passFraction: passed ? 1 : 0, weightedAccuracy: passed ? 1 : -1,
 *   bucket: passed ? "correct" : "wrong", execMs: 1, failure: null, stderr: "",
 * });
 * const mixed = summarize({ generations: [], results: [result("a", "ts", true), result("b", "py", false)] });
 * assert.deepEqual(mixed.map((r) => [r.language, r.passRate]), [["ts", 1], ["py", 0]]);
 * assert.equal(mixed[0].costUsd, null); // model "m" has no price
 * ```
 *
 * @param run The run's generations and results (and its manifest, for the prices it recorded).
 * @param options `prices`: the price table that prices the run. @default the prices the run
 * recorded, else the built-in table
 * @returns One row per model × variant.
 */
export function summarize(
  run: Pick<Run, "generations" | "results"> & { manifest?: RunManifestPrices },
  options: { prices?: PriceTable } = {},
): SummaryRow[] {
  const price = runPricing(run, options.prices);
  interface Group {
    model: string;
    variant: string;
    language: string | undefined;
    generations: Run["generations"];
    results: Run["results"];
  }
  // Language is a dimension when the run mixes them: a generation takes its result's language.
  const languageOf = new Map(run.results.map((r) => [sampleKey(r), r.language ?? "ts"]));
  const mixed = new Set(languageOf.values()).size > 1;
  const groups = new Map<string, Group>();
  const group = (model: string, variant: string, language: string | undefined): Group => {
    const key = JSON.stringify([model, variant, language]);
    let g = groups.get(key);
    if (!g) groups.set(key, g = { model, variant, language, generations: [], results: [] });
    return g;
  };
  const lang = (r: Parameters<typeof sampleKey>[0]) =>
    mixed ? languageOf.get(sampleKey(r)) ?? "ts" : undefined;
  for (const gen of run.generations) group(gen.model, gen.variant, lang(gen)).generations.push(gen);
  for (const res of run.results) group(res.model, res.variant, lang(res)).results.push(res);

  return [...groups.values()].map(({ model, variant, language, generations, results }) => {
    const timed = generations.filter((g) => !g.cached && g.error === null);
    const numbers = (pick: (g: Run["generations"][number]) => number | null) =>
      timed.map(pick).filter((v): v is number => v !== null);
    const ttft = numbers((g) => g.ttftMs);
    const total = numbers((g) => g.totalMs);
    const tps = numbers((g) => g.tokensPerSec);
    const count = (bucket: string) => results.filter((r) => r.bucket === bucket).length;
    return {
      model,
      variant,
      ...(language === undefined ? {} : { language }),
      synthetic: generations.some((g) => g.synthetic),
      samples: results.length,
      passRate: mean(results.map((r) => (r.passed ? 1 : 0))),
      passFraction: mean(results.map((r) => r.passFraction)),
      weightedAccuracy: mean(results.map((r) => r.weightedAccuracy)),
      correct: count("correct"),
      almost: count("almost"),
      wrong: count("wrong"),
      // A failed request: its result says so (format 2), or only its generation does (format 1).
      generationErrors: new Set([
        ...results.filter((r) => r.outcome === "generation_error").map(sampleKey),
        ...generations.filter((g) => g.error !== null).map(sampleKey),
      ]).size,
      ttftP50: percentile(ttft, 0.5),
      ttftP90: percentile(ttft, 0.9),
      totalP50: percentile(total, 0.5),
      totalP90: percentile(total, 0.9),
      tokensPerSecP50: percentile(tps, 0.5),
      cached: generations.filter((g) => g.cached).length,
      retries: generations.reduce((n, g) => n + g.retries, 0),
      retryMs: generations.reduce((n, g) => n + (g.cached ? 0 : g.retryMs), 0),
      ...groupCost(generations, price(model)),
    };
  });
}

/** The arithmetic mean, null for no values. */
function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}
