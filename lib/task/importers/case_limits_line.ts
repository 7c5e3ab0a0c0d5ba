/**
 * Per-case time limits carried by a Python task's tests.py. The task schema has no field for them,
 * so an importer that has them (EvalPlus: evalplus.ts) writes them as one comment line,
 * `# assay-case-limits: {"<case name>": <ms>, …}`, and a run reads them back
 * (lib/run/sample_limits.ts) as the sandbox's `caseTimeoutMs`.
 *
 * @module
 */

/** The start of the comment line of tests.py holding the per-case time limits. */
export const CASE_LIMITS_PREFIX = "# assay-case-limits: ";

/**
 * The text of the comment line for `limits` (case name → ms), without its `# ` (as
 * `pythonTestsModule`'s `comments` take it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseLimitsComment } from "./case_limits_line.ts";
 * assert.equal(caseLimitsComment({ "base 1: f(1)": 50 }), 'assay-case-limits: {"base 1: f(1)":50}');
 * ```
 */
export function caseLimitsComment(limits: Readonly<Record<string, number>>): string {
  return `${CASE_LIMITS_PREFIX.slice(2)}${JSON.stringify(limits)}`;
}

/**
 * The per-case time limits a tests.py records (case name → ms); {} when it has no such line.
 * Throws when the line is not a JSON object of positive numbers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseLimitsOf } from "./case_limits_line.ts";
 * const tests = '# from EvalPlus\n# assay-case-limits: {"base 1: f(1)": 50}\nfrom solution import f\n';
 * assert.deepEqual(caseLimitsOf(tests), { "base 1: f(1)": 50 });
 * assert.deepEqual(caseLimitsOf("from solution import f\n"), {});
 * assert.throws(
 *   () => caseLimitsOf('# assay-case-limits: {"a": "fast"}\n'),
 *   /^Error: Cannot read the case limits of tests\.py: "a": expected a positive number of ms, got "fast"$/,
 * );
 * ```
 */
export function caseLimitsOf(testsSource: string): Record<string, number> {
  const line = testsSource.split("\n").find((l) => l.startsWith(CASE_LIMITS_PREFIX));
  if (line === undefined) return {};
  const problem = (detail: string) =>
    new Error(`Cannot read the case limits of tests.py: ${detail}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(CASE_LIMITS_PREFIX.length));
  } catch (error) {
    throw problem(`not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw problem(`expected a JSON object of case name to ms, got ${JSON.stringify(parsed)}`);
  }
  for (const [name, ms] of Object.entries(parsed)) {
    if (typeof ms !== "number" || !Number.isFinite(ms) || ms <= 0) {
      throw problem(
        `${JSON.stringify(name)}: expected a positive number of ms, got ${JSON.stringify(ms)}`,
      );
    }
  }
  return parsed as Record<string, number>;
}
