/**
 * Per-test-case time limits, the same for the strict runner and the warm pool.
 *
 * A sample has a wall-clock limit (`timeoutMs`) and each case a limit of its own
 * (`caseTimeoutMs`: one number for every case, or a limit per case name; a case without one is
 * bounded by the sample's). A case over its own limit gets the status `timeout`; its process (or
 * context) is abandoned, and the cases after it run in a fresh one (the modules are evaluated
 * again) under the sample's limit anew. When the sample's limit runs out, the case running gets
 * `timeout` and the cases after it are `missing`. Either way the sample's outcome is `timeout`
 * and its detail names the limit.
 *
 * The sample's limit applies to each run anew, not to their sum: with a sum, how many of the
 * cases after a stopped one got to run would depend on the machine's speed (process start-up
 * is charged to it), and so would their verdicts. A sample thus takes at most about
 * (stopped cases + 1) × its limit.
 *
 * @module
 */
import type { CaseVerdict } from "../record/case_verdict.ts";
import { resolveLimits } from "./limits.ts";
import type { SandboxJob, SandboxLimits, SandboxResult } from "./sandbox.ts";

/**
 * The limit of the case `name`, ms, or null when it has none of its own (the sample's limit
 * bounds it).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseLimit } from "./case_limits.ts";
 * assert(caseLimit({ caseTimeoutMs: 500 }, "a") === 500);
 * assert(caseLimit({ caseTimeoutMs: { a: 700 } }, "a") === 700);
 * assert(caseLimit({ caseTimeoutMs: { a: 700 } }, "b") === null);
 * assert(caseLimit({}, "a") === null);
 * ```
 */
export function caseLimit(limits: SandboxLimits, name: string): number | null {
  const c = limits.caseTimeoutMs;
  if (c === undefined) return null;
  if (typeof c === "number") return c;
  return Object.hasOwn(c, name) ? c[name] : null;
}

/**
 * The message of a case stopped at its own limit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseTimeoutMessage } from "./case_limits.ts";
 * assert(caseTimeoutMessage(500) === "exceeded its 500 ms case limit");
 * ```
 */
export const caseTimeoutMessage = (limitMs: number): string =>
  `exceeded its ${limitMs} ms case limit`;

/**
 * The message of the case running when the sample's limit ran out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleTimeoutMessage } from "./case_limits.ts";
 * assert(sampleTimeoutMessage(2000) === "timeout: exceeded 2000 ms while this case ran");
 * ```
 */
export const sampleTimeoutMessage = (timeoutMs: number): string =>
  `timeout: exceeded ${timeoutMs} ms while this case ran`;

/** One attempt: a run of some of the job's cases in a fresh process or context. */
export interface Attempt extends SandboxResult {
  /** The case stopped at its own limit (its status is `timeout`); the cases after it did not run. */
  caseTimedOut?: string;
}

/**
 * Run `job` with `attempt` and, each time a case is stopped at its own limit, run the cases
 * after it in a fresh attempt. `attempt` gets the cases to run, runs them under the sample's
 * limit (each attempt anew), and reports the cases it did not reach as `missing`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withCaseLimits } from "./case_limits.ts";
 * const job = { code: "", testsSource: "", entry: "f", cases: ["a", "b", "c"].map((name) => ({ name, kind: "core" as const, tags: [] })) };
 * const seen: string[][] = [];
 * const r = await withCaseLimits(job, { timeoutMs: 1000, caseTimeoutMs: 100 }, (j) => {
 *   seen.push(j.cases.map((c) => c.name));
 *   // "b" hangs: an attempt that runs it stops there, and the cases after it do not run.
 *   const hangs = j.cases.some((c) => c.name === "b");
 *   let after = false;
 *   return Promise.resolve({
 *     outcome: hangs ? "timeout" as const : "completed" as const,
 *     detail: "", execMs: 1, stderr: "",
 *     ...(hangs ? { caseTimedOut: "b" } : {}),
 *     cases: j.cases.map((c) => {
 *       const status: "pass" | "timeout" | "missing" = c.name === "b" ? "timeout" : after ? "missing" : "pass";
 *       if (c.name === "b") after = true;
 *       return { name: c.name, kind: c.kind, status, message: "", ms: status === "missing" ? null : 1 };
 *     }),
 *   });
 * });
 * assert.deepEqual(seen, [["a", "b", "c"], ["c"]]);
 * assert.deepEqual(r.cases.map((c) => c.status), ["pass", "timeout", "pass"]);
 * assert.equal(r.outcome, "timeout");
 * assert.match(r.detail, /case "b" exceeded its 100 ms case limit/);
 * ```
 */
export async function withCaseLimits(
  job: SandboxJob,
  limits: SandboxLimits,
  attempt: (job: SandboxJob) => Promise<Attempt>,
): Promise<SandboxResult> {
  const { timeoutMs } = resolveLimits(limits);
  // The sample's time is its attempts' own (a runtime's start before its `ready` line excluded).
  let execMs = 0;
  const verdicts = new Map<string, CaseVerdict>();
  const stoppedCases: string[] = [];
  let todo = job.cases;
  let last: Attempt | null = null;
  const stderr: string[] = [];
  for (;;) {
    const r = await attempt(todo === job.cases ? job : { ...job, cases: todo });
    last = r;
    execMs += r.execMs;
    if (r.stderr) stderr.push(r.stderr);
    const at = r.caseTimedOut === undefined ? -1 : todo.findIndex((c) => c.name === r.caseTimedOut);
    for (const c of r.cases) {
      if (at < 0 || todo.findIndex((t) => t.name === c.name) <= at) verdicts.set(c.name, c);
    }
    if (at < 0) break;
    stoppedCases.push(r.caseTimedOut!);
    todo = todo.slice(at + 1);
    if (todo.length === 0) break;
  }
  const missing = `timeout: exceeded ${timeoutMs} ms`;
  const cases = job.cases.map((c): CaseVerdict =>
    verdicts.get(c.name) ??
      { name: c.name, kind: c.kind, status: "missing", message: missing, ms: null }
  );
  const stopped = stoppedCases.map((name) => {
    const limit = caseLimit(limits, name);
    return `case "${name}" ${limit === null ? "timed out" : caseTimeoutMessage(limit)}`;
  });
  const end = last!;
  const lastDetail = end.outcome === "completed" || end.caseTimedOut !== undefined
    ? ""
    : end.detail;
  return {
    outcome: stoppedCases.length > 0 && end.outcome === "completed" ? "timeout" : end.outcome,
    detail: [...stopped, lastDetail].filter((d) => d !== "").join("; "),
    cases,
    execMs,
    stderr: stderr.join("\n").slice(-4000),
  };
}
