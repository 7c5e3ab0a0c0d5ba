/**
 * Several runs side by side: one row per model × variant, one group of
 * columns per run; and the run-to-run differences with their bootstrap
 * intervals, as plain rows for `rowsHTML()`.
 *
 * @module
 */
import { compareRuns, type ComparisonRow } from "./compare.ts";
import type { Run } from "./load_run.ts";
import { summarize } from "./summary.ts";

/** Options for {@link runsSideBySide}. */
export interface SideBySideOptions {
  /** A short label per run, used in column names. @default "A", "B", "C", … */
  labels?: readonly string[];
}

/**
 * "A", "B", … "Z", "AA", …: the default run labels.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runLabel } from "./runs_side_by_side.ts";
 * assert.deepEqual([0, 1, 26].map(runLabel), ["A", "B", "AA"]);
 * ```
 *
 * @param index The run's position, 0-based.
 * @returns Its label.
 */
export function runLabel(index: number): string {
  let s = "";
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) {
    s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  }
  return s;
}

/**
 * One row per model × variant found in any run (first-appearance order), with
 * per run (label L): `n L` samples, `pass % L`, `weighted L` (mean weighted
 * accuracy) and `total p50 L` (median total generation time, ms); null where
 * a run lacks the model × variant.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runLabel, runsSideBySide } from "./runs_side_by_side.ts";
 * const r = (passed: boolean) => ({ task: "t", model: "m", variant: "v", sample: 0, passed, passFraction: Number(passed), weightedAccuracy: passed ? 1 : -1, bucket: passed ? "correct" : "wrong", cases: [] }) as never;
 * const rows = runsSideBySide([{ generations: [], results: [r(true)] }, { generations: [], results: [r(false)] }]);
 * assert.equal(rows[0]["pass % A"], 100);
 * assert.equal(rows[0]["pass % B"], 0);
 * assert.equal(runLabel(27), "AB");
 * ```
 *
 * @param runs The runs, baseline first.
 * @param options Column labels.
 * @returns Plain rows.
 */
export function runsSideBySide(
  runs: readonly Pick<Run, "generations" | "results">[],
  options: SideBySideOptions = {},
): Record<string, string | number | null>[] {
  const labels = runs.map((_, i) => options.labels?.[i] ?? runLabel(i));
  const summaries = runs.map((run) => summarize(run));
  const keys = new Map<string, { model: string; variant: string }>();
  for (const rows of summaries) {
    for (const r of rows) keys.set(JSON.stringify([r.model, r.variant]), r);
  }
  return [...keys.values()].map(({ model, variant }) => {
    const row: Record<string, string | number | null> = { model, variant };
    summaries.forEach((rows, i) => {
      const s = rows.find((r) => r.model === model && r.variant === variant);
      const L = labels[i];
      row[`n ${L}`] = s?.samples ?? null;
      row[`pass % ${L}`] = s?.passRate == null ? null : Math.round(100 * s.passRate);
      row[`weighted ${L}`] = s?.weightedAccuracy ?? null;
      row[`total p50 ${L}`] = s?.totalP50 == null ? null : Math.round(s.totalP50);
    });
    return row;
  });
}

/** `+20 pp [+5, +35]` or `+0.20 [+0.05, +0.35]`. */
function deltaText(r: ComparisonRow, percent: boolean): string {
  const f = (v: number) => {
    const sign = v > 1e-9 ? "+" : v < -1e-9 ? "−" : "±";
    return percent ? `${sign}${Math.round(Math.abs(100 * v))}` : `${sign}${Math.abs(v).toFixed(2)}`;
  };
  return `${f(r.delta)}${percent ? " pp" : ""} [${f(r.low)}, ${f(r.high)}]`;
}

/** Options for {@link runDifferenceRows}. */
export interface RunDifferenceOptions {
  /** What the two runs are called in column names. @default ["A", "B"] */
  names?: readonly [string, string];
  /** Bootstrap resamples. @default 2000 */
  resamples?: number;
}

/**
 * The change from run `a` to run `b` per model × variant (tasks in both
 * runs, paired), for pass rate and weighted accuracy, each with its 95% paired
 * bootstrap interval over tasks (`compareRuns()`), and a reading: `better` or
 * `worse` when the pass-rate interval excludes 0, else `no clear change`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runDifferenceRows } from "./runs_side_by_side.ts";
 * const r = (task: string, passed: boolean) => ({ task, model: "m", variant: "v", sample: 0, passed, weightedAccuracy: passed ? 1 : -1 }) as never;
 * const a = { results: ["a", "b", "c"].map((t) => r(t, false)) };
 * const b = { results: ["a", "b", "c"].map((t) => r(t, true)) };
 * const [row] = runDifferenceRows(a, b);
 * assert.equal(row["Δ pass (95% CI)"], "+100 pp [+100, +100]");
 * assert.equal(row.reading, "better");
 * ```
 *
 * @param a The first (baseline) run.
 * @param b The other run.
 * @param options Names, resamples.
 * @returns Plain rows, one per model × variant in both runs.
 */
export function runDifferenceRows(
  a: Pick<Run, "results">,
  b: Pick<Run, "results">,
  options: RunDifferenceOptions = {},
): Record<string, string | number>[] {
  const [A, B] = options.names ?? ["A", "B"];
  const resamples = options.resamples ?? 2000;
  const pass = compareRuns(a, b, { metric: "passed", resamples }).rows;
  const weighted = compareRuns(a, b, { metric: "weightedAccuracy", resamples }).rows;
  return pass.map((p) => {
    const w = weighted.find((x) => x.model === p.model && x.variant === p.variant)!;
    return {
      model: p.model,
      variant: p.variant,
      tasks: p.tasks,
      [`pass % ${A}`]: Math.round(100 * p.before),
      [`pass % ${B}`]: Math.round(100 * p.after),
      "Δ pass (95% CI)": deltaText(p, true),
      [`weighted ${A}`]: w.before,
      [`weighted ${B}`]: w.after,
      "Δ weighted (95% CI)": deltaText(w, false),
      reading: p.low > 0 ? "better" : p.high < 0 ? "worse" : "no clear change",
    };
  });
}
