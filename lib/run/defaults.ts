/**
 * The defaults every front end of `evaluate()` shares (`./assay eval` and a notebook's
 * `session()`), so that the same question gets the same configuration wherever it is asked.
 *
 * @module
 */

/**
 * Defaults of a run made by the CLI or a notebook: the warm pool (strict verdicts by
 * construction, see lib/sandbox/pool.ts), 4 requests and 4 sandboxed programs in flight, one
 * sample, Pyodide for Python tasks. (The answer cache is on in both, in `data/cache`.)
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RUN_DEFAULTS } from "./defaults.ts";
 * assert.equal(RUN_DEFAULTS.sandbox, "pooled");
 * ```
 */
export const RUN_DEFAULTS = {
  sandbox: "pooled",
  concurrency: 4,
  sandboxConcurrency: 4,
  samples: 1,
  python: "pyodide",
} as const;
