/**
 * Verdict agreement between assay and a benchmark's own harness: one sample's two verdicts, the
 * row that sums them, and a short cause derived from the evidence of a sample where they differ.
 * Pure: no I/O, no sandbox.
 *
 * @module
 */
import type { ResultRecord } from "../../lib/record/result.ts";
import { npmDependencies } from "../../lib/source/npm_dependencies.ts";

/**
 * The result-record fields that may say a sample passed only because it ran as a non-strict
 * (sloppy) script; the first present one is read. The field is not recorded yet: add its name
 * here when it lands.
 */
export const SLOPPY_ONLY_FIELDS: readonly string[] = ["sloppyOnly", "sloppy_only"];

/** The benchmark harness's verdict on one sample. */
export interface HarnessVerdict {
  /** The harness passed the sample. */
  pass: boolean;
  /** Why it failed, in the harness's words (a failing check, an error line); null when unknown. */
  detail: string | null;
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
  /** The record says the sample passed only as a sloppy script ({@link SLOPPY_ONLY_FIELDS}). */
  sloppyOnly: boolean;
  /** The code assay extracted from the answer (null: none). */
  code: string | null;
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
 * import { assayVerdict } from "./compare.ts";
 * const v = assayVerdict({
 *   passed: false, outcome: "completed", detail: "", failure: { category: "partial" },
 *   cases: [{ name: "a", status: "pass", message: "" }, { name: "b", status: "fail", message: "AssertionError: 1 == 2" }],
 * } as never, "function f() {}");
 * assert.deepEqual(v.failedCase, { name: "b", status: "fail", message: "AssertionError: 1 == 2" });
 * assert.equal(v.sloppyOnly, false);
 * ```
 */
export function assayVerdict(result: ResultRecord, code: string | null): AssayVerdict {
  const failed = result.cases.find((c) => c.status !== "pass");
  const record = result as unknown as Record<string, unknown>;
  const field = SLOPPY_ONLY_FIELDS.find((f) => f in record);
  return {
    pass: result.passed,
    outcome: result.outcome,
    detail: result.outcome === "completed" ? "" : result.detail,
    category: result.failure?.category ?? null,
    failedCase: failed
      ? { name: failed.name, status: failed.status, message: failed.message ?? "" }
      : null,
    taskError: result.taskError ?? null,
    sloppyOnly: field !== undefined && record[field] === true,
    code,
  };
}

/**
 * assay's evidence for a failure in one line: the outcome's detail, then the first failing case.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { assayEvidence } from "./compare.ts";
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

/**
 * The kind of an error message with its particulars masked, so that differences group: quoted
 * text becomes `…`, numbers `N`, the name in "x is not defined" `<name>`; at most 70 characters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { errorKind } from "./compare.ts";
 * assert.equal(errorKind("case 1: error: ReferenceError: total is not defined\n  at x"), "ReferenceError: <name> is not defined");
 * assert.equal(errorKind("Expected values to be strictly equal: 3 !== 4"), "Expected values to be strictly equal: N !== N");
 * ```
 */
export function errorKind(message: string): string {
  const line = message.split("\n").find((l) => l.trim() !== "") ?? "";
  const error = line.match(/\b([A-Z]\w*Error|Error)\b:?\s*(.*)$/);
  const text = error ? `${error[1]}${error[2] ? `: ${error[2]}` : ""}` : line.trim();
  return text
    .replace(/\b[\w$.]+ is not defined/g, "<name> is not defined")
    .replace(/\b[\w$.]+ is not a function/g, "<name> is not a function")
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, "…")
    .replace(/-?\b\d+(\.\d+)?\b/g, "N")
    .slice(0, 70);
}

/**
 * Whether `code` assigns to `name` without a declaration the runtime saw: with a ReferenceError
 * "name is not defined", such an assignment is an implicit global, legal only in sloppy mode.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { assignsUndeclared } from "./compare.ts";
 * assert.equal(assignsUndeclared("function f(n) { for (i = 0; i < n; i++) {} }", "i"), true);
 * assert.equal(assignsUndeclared("function f(n) { return i == n; }", "i"), false);
 * ```
 */
