/**
 * The last step of both runners (the strict one, lib/sandbox/deno.ts, and the warm pool,
 * lib/sandbox/pool.ts), so that both tell a result identically in terms of the answer: a load
 * error worded on the answer's own lines ({@link loadEvidence}), and the changes the harness
 * made to the answer before running it.
 *
 * @module
 */
import { solutionSource } from "./solution_source.ts";
import { loadEvidence } from "./load_evidence.ts";
import type { SandboxJob, SandboxResult } from "./sandbox.ts";

/**
 * `result` with `harnessChanges` set and, for a load error, the detail and the missing cases'
 * messages reworded by {@link loadEvidence}. Applying it twice changes nothing more.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { answerResult } from "./answer_result.ts";
 * const job = {
 *   code: "function f() {\n  return (1;\n}",
 *   testsSource: "",
 *   cases: [{ name: "a", kind: "core" as const, tags: [] }],
 *   entry: "f",
 * };
 * const raw = "TypeError: SyntaxError: Expected ',', got ';'\n  |\n2 |   return (1;\n    at file:///job/solution.ts:2:12";
 * const r = answerResult({
 *   outcome: "load_error",
 *   detail: raw,
 *   cases: [{ name: "a", kind: "core", status: "missing", message: `load_error: ${raw}`, ms: null }],
 *   execMs: 1,
 *   stderr: "",
 * }, job);
 * assert.equal(r.detail, "SyntaxError: Expected ',', got ';' at line 2:12");
 * assert.equal(r.cases[0].message, `load_error: ${r.detail}`);
 * assert.deepEqual(r.harnessChanges, ["added export { f } (the answer defines f without exporting it)"]);
 * assert.deepEqual(answerResult(r, job), r);
 * ```
 */
export function answerResult(result: SandboxResult, job: SandboxJob): SandboxResult {
  const { change, appended } = solutionSource(job);
  const harnessChanges = change === null ? [] : [change];
  if (result.outcome !== "load_error") return { ...result, harnessChanges };
  const detail = loadEvidence(result.detail, job.code, appended);
  const was = `load_error: ${result.detail}`;
  const cases = result.cases.map((c) =>
    c.message === was ? { ...c, message: `load_error: ${detail}` } : c
  );
  return { ...result, detail, cases, harnessChanges };
}
