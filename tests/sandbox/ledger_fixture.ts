/**
 * The answer of issue 12, finding 7: 38 lines that end inside an unterminated class `Ledger`,
 * which does not export it (so the harness appends `export { Ledger };` as line 40).
 *
 * @module
 */

const head = [
  "// A ledger of accounts.",
  "type Entry = { account: string; amount: number };",
  "",
  "class Ledger {",
  "  private entries: Entry[] = [];",
  "",
];
const methods = Array.from(
  { length: 30 },
  (_, i) => `  m${i + 6}(): number { return ${i + 6}; }`,
);

/** The answer's code: 38 lines and a final newline. */
export const LEDGER_CODE = [
  ...head,
  ...methods,
  "  total(): number {",
  "    return this.entries.reduce((s, e) => s + e.amount, 0);",
].join("\n") + "\n";

/** Tests that import the entry `Ledger`. */
export const LEDGER_TESTS = `import assert from "node:assert/strict";
import { Ledger } from "./solution.ts";
export const cases = { total: () => assert.equal(new Ledger().total(), 0) };`;

/** The evidence the sandbox gives for it: the answer's own last line, in one clean message. */
export const LEDGER_DETAIL = "SyntaxError: Unexpected end of input at line 38:59";