export function assignsUndeclared(code: string, name: string): boolean {
  const id = name.replace(/\$/g, "\\$");
  return new RegExp(
    `(^|[^.\\w$])${id}\\s*(=(?![=>])|\\+\\+|--|[-+*/%&|^]=)|(\\+\\+|--)${id}\\b|\\(\\s*${id}\\s+(of|in)\\b`,
  ).test(code);
}

/**
 * A short cause for a sample whose verdicts differ: which side fails and the kind of its
 * evidence (assay's first failing case or outcome; the harness's failing check or error line,
 * or, without one, the npm packages the program imports).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { deriveCause } from "./compare.ts";
 * const failedCase = { name: "a", status: "error", message: "ReferenceError: x is not defined" };
 * const assay = { pass: false, outcome: "completed", detail: "", category: "crash", failedCase, taskError: null, sloppyOnly: false, code: "x + 1" };
 * const harness = { pass: true, detail: null };
 * assert.equal(deriveCause({ id: "t", assay, harness }), "assay fails: ReferenceError: <name> is not defined");
 * assert.equal(
 *   deriveCause({ id: "t", assay: { ...assay, code: "x = 1" }, harness }),
 *   "assay fails: assignment to an undeclared variable (an implicit global: sloppy mode only)",
 * );
 * assert.equal(
 *   deriveCause({ id: "t", assay: { ...assay, pass: true }, harness: { pass: false, detail: "check f.call(3) == 6, got 7" } }),
 *   "harness fails: check f.call(…)",
 * );
 * assert.equal(
 *   deriveCause({ id: "t", assay: { ...assay, pass: true, code: "import * as m from 'mathjs'" }, harness: { pass: false, detail: null } }),
 *   "harness fails (no detail recorded): the program imports mathjs",
 * );
 * ```
 */
export function deriveCause(c: Comparison): string {
  if (c.assay.pass === c.harness.pass) return "agree";
  if (c.harness.pass) {
    const a = c.assay;
    if (a.taskError) return `assay: task error: ${errorKind(a.taskError)}`;
    if (a.outcome === "no_code") return "assay fails: no code extracted";
    const message = a.detail || a.failedCase?.message || "";
    const undefinedName = message.match(/ReferenceError: ([\w$]+) is not defined/)?.[1];
    if (undefinedName && a.code && assignsUndeclared(a.code, undefinedName)) {
      return "assay fails: assignment to an undeclared variable (an implicit global: sloppy mode only)";
    }
    if (/does not provide an export named/.test(message)) {
      return "assay fails: the answer does not define the entry function";
    }
    const status = a.failedCase && !["fail", "error"].includes(a.failedCase.status)
      ? ` (${a.failedCase.status})`
      : "";
    return `assay fails${status}: ${errorKind(message) || a.outcome}`;
  }
  const detail = c.harness.detail;
  if (detail === null) {
    const packages = npmDependencies(c.assay.code ?? "");
    return `harness fails (no detail recorded)${
      packages.length ? `: the program imports ${packages.join(", ")}` : ""
    }`;
  }
  const check = detail.match(/^check (.*?) ==/);
  if (check) return `harness fails: check ${check[1].replace(/\(.+\)/, "(…)")}`;
  return `harness fails: ${errorKind(detail)}`;
}

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
  /** Samples with the same verdict on both sides. */
  agree: number;
  /** Samples the record flags as passing only as sloppy scripts ({@link SLOPPY_ONLY_FIELDS}). */
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
 *   failedCase: pass ? null : failedCase, taskError: null, sloppyOnly: false, code: null,
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
  const differences = comparisons.filter((c) => c.assay.pass !== c.harness.pass)
    .map((c) => ({ ...c, cause: deriveCause(c) }));
  return {
    benchmark,
    samples: comparisons.length,
    assayPasses: comparisons.filter((c) => c.assay.pass).length,
    harnessPasses: comparisons.filter((c) => c.harness.pass).length,
    agree: comparisons.length - differences.length,
    sloppyOnly: comparisons.filter((c) => c.assay.sloppyOnly).length,
    wallMs,
    differences,
  };
}
