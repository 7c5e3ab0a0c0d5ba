/**
 * The verdict of a job that did not load.
 *
 * @module
 */
import type { SandboxJob, SandboxResult } from "./sandbox.ts";

/**
 * The verdict of a job that did not load (refused before it ran, or a syntax error): outcome
 * `load_error`, every case missing with the reason.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { refused } from "./refused.ts";
 * const r = refused({ code: "", testsSource: "", cases: [{ name: "a", kind: "core", tags: [] }], entry: "f" }, "why");
 * assert(r.outcome === "load_error" && r.cases[0].message === "load_error: why");
 * ```
 */
export function refused(job: SandboxJob, detail: string, execMs = 0): SandboxResult {
  return {
    outcome: "load_error",
    detail,
    cases: job.cases.map((c) => ({
      name: c.name,
      kind: c.kind,
      status: "missing" as const,
      message: `load_error: ${detail}`,
      ms: null,
    })),
    execMs,
    stderr: "",
  };
}
