/**
 * Robustness (DESIGN.md, "Definitions"): accuracy under each deterministic prompt perturbation
 * relative to the unperturbed prompt, per model × template, with a paired bootstrap confidence
 * interval on the difference and a `fragile` flag.
 *
 * The unit of pairing is the task: a perturbation changes the prompt of the same task, so each
 * task gives one difference (its mean over samples under the perturbation minus its mean under
 * the unperturbed template), and the bootstrap resamples tasks. Tasks missing on either side are
 * left out.
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { ResultRecord } from "../record/result.ts";
import { bootstrapMean } from "./bootstrap.ts";

/**
 * The template and perturbation of a variant named `<template>+<perturbation>` (as `evaluate()`
 * names them), or null when the variant is not perturbed. The template is the longest other
 * variant of the run that is a `+`-prefix of the name: a run without the unperturbed template has
 * nothing to compare with.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitVariant } from "./robustness.ts";
 * const variants = ["plain", "plain+reword", "few-shot", "few-shot+reorder"];
 * assert.deepEqual(splitVariant("few-shot+reorder", variants), { template: "few-shot", perturbation: "reorder" });
 * assert.equal(splitVariant("plain", variants), null);
 * ```
 *
 * @param variant The variant name.
 * @param variants Every variant of the run.
 * @returns The template and perturbation, or null.
 */
export function splitVariant(
  variant: string,
  variants: Iterable<string>,
): { template: string; perturbation: string } | null {
  let template: string | undefined;
  for (const t of variants) {
    if (variant.startsWith(`${t}+`) && (template === undefined || t.length > template.length)) {
      template = t;
    }
  }
  return template === undefined
    ? null
    : { template, perturbation: variant.slice(template.length + 1) };
}

/** One model × template × perturbation against the unperturbed template. */
export interface RobustnessResult {
  model: string;
  /** The unperturbed template (variant). */
  template: string;
  /** The perturbation; the perturbed variant is `<template>+<perturbation>`. */
  perturbation: string;
  /** Tasks with results on both sides (the pairs). */
  tasks: number;
  /** Perturbed samples on those tasks. */
  samples: number;
  /** Pass rate (share of samples passing every case) without the perturbation: mean over tasks. */
  baselinePassRate: number;
  /** Pass rate with the perturbation: mean over tasks. */
  perturbedPassRate: number;
  /** perturbedPassRate − baselinePassRate (negative: the perturbation hurt). */
  passRateDelta: number;
  /** Lower bound of the bootstrap confidence interval of passRateDelta. */
  passRateLow: number;
  /** Upper bound of the bootstrap confidence interval of passRateDelta. */
  passRateHigh: number;
  /** Mean weighted accuracy without the perturbation (mean over tasks), in [-1, 1]. */
  baselineWeighted: number;
  /** Mean weighted accuracy with the perturbation. */
  perturbedWeighted: number;
  /** perturbedWeighted − baselineWeighted. */
  weightedDelta: number;
  /** Lower bound of the bootstrap confidence interval of weightedDelta. */
  weightedLow: number;
  /** Upper bound of the bootstrap confidence interval of weightedDelta. */
  weightedHigh: number;
  /** The drop in the chosen metric is at least the threshold and its interval excludes 0. */
  fragile: boolean;
}

/** Options for {@link robustness} and {@link robustnessTable}. */
export interface RobustnessAnalysisOptions {
  /** The metric the `fragile` flag reads. @default "passRate" */
  metric?: "passRate" | "weightedAccuracy";
  /**
   * A perturbation is fragile when the metric drops by at least this much (pass rate: a share,
   * 0.2 = 20 percentage points; weighted accuracy: its own units) AND the upper bound of the
   * confidence interval of the difference is below 0.
   * @default 0.2
   */
  threshold?: number;
  /** Bootstrap resamples. @default 2000 */
  resamples?: number;
  /** Confidence level of the interval. @default 0.95 */
  confidence?: number;
  /** Bootstrap seed (deterministic). @default 1 */
  seed?: number;
}

type Results = readonly Pick<
  ResultRecord,
  "task" | "model" | "variant" | "passed" | "weightedAccuracy"
>[];

/**
 * Robustness of every perturbed variant against its template, per model, in first-appearance
 * order (models, then variants). See the module documentation for the pairing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { robustness } from "./robustness.ts";
 * const r = (task: string, variant: string, passed: boolean) =>
 *   ({ task, model: "m", variant, passed, weightedAccuracy: passed ? 1 : -1 });
 * const tasks = ["a", "b", "c", "d", "e"];
 * const results = [...tasks.map((t) => r(t, "plain", true)), ...tasks.map((t) => r(t, "plain+reword", t === "a"))];
 * const [row] = robustness(results);
 * assert.deepEqual([row.perturbation, row.tasks, row.passRateDelta, row.fragile], ["reword", 5, -0.8, true]);
 * assert(row.passRateHigh < 0);
 * ```
 *
 * @param results The run's results.
 * @param options The fragility rule and the bootstrap.
 * @returns One row per model × perturbed variant with a template in the run.
 */
