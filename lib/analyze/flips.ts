/**
 * Tasks that flipped between two runs, judged only where both runs have
 * enough samples: a rule that says when a change of pass rate is a flip, and
 * how many task × model × variant pairs it could not judge.
 *
 * @module
 */
import type { ResultRecord } from "../record/result.ts";

/**
 * When a task flips for a model × variant: both runs have at least
 * `minSamples` samples of it, and its pass rate goes from at most `low` in one
 * run to at least `high` in the other.
 */
export interface FlipRule {
  /** The fewest samples each run must have of the task × model × variant. @default 3 */
  minSamples: number;
  /** The pass rate on the failing side is at most this. @default 0.2 */
  low: number;
  /** The pass rate on the passing side is at least this. @default 0.8 */
  high: number;
}

/**
 * The default rule: at least 3 samples on each side, and at most 20% of them
 * passing in one run against at least 80% in the other (with 3 samples: none
 * against all; with 5: at most 1 against at least 4; with 10: at most 2
 * against at least 8). Measured on two runs of the same configuration (the
 * builtin suite, synthetic:default and synthetic:sloppy, 3 samples, seeds 0
 * and 5, so every difference is noise): the majority rule (pass rate crossing
 * 50%, which `compareRuns()` reported as flips until 2026-12) called 48 of 120 task × model
 * pairs flips, a rule of ≤ 1/3 against ≥ 2/3 the same 48, this rule none.
 */
export const DEFAULT_FLIP_RULE: Readonly<FlipRule> = { minSamples: 3, low: 0.2, high: 0.8 };

/** A task × model × variant that flipped under the rule. */
export interface JudgedFlip {
  task: string;
  model: string;
  variant: string;
  /** Samples and passing samples in the first run. */
  before: { n: number; passed: number };
  /** … in the second run. */
  after: { n: number; passed: number };
  /** `fixed` (now passes) or `broken` (now fails). */
  direction: "fixed" | "broken";
}

/** A task × model × variant the rule could not judge: a run has fewer samples than `minSamples`. */
export interface UnjudgedPair {
  task: string;
  model: string;
  variant: string;
  /** Samples in the first and second run. */
  nBefore: number;
  nAfter: number;
}

/** Per model × variant: how many pairs were judged, how many flipped, how many could not be judged. */
export interface FlipGroup {
  model: string;
  variant: string;
  /** Tasks of this model × variant in both runs. */
  pairs: number;
  /** Pairs with enough samples on both sides. */
  judged: number;
  /** Pairs with too few samples on a side. */
  tooFew: number;
  /** Pairs whose pass rate crossed 50% (a majority flip) without being a flip under the rule (too few samples, or too small a change). */
  majorityOnly: number;
  /** The flips, fixed then broken, by task. */
  flips: JudgedFlip[];
}

/** What {@link judgeFlips} returns. */
export interface JudgedFlips {
  /** The rule applied. */
  rule: FlipRule;
  /** Every flip, grouped by model × variant in first-appearance order. */
  flips: JudgedFlip[];
  /** Every pair the rule could not judge. */
  unjudged: UnjudgedPair[];
  /** One group per model × variant in both runs. */
  groups: FlipGroup[];
}

type Results = { results: readonly ResultRecord[] };

/** Samples and passes per (model, variant, task). */
function counts(run: Results): Map<string, { n: number; passed: number }> {
  const m = new Map<string, { n: number; passed: number }>();
  for (const r of run.results) {
    const key = JSON.stringify([r.model, r.variant, r.task]);
    const c = m.get(key) ?? { n: 0, passed: 0 };
    c.n++;
    c.passed += Number(r.passed);
    m.set(key, c);
  }
  return m;
}

/**
 * The rule in words, for the page.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DEFAULT_FLIP_RULE, flipRuleText } from "./flips.ts";
 * assert.equal(flipRuleText(DEFAULT_FLIP_RULE),
 *   "a task flips for a model × variant when both runs have at least 3 samples of it and its pass rate goes from at most 20% in one run to at least 80% in the other");
 * ```
 *
 * @param rule The rule.
 * @returns One sentence, lower case.
 */
