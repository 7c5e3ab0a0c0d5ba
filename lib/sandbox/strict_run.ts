/**
 * The strict runner's whole run of one job: one sandboxed process per attempt (strict_process.ts),
 * a fresh one for the cases after each case stopped at its own limit (case_limits.ts). The same
 * for every runtime: TypeScript (deno.ts) and Python (python.ts) differ only in the command they
 * spawn and how long it may take to start.
 *
 * @module
 */
import type { SandboxCommand } from "./argv.ts";
import { withCaseLimits } from "./case_limits.ts";
import { resolveLimits } from "./limits.ts";
import type { SandboxJob, SandboxLimits, SandboxResult } from "./sandbox.ts";
import { strictAttempt } from "./strict_process.ts";

/** Options for {@link strictRun}. */
export interface StrictRunOptions {
  /** The job's folder (each process's working directory). */
  cwd: string;
  /** The job: its cases, in order. */
  job: SandboxJob;
  /** The sample's and each case's limits and the output cap (defaults as `resolveLimits`). */
  limits: SandboxLimits;
  /**
   * How long the runtime may take to start before the sample's limit begins (its `ready` line;
   * see `StrictAttemptOptions.startupMs`). @default none: the limit counts from the spawn
   */
  startupMs?: number;
  /** Further fields of the runner's config line (see `StrictAttemptOptions.config`). @default none */
  config?: Readonly<Record<string, unknown>>;
}

/**
 * Run `job` with `command` (argv.ts) in `cwd` and return its verdicts: each attempt a process of
 * its own under the sample's limit, the cases after one stopped at its own limit in a fresh one.
 * Throws only when the sandbox itself cannot run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { strictRun } from "./strict_run.ts";
 * // A stand-in runner speaking the protocol: it reads its nonce and cases, and "hangs" never ends.
 * const runner = [
 *   "import json, sys, time",
 *   "c = json.loads(sys.stdin.read())",
 *   "say = lambda m: print('\\n' + c['nonce'], json.dumps(m), flush=True)",
 *   "for n in c['cases']:",
 *   "    say({'type': 'start', 'name': n})",
 *   "    if n == 'hangs': time.sleep(60)",
 *   "    say({'type': 'case', 'name': n, 'status': 'pass', 'message': '', 'ms': 1})",
 *   "say({'type': 'done'})",
 * ].join("\n");
 * const command = { argv: ["timeout", "-s", "KILL", "30s", "python3", "-c", runner], env: {} };
 * const cases = ["a", "hangs", "c"].map((name) => ({ name, kind: "core" as const, tags: [] }));
 * const job = { code: "", testsSource: "", entry: "f", cases };
 * const r = await strictRun(command, {
 *   cwd: "/",
 *   job,
 *   limits: { timeoutMs: 10_000, caseTimeoutMs: { hangs: 300 } },
 * });
 * assert.deepEqual(r.cases.map((c) => c.status), ["pass", "timeout", "pass"]);
 * assert.equal(r.cases[1].message, "exceeded its 300 ms case limit");
 * assert.equal(r.outcome, "timeout");
 * ```
 */
export function strictRun(command: SandboxCommand, o: StrictRunOptions): Promise<SandboxResult> {
  const { timeoutMs, outputCapBytes } = resolveLimits(o.limits);
  return withCaseLimits(
    o.job,
    { ...o.limits, timeoutMs },
    (attemptJob) =>
      strictAttempt(command, {
        cwd: o.cwd,
        job: attemptJob,
        timeoutMs,
        limits: o.limits,
        outputCap: outputCapBytes,
        ...(o.startupMs !== undefined ? { startupMs: o.startupMs } : {}),
        ...(o.config !== undefined ? { config: o.config } : {}),
      }),
  );
}
