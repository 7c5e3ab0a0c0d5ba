/**
 * The time limits one sample of a task runs under, from what the task declares and what the run
 * derived from its reference (reference_timeouts.ts): the sample's limit is the derived one, else
 * the task's `timeoutMs`; each case's limit is the task's own where it sets one (an EvalPlus
 * tests.py's `# assay-case-limits` line: lib/task/importers/case_limits_line.ts), else the derived
 * one, else none (the sample's limit bounds it).
 *
 * @module
 */
import { caseLimitsOf } from "../task/importers/case_limits_line.ts";
import type { Task } from "../task/schema.ts";

/**
 * A task's own per-case limits, ms by case name: a Python task's tests.py `# assay-case-limits`
 * line; {} when it has none, and for a line that does not parse (a task error then:
 * task_problem.ts `testsParseProblem`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { taskCaseLimits } from "./sample_limits.ts";
 * const testsSource = '# assay-case-limits: {"base 1: f(1)": 120}\nfrom solution import f\n';
 * assert.deepEqual(taskCaseLimits({ language: "py", testsSource }), { "base 1: f(1)": 120 });
 * assert.deepEqual(taskCaseLimits({ language: "ts", testsSource }), {});
 * assert.deepEqual(taskCaseLimits({ language: "py", testsSource: "# assay-case-limits: {\n" }), {});
 * ```
 */
export function taskCaseLimits(
  task: Pick<Task, "language" | "testsSource">,
): Record<string, number> {
  if (task.language !== "py") return {};
  try {
    return caseLimitsOf(task.testsSource);
  } catch {
    return {};
  }
}

/** The limits {@link sampleLimits} gives a sample. */
export interface SampleLimits {
  /** The sample's wall-clock limit, ms. */
  timeoutMs: number;
  /** Each case's own limit, ms by case name; absent when no case has one. */
  caseTimeoutMs?: Record<string, number>;
}

/**
 * The limits a sample of `task` runs under, given what the run derived from its reference
 * (`derived`, absent when nothing was derived). A case limit the task sets wins over the
 * derived one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleLimits } from "./sample_limits.ts";
 * const task = {
 *   language: "py" as const, timeoutMs: 5000,
 *   testsSource: '# assay-case-limits: {"a": 120}\nfrom solution import f\n',
 * };
 * assert.deepEqual(sampleLimits(task), { timeoutMs: 5000, caseTimeoutMs: { a: 120 } });
 * assert.deepEqual(
 *   sampleLimits(task, { timeoutMs: 2000, cases: { a: 500, b: 500 } }),
 *   { timeoutMs: 2000, caseTimeoutMs: { a: 120, b: 500 } },
 * );
 * assert.deepEqual(sampleLimits({ ...task, language: "ts" }), { timeoutMs: 5000 });
 * ```
 */
export function sampleLimits(
  task: Pick<Task, "language" | "testsSource" | "timeoutMs">,
  derived?: { timeoutMs: number; cases?: Record<string, number> },
): SampleLimits {
  const cases = { ...derived?.cases, ...taskCaseLimits(task) };
  return {
    timeoutMs: derived?.timeoutMs ?? task.timeoutMs,
    ...(Object.keys(cases).length ? { caseTimeoutMs: cases } : {}),
  };
}
