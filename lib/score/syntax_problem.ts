/**
 * The cheap parse before the type-check batch: Deno's `stripTypeScriptTypes` (the same SWC parser
 * `deno check` and `deno run` use) throws on a syntax error in well under a millisecond, so a
 * file that would stop the whole batch is found without spawning anything.
 *
 * @module
 */
import { stripTypeScriptTypes } from "node:module";

/** A parse error at a position, with the TS1xxx code that best names it. */
export interface SyntaxProblem {
  /** A TS1xxx code chosen from the parser's message (the parser itself prints none). */
  code: number;
  /** The parser's message, e.g. `Expected '}', got '<eof>'`. */
  message: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** Parser message → the TypeScript code for the same error. First match wins. */
const CODES: ReadonlyArray<readonly [RegExp, number]> = [
  [/Unterminated string/i, 1002],
  [/Unterminated template/i, 1160],
  [/Unterminated regexp/i, 1161],
  [/Unterminated comment/i, 1010],
  [/Invalid character|Unexpected character/i, 1127],
  [/Expression expected/i, 1109],
  [/Unexpected token/i, 1012],
  [/Expected|expected/, 1005],
];

/**
 * Parse `source` as TypeScript; return the first syntax error, or null when it parses.
 * Type errors are not looked for.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { syntaxProblem } from "./syntax_problem.ts";
 * assert.equal(syntaxProblem("export const x: number = 1;"), null);
 * assert.deepEqual(syntaxProblem("export function f() {\n  return 1;\n"), {
 *   code: 1005,
 *   message: "Expected '}', got '<eof>'",
 *   line: 2,
 *   column: 12,
 * });
 * ```
 */
export function syntaxProblem(source: string): SyntaxProblem | null {
  try {
    stripTypeScriptTypes(source, { mode: "transform" });
    return null;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const first = text.split("\n")[0].replace(/^(?:\w*Error: )+/, "").trim();
    const at = /:(\d+):(\d+)\s*$/m.exec(text.split("\n").find((l) => /^\s*at /.test(l)) ?? "");
    const code = CODES.find(([pattern]) => pattern.test(first))?.[1] ?? 1128;
    return {
      code,
      message: first,
      line: at ? Number(at[1]) : 1,
      column: at ? Number(at[2]) : 1,
    };
  }
}
