/**
 * Run-to-run comparison: how much each model × variant moved, with a paired bootstrap
 * confidence interval over tasks. Which tasks flipped is `judgeFlips()`'s (flips.ts), the one
 * rule every notebook and report applies.
 *
 * @module
 */
import type { ResultRecord } from "../record/result.ts";
import { bootstrapMean } from "./bootstrap.ts";

/** One model × variant in both runs. */
export interface ComparisonRow {
  model: string;
  variant: string;
  /** Tasks present in both runs. */
  tasks: number;
  /** Mean over tasks of the metric in the first run. */
  before: number;
  /** … in the second run. */
  after: number;
  /** after − before. */
  delta: number;
  /** Bootstrap confidence interval of delta. */
  low: number;
  high: number;
}

/** Options for {@link compareRuns}. */
export interface CompareOptions {
  /** The per-sample metric: pass (0/1) or weighted accuracy. @default "passed" */
  metric?: "passed" | "weightedAccuracy";
  /** Bootstrap resamples. @default 2000 */
  resamples?: number;
  /** Confidence level. @default 0.95 */
  confidence?: number;
  /** Bootstrap seed (deterministic). @default 1 */
  seed?: number;
}

type Results = { results: readonly ResultRecord[] };

function perTask(run: Results, metric: "passed" | "weightedAccuracy") {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of run.results) {
    const key = JSON.stringify([r.model, r.variant, r.task]);
    const s = sums.get(key) ?? { sum: 0, n: 0 };
    s.sum += metric === "passed" ? Number(r.passed) : r.weightedAccuracy;
    s.n++;
    sums.set(key, s);
  }
  return sums;
}

/**
 * Compare two runs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compareRuns } from "./compare.ts";
 * const r = (task: string, passed: boolean) => ({ task, model: "m", variant: "v", sample: 0, passed, weightedAccuracy: passed ? 1 : -1 }) as never;
 * const { rows } = compareRuns({ results: [r("a", true), r("b", true)] }, { results: [r("a", true), r("b", false)] });
 * assert.equal(rows[0].delta, -0.5);
 * assert.deepEqual([rows[0].tasks, rows[0].before, rows[0].after], [2, 1, 0.5]);
 * ```
 */
export function compareRuns(
  a: Results,
  b: Results,
  options: CompareOptions = {},
): { rows: ComparisonRow[] } {
  const metric = options.metric ?? "passed";
  const resamples = options.resamples ?? 2000;
  const confidence = options.confidence ?? 0.95;
  const before = perTask(a, metric);
  const after = perTask(b, metric);
  const groups = new Map<string, { model: string; variant: string; pairs: [number, number][] }>();
  for (const [key, x] of before) {
    const y = after.get(key);
    if (!y) continue;
    const [model, variant] = JSON.parse(key) as [string, string, string];
    const g = groups.get(JSON.stringify([model, variant])) ?? { model, variant, pairs: [] };
    g.pairs.push([x.sum / x.n, y.sum / y.n]);
    groups.set(JSON.stringify([model, variant]), g);
  }
  const rows = [...groups.values()].map(({ model, variant, pairs }) => {
    const diffs = pairs.map(([x, y]) => y - x);
    const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
    const ci = bootstrapMean(diffs, { resamples, confidence, seed: options.seed ?? 1 });
    return {
      model,
      variant,
      tasks: pairs.length,
      before: mean(pairs.map((p) => p[0])),
      after: mean(pairs.map((p) => p[1])),
      delta: ci.mean,
      low: ci.low,
      high: ci.high,
    };
  });
  return { rows };
}
