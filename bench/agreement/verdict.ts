/**
 * One sample's two verdicts: assay's (read from its result record) and the benchmark harness's.
 * Pure.
 *
 * @module
 */
import type { ResultRecord } from "../../lib/record/result.ts";

/** The benchmark harness's verdict on one sample. */
export interface HarnessVerdict {
  /** The harness passed the sample. */
  pass: boolean;
  /** Why it failed, in the harness's words (a failing check, an error line); null when unknown. */
  detail: string | null;
  /** The code the harness extracted from the answer, when it records it (can-ai-code). */
  code?: string;
}

/** assay's verdict on one sample, read from its result record. */
export interface AssayVerdict {
  /** Every case passed. */
  pass: boolean;
  /** The sandbox outcome (`completed`, `timeout`, `no_code`…). */
  outcome: string;
  /** The outcome's detail ("" when the program completed). */
  detail: string;
  /** The failure category, or null for a pass. */
  category: string | null;
  /** The first case that did not pass, or null. */
  failedCase: { name: string; status: string; message: string } | null;
  /** Why the task could not be judged, when it could not. */
  taskError: string | null;
  /** The record says the sample passed only as a sloppy script. */
  sloppyOnly: boolean;
  /** The code assay extracted from the answer (null: none). */
  code: string | null;
  /** The task's entry point. */
  entry: string;
}

/** Both verdicts on one sample of a benchmark. */
export interface Comparison {
  /** The sample's id in the benchmark's own terms (task id, record). */
  id: string;
  /** assay's verdict. */
  assay: AssayVerdict;
  /** The harness's verdict. */
  harness: HarnessVerdict;
}

/**
 * assay's verdict from a result record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { assayVerdict } from "./verdict.ts";
 * const v = assayVerdict({
 *   passed: false, outcome: "completed", detail: "", failure: { category: "partial" },
 *   cases: [{ name: "a", status: "pass", message: "" }, { name: "b", status: "fail", message: "AssertionError: 1 == 2" }],
 * } as never, { code: "function f() {}", entry: "f" });
 * assert.deepEqual(v.failedCase, { name: "b", status: "fail", message: "AssertionError: 1 == 2" });
 * assert.equal(v.sloppyOnly, false);
 * ```
 */
export function assayVerdict(
  result: ResultRecord,
  answer: { code: string | null; entry: string },
): AssayVerdict {
  const failed = result.cases.find((c) => c.status !== "pass");
  return {
    pass: result.passed,
    outcome: result.outcome,
    detail: result.outcome === "completed" ? "" : result.detail,
    category: result.failure?.category ?? null,
    failedCase: failed
      ? { name: failed.name, status: failed.status, message: failed.message ?? "" }
      : null,
    taskError: result.taskError ?? null,
    sloppyOnly: (result.labels ?? []).some((l) => l.label === "sloppy_only"),
    code: answer.code,
    entry: answer.entry,
  };
}

/**
 * assay's evidence for a failure in one line: the outcome's detail, then the first failing case.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { assayEvidence } from "./verdict.ts";
 * const failedCase = { name: "b", status: "fail", message: "AssertionError: 1 == 2\n  at f" };
 * assert.equal(assayEvidence({ detail: "", failedCase } as never), "b: fail: AssertionError: 1 == 2");
 * ```
 */
export function assayEvidence(v: Pick<AssayVerdict, "detail" | "failedCase">): string {
  const firstLine = (s: string) => s.split("\n").find((l) => l.trim() !== "")?.trim() ?? "";
  const c = v.failedCase;
  return [
    v.detail ? firstLine(v.detail) : "",
    c ? `${c.name}: ${c.status}: ${firstLine(c.message)}` : "",
  ].filter(Boolean).join(" — ");
}
