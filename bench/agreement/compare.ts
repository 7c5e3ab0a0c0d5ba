/**
 * Verdict agreement between assay and a benchmark's own harness: the row that sums a benchmark's
 * comparisons, each difference with its derived cause. Pure.
 *
 * @module
 */
import { deriveCause } from "./cause.ts";
import type { Comparison } from "./verdict.ts";

/** One benchmark's line of the table, and its differences. */
export interface AgreementRow {
  /** The benchmark's name. */
  benchmark: string;
  /** Samples compared. */
  samples: number;
  /** Samples assay passes. */
  assayPasses: number;
  /** Samples the harness passes. */
  harnessPasses: number;
  /** Samples assay could not judge (their task is a task error): left out of `agree` and its denominator. */
  unjudged: (Comparison & { cause: string })[];
  /** Judged samples (`samples` minus the unjudged): the denominator of `agree`. */
  judged: number;
  /** Judged samples with the same verdict on both sides. */
  agree: number;
  /** Samples the record flags as passing only as sloppy scripts. */
  sloppyOnly: number;
  /** Wall time of the row, ms (import, harness, assay). */
  wallMs: number;
  /** The samples whose verdicts differ, with their cause. */
  differences: (Comparison & { cause: string })[];
  /** Why the row was not measured, when it was skipped. */
  skipped?: string;
}

/**
 * Sum a benchmark's comparisons into its row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { agreementRow } from "./compare.ts";
 * const failedCase = { name: "a", status: "fail", message: "AssertionError" };
 * const v = (pass: boolean) => ({
 *   pass, outcome: "completed", detail: "", category: pass ? null : "partial",
 *   failedCase: pass ? null : failedCase, taskError: null, sloppyOnly: false, code: null, entry: "f",
 * });
 * const row = agreementRow("b", [
 *   { id: "1", assay: v(true), harness: { pass: true, detail: null } },
 *   { id: "2", assay: v(false), harness: { pass: true, detail: null } },
 * ], 5);
 * assert.deepEqual([row.samples, row.assayPasses, row.harnessPasses, row.agree], [2, 1, 2, 1]);
 * assert.equal(row.differences[0].cause, "assay fails: AssertionError");
 * ```
 */
export function agreementRow(
  benchmark: string,
  comparisons: readonly Comparison[],
  wallMs: number,
): AgreementRow {
  // A task assay could not judge is no verdict of assay's: kept apart, never counted as a fail.
  const judged = comparisons.filter((c) => !c.assay.taskError);
  const differences = judged.filter((c) => c.assay.pass !== c.harness.pass)
    .map((c) => ({ ...c, cause: deriveCause(c) }));
  return {
    benchmark,
    samples: comparisons.length,
    assayPasses: comparisons.filter((c) => c.assay.pass).length,
    harnessPasses: comparisons.filter((c) => c.harness.pass).length,
    unjudged: comparisons.filter((c) => c.assay.taskError)
      .map((c) => ({ ...c, cause: `task error: ${c.assay.taskError}` })),
    judged: judged.length,
    agree: judged.length - differences.length,
    sloppyOnly: comparisons.filter((c) => c.assay.sloppyOnly).length,
    wallMs,
    differences,
  };
}
