/**
 * Accuracy as a spectrum: weighted accuracy, pass fraction and the three
 * buckets, exactly as defined in DESIGN.md.
 *
 * @module
 */
import type { CaseVerdict } from "../record/case_verdict.ts";

/** Largest share of failed core cases that still counts as "almost correct". */
export const ALMOST_CORE_FAILURE_SHARE = 0.2;

/** The spectrum bucket of one sample. */
export type Bucket = "correct" | "almost" | "wrong";

/** The scores of one sample. */
export interface SampleScore {
  /** Every case passed. */
  passed: boolean;
  /** Share of cases that passed, in [0, 1]. */
  passFraction: number;
  /** Weighted accuracy, in [-1, 1]. */
  weightedAccuracy: number;
  /** correct, almost or wrong. */
  bucket: Bucket;
}

/**
 * Weighted accuracy of one sample: over its cases, +1 for a pass, −0.5 for a
 * failed `edge` case, −1 for any other failure (a missing report is a
 * failure), divided by the number of cases. With no cases (no runnable code)
 * it is −1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { weightedAccuracy } from "./weighted.ts";
 * const v = (kind: "core" | "edge", status: "pass" | "fail") => ({ name: "", kind, status, message: "", ms: 0 });
 * assert(weightedAccuracy([v("core", "pass"), v("edge", "fail")]) === 0.25);
 * assert(weightedAccuracy([]) === -1);
 * ```
 */
export function weightedAccuracy(cases: readonly CaseVerdict[]): number {
  if (cases.length === 0) return -1;
  let score = 0;
  for (const c of cases) {
    if (c.status === "pass") score += 1;
    else if (c.kind === "edge") score -= 0.5;
    else score -= 1;
  }
  return score / cases.length;
}

/**
 * Score one sample. `runnable` is false when there was no code to run (the
 * sample then scores −1 and is wrong, whatever the verdicts say).
 *
 * Buckets: `correct` when every case passes; `almost` when every core case
 * passes but an edge case fails, or when at most
 * {@link ALMOST_CORE_FAILURE_SHARE} of the core cases fail; `wrong` otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scoreSample } from "./weighted.ts";
 * const v = (kind: "core" | "edge", status: "pass" | "fail") => ({ name: "", kind, status, message: "", ms: 0 });
 * assert(scoreSample([v("core", "pass"), v("edge", "fail")]).bucket === "almost");
 * assert(scoreSample([v("core", "fail"), v("edge", "pass")]).bucket === "wrong");
 * ```
 */
export function scoreSample(cases: readonly CaseVerdict[], runnable = true): SampleScore {
  if (!runnable || cases.length === 0) {
    return { passed: false, passFraction: 0, weightedAccuracy: -1, bucket: "wrong" };
  }
  const passes = cases.filter((c) => c.status === "pass").length;
  const core = cases.filter((c) => c.kind === "core");
  const coreFailed = core.filter((c) => c.status !== "pass").length;
  const passed = passes === cases.length;
  let bucket: Bucket = "wrong";
  if (passed) bucket = "correct";
  else if (core.length === 0 || coreFailed / core.length <= ALMOST_CORE_FAILURE_SHARE) {
    bucket = "almost";
  }
  return {
    passed,
    passFraction: passes / cases.length,
    weightedAccuracy: weightedAccuracy(cases),
    bucket,
  };
}
