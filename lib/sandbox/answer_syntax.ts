/**
 * The answer's own syntax error, found by parsing the answer alone, before anything the harness
 * adds: Deno's `stripTypeScriptTypes` uses the SWC parser that `deno run` loads modules with, and
 * takes well under a millisecond.
 *
 * @module
 */
import { stripTypeScriptTypes } from "node:module";

/** SWC's terse wordings → the ones a reader knows (V8's). */
const REWORDED: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Unexpected eof$/, "Unexpected end of input"],
];

/**
 * Reword a parser message: SWC's `Unexpected eof` becomes `Unexpected end of input`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parserMessage } from "./answer_syntax.ts";
 * assert.equal(parserMessage("Unexpected eof"), "Unexpected end of input");
 * assert.equal(parserMessage("Expression expected"), "Expression expected");
 * ```
 */
export function parserMessage(message: string): string {
  const found = REWORDED.find(([pattern]) => pattern.test(message));
  return found ? found[1] : message;
}

/**
 * A position in `code`, moved back onto a line the answer wrote: a position past its last line
 * that is not blank (the end of input after a final newline) becomes the end of that line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ownPosition } from "./answer_syntax.ts";
 * assert.deepEqual(ownPosition("let a = {\n  b: 1,\n\n", 4, 1), { line: 2, column: 8 });
 * assert.deepEqual(ownPosition("let a = {\n  b: 1,\n", 1, 9), { line: 1, column: 9 });
 * ```
 */
export function ownPosition(
  code: string,
  line: number,
  column: number,
): { line: number; column: number } {
  const lines = code.split("\n");
  let last = lines.length;
  while (last > 1 && lines[last - 1].trim() === "") last--;
  if (line <= last) return { line, column };
  return { line: last, column: lines[last - 1].length + 1 };
}

/**
 * Parse the answer alone as a TypeScript module; return its first syntax error as one line,
 * `SyntaxError: <message> at line <line>:<column>` (a position in the answer), or null when it
 * parses. Errors V8 finds only when it compiles the module (a name declared twice) are not
 * looked for.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { answerSyntaxError } from "./answer_syntax.ts";
 * assert.equal(answerSyntaxError("export const x: number = 1;\n"), null);
 * assert.equal(
 *   answerSyntaxError("class A {\n  f() {\n    return 1;\n"),
 *   "SyntaxError: Unexpected end of input at line 3:14",
 * );
 * assert.equal(
 *   answerSyntaxError("export function f() {\n  return 1;\n"),
 *   "SyntaxError: Expected '}', got '<eof>' at line 2:12",
 * );
 * ```
 */
export function answerSyntaxError(code: string): string | null {
  let text: string;
  try {
    stripTypeScriptTypes(code, { mode: "transform" });
    return null;
  } catch (error) {
    text = error instanceof Error ? error.message : String(error);
  }
  // Anything but a parse error (syntax the stripper does not support) is left to the loader.
  if (!text.startsWith("SyntaxError: ")) return null;
  const message = parserMessage(text.split("\n")[0].slice("SyntaxError: ".length).trim());
  const at = /:(\d+):(\d+)\s*$/.exec(text.split("\n").find((l) => /^\s*at /.test(l)) ?? "");
  if (!at) return `SyntaxError: ${message}`;
  const { line, column } = ownPosition(code, Number(at[1]), Number(at[2]));
  return `SyntaxError: ${message} at line ${line}:${column}`;
}
