/**
 * What one strict-runner process said: its protocol lines on stdout, its exit, its stderr and the
 * limit it was stopped at, read into an attempt's outcome and per-case verdicts (assembled as
 * the pool's are: verdicts.ts).
 *
 * @module
 */
import type { Outcome } from "../record/outcome.ts";
import type { Attempt } from "./case_limits.ts";
import type { SandboxJob, SandboxLimits } from "./sandbox.ts";
import { undeclaredImport } from "./undeclared_import.ts";
import { assembleVerdicts, type CaseReport, type StoppedCase } from "./verdicts.ts";

/** Everything one strict-runner process left. */
export interface StrictRun {
  stdout: string;
  stderr: string;
  /** What was kept of stderr from its start (the fatal messages). */
  stderrHead: string;
  nonce: string;
  job: SandboxJob;
  /** The limit the process was stopped at, if any. */
  limit: Outcome | null;
  code: number;
  execMs: number;
  timeoutMs: number;
  limits: SandboxLimits;
  /** The case a time limit stopped while it ran. @default null */
  stopped?: StoppedCase | null;
}

/**
 * The attempt's result: the protocol lines (`case`, `load_error`, `done`) that carry the nonce,
 * and how the process ended (a limit, V8's out-of-memory message, a load error, an early exit).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { strictVerdicts } from "./strict_verdicts.ts";
 * const job = { code: "", testsSource: "", entry: "f", cases: [{ name: "a", kind: "core" as const, tags: [] }] };
 * const r = strictVerdicts({
 *   stdout: 'n {"type":"case","name":"a","status":"pass","message":"","ms":1}\nn {"type":"done"}\n',
 *   stderr: "", stderrHead: "", nonce: "n", job, limit: null, code: 0, execMs: 5, timeoutMs: 1000, limits: {},
 * });
 * assert.equal(r.outcome, "completed");
 * assert.equal(r.cases[0].status, "pass");
 * ```
 */
export function strictVerdicts(r: StrictRun): Attempt {
  const reported = new Map<string, CaseReport>();
  let loadError: string | null = null;
  let done = false;
  const prefix = `${r.nonce} `;
  for (const line of r.stdout.split("\n")) {
    if (!line.startsWith(prefix)) continue;
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(line.slice(prefix.length));
    } catch {
      continue;
    }
    if (msg.type === "case" && typeof msg.name === "string" && !reported.has(msg.name)) {
      reported.set(msg.name, {
        status: msg.status as CaseReport["status"],
        message: String(msg.message ?? ""),
        ms: Number(msg.ms ?? 0),
      });
    } else if (msg.type === "load_error") loadError = String(msg.message);
    else if (msg.type === "done") done = true;
  }
  let outcome: Outcome;
  let detail = "";
  if (r.limit) {
    outcome = r.limit;
    detail = r.limit === "timeout" ? `exceeded ${r.timeoutMs} ms` : "output exceeded the cap";
  } else if (
    !done && (/Fatal (JavaScript|process) out of memory|Reached heap limit/.test(r.stderrHead) ||
      r.code === 133)
  ) {
    // Only a run that did not finish: printing V8's message cannot relabel a completed run.
    outcome = "memory_limit";
    detail = /Fatal process out of memory/.test(r.stderrHead)
      ? "process memory limit reached (data segment cap)"
      : "JavaScript heap limit reached";
  } else if (loadError !== null) {
    outcome = "load_error";
    detail = loadError;
    // Its own reason: a package outside the task's declared dependencies (the store holds no other).
    const pkg = undeclaredImport(loadError, r.job.code);
    if (pkg !== null) detail = `import of "${pkg}", not a declared dependency: ${loadError}`;
  } else if (!done) {
    outcome = "exited";
    // With every case reported it ended before the runner's `done` (a timer due then threw).
    detail = `the process exited with code ${r.code} ${
      reported.size === r.job.cases.length
        ? "after every case reported, before it was done"
        : "before every case reported"
    }`;
    const lastError = r.stderr.trim().split("\n").find((l) => /error/i.test(l));
    if (lastError) detail += `: ${lastError.trim()}`;
    if (
      reported.size === 0 &&
      /SyntaxError|The module's source code could not be parsed/.test(r.stderr)
    ) {
      outcome = "load_error";
      detail = r.stderr.trim().split("\n").slice(0, 3).join(" ");
    }
  } else outcome = "completed";
  return assembleVerdicts({
    job: r.job,
    reported,
    outcome,
    detail,
    missing: outcome === "completed" ? "never reported" : `${outcome}: ${detail}`,
    stopped: r.stopped ?? null,
    limits: r.limits,
    timeoutMs: r.timeoutMs,
    execMs: r.execMs,
    stderr: r.stderr,
  });
}
