/**
 * The CLI's exit codes and the errors that choose them: 0 ok, 1 policy violated (or the budget
 * reached), 2 usage or input error (printed without a stack trace), 3 tool or infrastructure failure.
 *
 * @module
 */

/**
 * Exit codes a CI can read: `budget` (1): `eval --budget` stopped the run, resumable, a limit the
 * user set, like a policy; `interrupted` (130, as shells report Ctrl-C): a run stopped, resumable.
 */
export const EXIT = { ok: 0, policy: 1, budget: 1, usage: 2, tool: 3, interrupted: 130 } as const;

/**
 * Bad command-line input or input file: printed without a stack trace, exit code 2.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UsageError } from "./errors.ts";
 * assert.equal(new UsageError("x").name, "UsageError");
 * ```
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * A tool or infrastructure failure the user should see plainly (every generation failed, the
 * sandbox is unavailable): printed without a stack trace, exit code 3.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ToolError } from "./errors.ts";
 * assert.equal(new ToolError("x").name, "ToolError");
 * ```
 */
export class ToolError extends Error {
  override name = "ToolError";
}

const SECRET = /(key|token|secret|password|passwd|auth)/i;

/**
 * The command line with secrets removed, for the run's manifest: the value of any flag or query
 * parameter whose name mentions a key, token, secret or password, and credentials in URLs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scrubArgs } from "./errors.ts";
 * assert.deepEqual(
 *   scrubArgs(["eval", "--api-key", "sk-1", "--model", "openai:x?api_key=sk-2&temperature=0", "--base", "http://u:pw@h/v1"]),
 *   ["eval", "--api-key", "***", "--model", "openai:x?api_key=***&temperature=0", "--base", "http://***@h/v1"],
 * );
 * ```
 */
export function scrubArgs(args: readonly string[]): string[] {
  return args.map((arg, i) => {
    const prev = args[i - 1];
    if (prev !== undefined && /^--?[\w-]+$/.test(prev) && SECRET.test(prev)) return "***";
    return arg
      .replace(/^(--?[\w-]*(?:key|token|secret|password)[\w-]*=).*$/i, "$1***")
      .replace(/([?&][\w-]*(?:key|token|secret|password)[\w-]*=)[^&]*/gi, "$1***")
      .replace(/(\w+:\/\/)[^/@\s]+@/g, "$1***@");
  });
}
