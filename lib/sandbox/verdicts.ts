/**
 * The one verdict assembly, for the strict runner and the warm pool alike: the cases an attempt
 * reported (the runner's or a host's protocol lines), the case a time limit stopped, and the
 * cases never reached become the attempt's per-case verdicts, in declared order.
 *
 * @module
 */
import type { CaseVerdict } from "../record/case_verdict.ts";
import type { Outcome } from "../record/outcome.ts";
import {
  type Attempt,
  caseLimit,
  caseTimeoutMessage,
  sampleTimeoutMessage,
} from "./case_limits.ts";
import type { SandboxJob, SandboxLimits } from "./sandbox.ts";

/** What a case reported (its first report; later ones are ignored). */
export interface CaseReport {
  status: CaseVerdict["status"];
  message: string;
  ms: number;
}

/** The case running when a time limit stopped the attempt. */
export interface StoppedCase {
  name: string;
  /** True when its own limit ran out (then the cases after it run in a fresh attempt). */
  own: boolean;
  /** How long it ran, ms. */
  ms: number;
}

/** Input of {@link assembleVerdicts}. */
export interface VerdictParts {
  /** The job the attempt ran (its cases, in declared order). */
  job: SandboxJob;
  /** The cases that reported, by name. */
  reported: ReadonlyMap<string, CaseReport>;
  /** How the attempt ended, and why (empty for `completed`). */
  outcome: Outcome;
  detail: string;
  /** The message of a case that never reported. */
  missing: string;
  /** The case a time limit stopped, if any: `timeout` unless it reported. @default null */
  stopped?: StoppedCase | null;
  /** The limits (for the stopped case's message). */
  limits: SandboxLimits;
  /** The sample's limit, ms (for the stopped case's message). */
  timeoutMs: number;
  execMs: number;
  stderr: string;
}

/**
 * The attempt's result: every declared case with its report, or `timeout` for the stopped case,
 * or `missing`; a `completed` attempt with a case missing is `exited`. `caseTimedOut` names the
 * stopped case when its own limit ran out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { assembleVerdicts } from "./verdicts.ts";
 * const job = { code: "", testsSource: "", entry: "f", cases: ["a", "b", "c"].map((name) => ({ name, kind: "core" as const, tags: [] })) };
 * const r = assembleVerdicts({
 *   job,
 *   reported: new Map([["a", { status: "pass" as const, message: "", ms: 1 }]]),
 *   outcome: "timeout", detail: "exceeded 1000 ms", missing: "timeout: exceeded 1000 ms",
 *   stopped: { name: "b", own: true, ms: 100 },
 *   limits: { caseTimeoutMs: 100 }, timeoutMs: 1000, execMs: 120, stderr: "",
 * });
 * assert.deepEqual(r.cases.map((c) => c.status), ["pass", "timeout", "missing"]);
 * assert.equal(r.cases[1].message, "exceeded its 100 ms case limit");
 * assert.equal(r.caseTimedOut, "b");
 * ```
 */
export function assembleVerdicts(p: VerdictParts): Attempt {
  const stopped = p.stopped ?? null;
  const cases = p.job.cases.map((c): CaseVerdict => {
    const got = p.reported.get(c.name);
    if (got) {
      return { name: c.name, kind: c.kind, status: got.status, message: got.message, ms: got.ms };
    }
    if (stopped !== null && c.name === stopped.name) {
      return {
        name: c.name,
        kind: c.kind,
        status: "timeout",
        message: stopped.own
          ? caseTimeoutMessage(caseLimit(p.limits, c.name)!)
          : sampleTimeoutMessage(p.timeoutMs),
        ms: stopped.ms,
      };
    }
    return { name: c.name, kind: c.kind, status: "missing", message: p.missing, ms: null };
  });
  const outcome = p.outcome === "completed" && cases.some((c) => c.status === "missing")
    ? "exited"
    : p.outcome;
  return {
    outcome,
    detail: p.detail,
    cases,
    execMs: p.execMs,
    stderr: p.stderr,
    ...(stopped !== null && stopped.own ? { caseTimedOut: stopped.name } : {}),
  };
}
