/**
 * One type-check (or parse) diagnostic, recorded separately from execution.
 *
 * @module
 */
import { z } from "zod";

/**
 * One type-check (or parse) diagnostic, recorded separately from execution.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Diagnostic } from "./diagnostic.ts";
 * const d = Diagnostic.parse({ code: 2304, message: "Cannot find name 'foo'.", line: 3, column: 10, file: "solution" });
 * assert.equal(d.code, 2304);
 * ```
 */
export const Diagnostic = z.object({
  /** The TypeScript code: 1xxx syntax/grammar, 2xxx semantic (2339 missing property…). */
  code: z.number().int().describe("TypeScript diagnostic code, e.g. 2339; 1xxx are syntax"),
  /** The first line of the message. */
  message: z.string().describe("the first line of the diagnostic message"),
  /** 1-based line in the file it points at. */
  line: z.number().int().describe("1-based line"),
  /** 1-based column. */
  column: z.number().int().describe("1-based column"),
  /** Which file of the sample: the candidate's solution or the task's tests. */
  file: z.enum(["solution", "tests"]).describe("solution (the candidate) or tests (the task's)"),
  /** For a sample with a tree (a files answer), the tree path of the file (`file` is then "solution"). */
  path: z.string().optional().describe(
    "files answer: the tree path of the file the diagnostic is in (file is then solution)",
  ),
});
/** One type-check (or parse) diagnostic, recorded separately from execution. */
export type Diagnostic = z.infer<typeof Diagnostic>;
