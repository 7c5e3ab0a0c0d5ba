/**
 * A load error told in terms of the answer. Deno reports a syntax error in the file it loaded,
 * `solution.ts`, which may end with the export the harness appended, wrapped in a TypeError and
 * followed by a code frame and a job path. The answer's reader needs one line that points into
 * the code the model wrote.
 *
 * @module
 */
import { answerSyntaxError, ownPosition, parserMessage } from "./answer_syntax.ts";

/** A syntax error as the loader or V8 words it (not a link error, not a JSON.parse at load). */
const SYNTAX =
  /^(?:error: )?(?:Uncaught (?:\(in promise\) )?)?(?:TypeError: )?SyntaxError: (?!The requested module)/;
/** A location in a job file: the strict runner's folder, bubblewrap's `/job`, or the pool's. */
const LOCATION = /\s*at file:\/\/\/(?:job|tmp\/assay-job-[\w-]+)\/(\S+?):(\d+):(\d+)/;

/**
 * Reword a load error's detail: when the answer alone does not parse, its own first syntax error
 * (whatever the loader said); otherwise a syntax error with one `SyntaxError:` prefix and its
 * position in the answer (`at line L:C`), in another job file (`in tests.ts at line L:C`), or in
 * the statement the harness appended (`appended`, never blamed on the answer). Any other detail
 * comes back unchanged.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadEvidence } from "./load_evidence.ts";
 * const raw = "TypeError: SyntaxError: 'import', and 'export' cannot be used outside of module code\n" +
 *   "  |\n4 | export { A };\n  | ~~~~~~\n    at file:///job/solution.ts:4:1";
 * assert.equal(
 *   loadEvidence(raw, "class A {\n  f() {\n", "export { A };"),
 *   "SyntaxError: Unexpected end of input at line 2:8",
 * );
 * assert.equal(
 *   loadEvidence("SyntaxError: Identifier 'x' has already been declared at file:///job/solution.ts:2:7", "let x;\nlet x;\n", null),
 *   "SyntaxError: Identifier 'x' has already been declared at line 2:7",
 * );
 * assert.equal(loadEvidence("Error: boom", "throw new Error('boom');", null), "Error: boom");
 * ```
 */
export function loadEvidence(detail: string, answer: string, appended: string | null): string {
  if (!SYNTAX.test(detail)) return detail;
  const own = answerSyntaxError(answer);
  if (own !== null) return own;
  const first = detail.split("\n")[0].replace(SYNTAX, "").replace(LOCATION, "").trim();
  const message = `SyntaxError: ${parserMessage(first)}`;
  const at = LOCATION.exec(detail);
  if (!at) return message;
  const [, path, line, column] = at;
  if (path !== "solution.ts") return `${message} in ${path} at line ${line}:${column}`;
  const lastOwn = answer.split("\n").length;
  if (appended !== null && Number(line) > lastOwn) {
    return `${message}, in the ${
      appended.replace(/;$/, "")
    } the harness added after the answer's last line`;
  }
  const p = ownPosition(answer, Number(line), Number(column));
  return `${message} at line ${p.line}:${p.column}`;
}
