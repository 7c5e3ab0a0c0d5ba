/**
 * `SandboxUnavailableError`: generated code cannot be run as asked on this machine — the runtime
 * did not start inside the sandbox, CPython asked for without bubblewrap, declared Python packages
 * not installed, the Pyodide snapshot cannot be made, a fleet worker's sandbox failing. Not the
 * code's failure (never recorded as its verdict): the run stops, resumable, and the CLI exits 3.
 *
 * @module
 */

/**
 * The sandbox cannot run jobs as asked; the message says what to install or change.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SandboxUnavailableError } from "./sandbox_unavailable.ts";
 * const e = new SandboxUnavailableError("Cannot run CPython without OS isolation");
 * assert.equal(e.name, "SandboxUnavailableError");
 * assert.ok(e instanceof Error);
 * ```
 */
export class SandboxUnavailableError extends Error {
  override name = "SandboxUnavailableError";
}
