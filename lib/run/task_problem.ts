/**
 * Why a task cannot be judged — a defect of the task, never of the model: its tests file does not
 * parse, a declared case is not defined by it, or its own reference does not pass it. A sample of
 * such a task is recorded with `taskError` and left out of every model score.
 *
 * @module
 */
import { answerSyntaxError } from "../sandbox/answer_syntax.ts";
import type { SandboxResult } from "../sandbox/sandbox.ts";
import { caseLimitsOf } from "../task/importers/case_limits_line.ts";
import type { Task } from "../task/schema.ts";

/**
 * The tests file's own syntax error, read without running anything (the SWC parser `deno run`
 * loads modules with, through lib/sandbox/answer_syntax.ts; it loads in no time, unlike the
 * TypeScript compiler), or, for a Python task, a per-case limits line it cannot read
 * (lib/task/importers/case_limits_line.ts); or null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { testsParseProblem } from "./task_problem.ts";
 * assert.equal(testsParseProblem({ testsSource: "export const cases = {};", language: "ts" }), null);
 * assert.match(testsParseProblem({ testsSource: "export const cases = {", language: "ts" }) ?? "", /^tests\.ts does not parse: .* at line 1:/);
 * assert.equal(
 *   testsParseProblem({ testsSource: '# assay-case-limits: {"a": 0}\n', language: "py" }),
 *   'Cannot read the case limits of tests.py: "a": expected a positive number of ms, got 0',
 * );
 * ```
 */
export function testsParseProblem(task: Pick<Task, "testsSource" | "language">): string | null {
  if (task.language === "py") {
    // A Python tests file is parsed by the harness: its reference run names a syntax error.
    try {
      caseLimitsOf(task.testsSource);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }
  const error = answerSyntaxError(task.testsSource);
  return error === null ? null : `tests.ts does not parse: ${error.replace(/^SyntaxError: /, "")}`;
}

/**
 * Declared cases the tests file does not define, read from a run's verdicts, or null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { undefinedCasesProblem } from "./task_problem.ts";
 * const cases = [{ name: "b", kind: "core" as const, status: "error" as const, message: 'test case "b" is not defined in tests.ts', ms: 0 }];
 * assert.equal(undefinedCasesProblem(cases), 'declared case(s) not defined in tests.ts: b');
 * ```
 */
export function undefinedCasesProblem(cases: SandboxResult["cases"]): string | null {
  // Exactly the runner's own words for this case: a candidate's thrown error is always described
  // with a "Name: " or "thrown non-Error" prefix, so it cannot pass itself off as a task defect.
  const file = (c: { message: string }) => c.message.endsWith("tests.py") ? "tests.py" : "tests.ts";
  const undefinedCases = cases.filter((c) =>
    c.status === "error" && c.message === `test case "${c.name}" is not defined in ${file(c)}`
  );
  const names = undefinedCases.map((c) => c.name);
  return names.length
    ? `declared case(s) not defined in ${file(undefinedCases[0])}: ${names.join(", ")}`
    : null;
}

/**
 * Why the run of a task's reference shows the task cannot be judged, or null when it passed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { referenceProblem } from "./task_problem.ts";
 * const pass = { outcome: "completed" as const, detail: "", execMs: 1, stderr: "", cases: [{ name: "a", kind: "core" as const, status: "pass" as const, message: "", ms: 1 }] };
 * assert.equal(referenceProblem(pass), null);
 * const fail = { ...pass, cases: [{ ...pass.cases[0], status: "fail" as const, message: "expected 2" }] };
 * assert.equal(referenceProblem(fail), "the reference fails its own tests: a (fail: expected 2)");
 * ```
 */
export function referenceProblem(result: SandboxResult): string | null {
  if (result.cases.every((c) => c.status === "pass")) return null;
  if (result.outcome === "load_error") {
    return `the reference and its tests do not load: ${result.detail}`;
  }
  const undefinedCases = undefinedCasesProblem(result.cases);
  if (undefinedCases) return undefinedCases;
  const failing = result.cases.filter((c) => c.status !== "pass");
  const shown = failing.slice(0, 3).map((c) =>
    `${c.name} (${c.status}${c.message ? `: ${c.message.split("\n")[0].slice(0, 120)}` : ""})`
  );
  return `the reference fails its own tests: ${shown.join("; ")}${
    failing.length > 3 ? `; and ${failing.length - 3} more` : ""
  }`;
}