export function flipRuleText(rule: FlipRule): string {
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  return `a task flips for a model × variant when both runs have at least ${
    rule.minSamples === 1 ? "1 sample" : `${rule.minSamples} samples`
  } of it and its pass rate goes from at most ${pct(rule.low)} in one run to at least ${
    pct(rule.high)
  } in the other`;
}

/**
 * The tasks that flipped from run `a` to run `b` under `rule` (every task ×
 * model × variant in both runs), and those the rule could not judge because
 * a side has fewer than `rule.minSamples` samples: they are counted, never
 * dropped silently. Generation errors count as failed samples (they are in
 * every `n`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { judgeFlips } from "./flips.ts";
 * const r = (task: string, sample: number, passed: boolean) => ({ task, model: "m", variant: "v", sample, passed }) as never;
 * const a = { results: [0, 1, 2].flatMap((s) => [r("x", s, true), r("y", s, true)]) };
 * const b = { results: [...[0, 1, 2].map((s) => r("x", s, false)), r("y", 0, false)] };
 * const { flips, unjudged, groups } = judgeFlips(a, b);
 * assert.deepEqual(flips.map((f) => [f.task, f.direction]), [["x", "broken"]]);
 * assert.deepEqual(unjudged.map((u) => [u.task, u.nAfter]), [["y", 1]]);
 * assert.equal(groups[0].tooFew, 1);
 * ```
 *
 * @param a The first (baseline) run.
 * @param b The other run.
 * @param rule The rule. @default DEFAULT_FLIP_RULE
 * @returns Flips, unjudged pairs and per-group counts.
 */
export function judgeFlips(
  a: Results,
  b: Results,
  rule: Partial<FlipRule> = {},
): JudgedFlips {
  const full: FlipRule = { ...DEFAULT_FLIP_RULE, ...rule };
  if (!(full.low < full.high) || full.minSamples < 1) {
    throw new RangeError(
      `Cannot judge flips with rule ${
        JSON.stringify(full)
      }: low must be below high and minSamples at least 1`,
    );
  }
  const [before, after] = [counts(a), counts(b)];
  const groups = new Map<string, FlipGroup>();
  const unjudged: UnjudgedPair[] = [];
  for (const [key, x] of before) {
    const y = after.get(key);
    if (!y) continue;
    const [model, variant, task] = JSON.parse(key) as [string, string, string];
    const gk = JSON.stringify([model, variant]);
    const g = groups.get(gk) ??
      { model, variant, pairs: 0, judged: 0, tooFew: 0, majorityOnly: 0, flips: [] };
    groups.set(gk, g);
    g.pairs++;
    const crossed = (x.passed / x.n >= 0.5) !== (y.passed / y.n >= 0.5);
    if (x.n < full.minSamples || y.n < full.minSamples) {
      if (crossed) g.majorityOnly++;
      g.tooFew++;
      unjudged.push({ task, model, variant, nBefore: x.n, nAfter: y.n });
      continue;
    }
    g.judged++;
    const [pb, pa] = [x.passed / x.n, y.passed / y.n];
    const eps = 1e-9;
    const direction = pb <= full.low + eps && pa >= full.high - eps
      ? "fixed"
      : pb >= full.high - eps && pa <= full.low + eps
      ? "broken"
      : null;
    if (direction) g.flips.push({ task, model, variant, before: x, after: y, direction });
    else if (crossed) g.majorityOnly++;
  }
  for (const g of groups.values()) {
    g.flips.sort((p, q) =>
      p.direction.localeCompare(q.direction) * -1 || p.task.localeCompare(q.task)
    );
  }
  const list = [...groups.values()];
  return { rule: full, flips: list.flatMap((g) => g.flips), unjudged, groups: list };
}
