/**
 * For a flipped task, one sample from each run side by side: the code of
 * each, and the test cases whose verdict differs between them.
 *
 * @module
 */
import type { CaseKind, CaseVerdict } from "../record/case_verdict.ts";
import type { GenerationRecord } from "../record/generation.ts";
import type { ResultRecord } from "../record/result.ts";
import { sampleKey } from "../record/sample_key.ts";
import type { JudgedFlip } from "./flips.ts";

/** One side of a flip: the sample shown, its code, and how its task × model × variant did. */
export interface FlipSide {
  /** The sample shown: a passing one on the side that passes, a failing one on the other. */
  result: ResultRecord;
  /** Its extracted code; null when none could be extracted. */
  code: string | null;
  /** Its raw answer (shown when no code was extracted). */
  text: string;
}

/** A test case whose verdict differs between the two samples shown. */
export interface ChangedCase {
  name: string;
  kind: CaseKind;
  /** Status in the first run's sample (`absent` when it has no such case). */
  before: CaseVerdict["status"] | "absent";
  /** … in the second run's sample. */
  after: CaseVerdict["status"] | "absent";
  /** The failing side's message ("" when both pass or none was given). */
  message: string;
  /** Samples passing this case in each run, over the samples of the task × model × variant. */
  passedBefore: number;
  passedAfter: number;
}

/** A flip with one sample from each run and the cases that changed. */
export interface FlipSamples {
  flip: JudgedFlip;
  before: FlipSide;
  after: FlipSide;
  /** Cases whose status differs between the two samples shown, in declared order. */
  changed: ChangedCase[];
}

type RunRecords = { generations: readonly GenerationRecord[]; results: readonly ResultRecord[] };

/** The sample that represents a side: passing where the side passes, else its most common failure. */
function pick(results: ResultRecord[], passing: boolean): ResultRecord {
  const want = results.filter((r) => r.passed === passing);
  if (!passing && want.length > 1) {
    const freq = new Map<string, number>();
    for (const r of want) {
      const c = r.failure?.category ?? r.outcome;
      freq.set(c, (freq.get(c) ?? 0) + 1);
    }
    const top = Math.max(...freq.values());
    return want.find((r) => freq.get(r.failure?.category ?? r.outcome) === top)!;
  }
  return (want[0] ?? results[0]);
}

/** The status of each case name over a task's samples: how many passed it. */
function passCounts(results: readonly ResultRecord[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of results) {
    for (const c of r.cases) m.set(c.name, (m.get(c.name) ?? 0) + Number(c.status === "pass"));
  }
  return m;
}

/**
 * Pair each flip with a sample from each run: on the side that passes, a
 * passing sample; on the side that fails, a failing sample of its most common
 * failure category (sample order breaks ties). The changed cases are those
 * whose status differs between the two samples shown, each with how many of
 * the side's samples passed it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { flipSamples } from "./flip_samples.ts";
 * const c = (status: string) => ({ name: "adds", kind: "core", status, message: status === "pass" ? "" : "expected 3", ms: 1 });
 * const r = (passed: boolean) => ({ task: "t", model: "m", variant: "v", sample: 0, passed, cases: [c(passed ? "pass" : "fail")], failure: null, outcome: "completed" });
 * const g = (code: string) => ({ task: "t", model: "m", variant: "v", sample: 0, code, text: code });
 * const flip = { task: "t", model: "m", variant: "v", before: { n: 1, passed: 1 }, after: { n: 1, passed: 0 }, direction: "broken" as const };
 * const [s] = flipSamples([flip], { generations: [g("a + b")], results: [r(true)] } as never, { generations: [g("a - b")], results: [r(false)] } as never);
 * assert.equal(s.before.code, "a + b");
 * assert.deepEqual([s.changed[0].before, s.changed[0].after, s.changed[0].message], ["pass", "fail", "expected 3"]);
 * ```
 *
 * @param flips `judgeFlips(a, b).flips`.
 * @param a The first run (generations and results).
 * @param b The second run.
 * @returns One entry per flip, in the flips' order.
 */
export function flipSamples(
  flips: readonly JudgedFlip[],
  a: RunRecords,
  b: RunRecords,
): FlipSamples[] {
  const index = (run: RunRecords) => {
    const results = new Map<string, ResultRecord[]>();
    for (const r of run.results) {
      const k = JSON.stringify([r.model, r.variant, r.task]);
      const list = results.get(k) ?? [];
      list.push(r);
      results.set(k, list);
    }
    const generations = new Map(run.generations.map((g) => [sampleKey(g), g]));
    return { results, generations };
  };
  const [ia, ib] = [index(a), index(b)];
  return flips.flatMap((flip) => {
    const k = JSON.stringify([flip.model, flip.variant, flip.task]);
    const [ra, rb] = [ia.results.get(k), ib.results.get(k)];
    if (!ra?.length || !rb?.length) return [];
    const fixed = flip.direction === "fixed";
    const side = (results: ResultRecord[], passing: boolean, gens: typeof ia.generations) => {
      const result = pick(results, passing);
      const g = gens.get(sampleKey(result));
      return { result, code: g?.code ?? null, text: g?.text ?? "" };
    };
    const before = side(ra, !fixed, ia.generations);
    const after = side(rb, fixed, ib.generations);
    const [ca, cb] = [passCounts(ra), passCounts(rb)];
    const casesB = new Map(after.result.cases.map((c) => [c.name, c]));
    const names = [
      ...before.result.cases.map((c) => c.name),
      ...after.result.cases.map((c) => c.name).filter((n) =>
        !before.result.cases.some((c) => c.name === n)
      ),
    ];
    const casesA = new Map(before.result.cases.map((c) => [c.name, c]));
    const changed = names.flatMap((name): ChangedCase[] => {
      const [x, y] = [casesA.get(name), casesB.get(name)];
      const sx: ChangedCase["before"] = x?.status ?? "absent";
      const sy: ChangedCase["after"] = y?.status ?? "absent";
      if (sx === sy) return [];
      const failing = sx !== "pass" && x ? x : y;
      return [{
        name,
        kind: (x ?? y)!.kind,
        before: sx,
        after: sy,
        message: failing?.status === "pass" ? "" : failing?.message ?? "",
        passedBefore: ca.get(name) ?? 0,
        passedAfter: cb.get(name) ?? 0,
      }];
    });
    return [{ flip, before, after, changed }];
  });
}