export function robustness(
  results: Results,
  options: RobustnessAnalysisOptions = {},
): RobustnessResult[] {
  const threshold = options.threshold ?? 0.2;
  const metric = options.metric ?? "passRate";
  const boot = {
    resamples: options.resamples,
    confidence: options.confidence,
    seed: options.seed ?? 1,
  };
  // model → variant → task → sums
  type Cell = { passed: number; weighted: number; n: number };
  const cells = new Map<string, Map<string, Map<string, Cell>>>();
  for (const r of results) {
    let byVariant = cells.get(r.model);
    if (!byVariant) cells.set(r.model, byVariant = new Map());
    let byTask = byVariant.get(r.variant);
    if (!byTask) byVariant.set(r.variant, byTask = new Map());
    const c = byTask.get(r.task) ?? { passed: 0, weighted: 0, n: 0 };
    c.passed += Number(r.passed);
    c.weighted += r.weightedAccuracy;
    c.n++;
    byTask.set(r.task, c);
  }
  const variants = [...new Set(results.map((r) => r.variant))];
  const rows: RobustnessResult[] = [];
  for (const [model, byVariant] of cells) {
    for (const variant of variants) {
      const split = splitVariant(variant, variants);
      const perturbed = byVariant.get(variant);
      const base = split ? byVariant.get(split.template) : undefined;
      if (!split || !perturbed || !base) continue;
      const pairs = [...perturbed].flatMap(([task, p]) => {
        const b = base.get(task);
        return b ? [{ b, p }] : [];
      });
      if (pairs.length === 0) continue;
      const mean = (xs: number[]) => xs.reduce((a, v) => a + v, 0) / xs.length;
      const baselinePassRate = mean(pairs.map(({ b }) => b.passed / b.n));
      const perturbedPassRate = mean(pairs.map(({ p }) => p.passed / p.n));
      const baselineWeighted = mean(pairs.map(({ b }) => b.weighted / b.n));
      const perturbedWeighted = mean(pairs.map(({ p }) => p.weighted / p.n));
      const pass = bootstrapMean(pairs.map(({ b, p }) => p.passed / p.n - b.passed / b.n), boot);
      const weighted = bootstrapMean(
        pairs.map(({ b, p }) => p.weighted / p.n - b.weighted / b.n),
        boot,
      );
      const chosen = metric === "passRate" ? pass : weighted;
      rows.push({
        model,
        template: split.template,
        perturbation: split.perturbation,
        tasks: pairs.length,
        samples: pairs.reduce((s, { p }) => s + p.n, 0),
        baselinePassRate,
        perturbedPassRate,
        passRateDelta: perturbedPassRate - baselinePassRate,
        passRateLow: pass.low,
        passRateHigh: pass.high,
        baselineWeighted,
        perturbedWeighted,
        weightedDelta: perturbedWeighted - baselineWeighted,
        weightedLow: weighted.low,
        weightedHigh: weighted.high,
        fragile: chosen.mean <= -threshold + 1e-12 && chosen.high < 0,
      });
    }
  }
  return rows;
}

/** The columns of {@link robustnessTable}, in order. */
const COLUMNS: (keyof RobustnessResult)[] = [
  "model",
  "template",
  "perturbation",
  "tasks",
  "samples",
  "baselinePassRate",
  "perturbedPassRate",
  "passRateDelta",
  "passRateLow",
  "passRateHigh",
  "baselineWeighted",
  "perturbedWeighted",
  "weightedDelta",
  "weightedLow",
  "weightedHigh",
  "fragile",
];

/**
 * {@link robustness} as an arquero table (one row per model × template × perturbation), for
 * `tableHTML` in a notebook or report.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { robustnessTable } from "./robustness.ts";
 * const r = (variant: string, passed: boolean) => ({ task: "t", model: "m", variant, passed, weightedAccuracy: passed ? 1 : -1 });
 * const table = robustnessTable({ results: [r("plain", true), r("plain+reorder", true)] });
 * assert.deepEqual([table.get("perturbation", 0), table.get("passRateDelta", 0), table.get("fragile", 0)], ["reorder", 0, false]);
 * ```
 *
 * @param run The run's results.
 * @param options The fragility rule and the bootstrap.
 * @returns The table.
 */
export function robustnessTable(
  run: { results: Results },
  options: RobustnessAnalysisOptions = {},
): ColumnTable {
  const rows = robustness(run.results, options);
  return rows.length
    ? aq.from(rows, COLUMNS as string[])
    : aq.table(Object.fromEntries(COLUMNS.map((c) => [c, []])));
}
