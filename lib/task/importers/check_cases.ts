/**
 * Turning a run of test statements into test cases: every statement holding
 * an assertion (a "check") becomes one case, preceded by the setup
 * statements it depends on, and is named after what it asserts.
 *
 * @module
 */
import { matchingClose, type Span, splitArguments } from "../../source/statements.ts";
import type { Token } from "../../source/tokenize.ts";

/** One case of a generated tests file: its name and its body statements. */
export interface CaseDraft {
  /** The case name (unique within the task). */
  name: string;
  /** The statements the case runs, in order, as source text. */
  body: string[];
  /** 1-based line of the check in the original test text. */
  line: number;
}

/** Options for {@link checkCases}. */
export interface CheckCasesOptions {
  /** Whether a statement is a check (holds an assertion). */
  isCheck: (statement: Span) => boolean;
  /**
   * Which setup statements a case runs before its check: `all` (every setup
   * statement before it: helpers and loop variables), or `since-last-check`
   * (only those after the previous check: `let actual = …; let expected = …`).
   * @default "all"
   */
  setup?: "all" | "since-last-check";
  /** Rewrite one statement's text (e.g. `console.assert` → a throwing assert). @default the text */
  render?: (statement: Span) => string;
  /** Case name prefix. @default "assert" */
  prefix?: string;
}

/**
 * Group statements into cases, one per check, named
 * `"<prefix> <n>: <what it asserts>"` (at most 100 characters).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "../../source/tokenize.ts";
 * import { splitStatements } from "../../source/statements.ts";
 * import { checkCases } from "./check_cases.ts";
 * const src = "let a = f(2); let e = 4; assert.equal(a, e); assert.ok(f(0) === 0)";
 * const cases = checkCases(splitStatements(tokenize(src), src), {
 *   isCheck: (s) => s.text.startsWith("assert"),
 *   setup: "since-last-check",
 * });
 * assert.deepEqual(cases.map((c) => c.name), ["assert 1: f(2) → 4", "assert 2: f(0) === 0"]);
 * assert.deepEqual(cases[0].body, ["let a = f(2);", "let e = 4;", "assert.equal(a, e);"]);
 * ```
 */
export function checkCases(statements: Span[], options: CheckCasesOptions): CaseDraft[] {
  const render = options.render ?? ((s: Span) => s.text);
  const all = (options.setup ?? "all") === "all";
  const cases: CaseDraft[] = [];
  let setup: Span[] = [];
  for (const statement of statements) {
    if (!options.isCheck(statement)) {
      setup.push(statement);
      continue;
    }
    const label = checkLabel(statement, setup);
    cases.push({
      name: caseName(`${options.prefix ?? "assert"} ${cases.length + 1}`, label),
      body: [...setup, statement].map(render),
      line: statement.line,
    });
    if (!all) setup = [];
  }
  return cases;
}

/** The longest case name produced. */
export const MAX_CASE_NAME = 100;

/**
 * `"<head>: <label>"` with whitespace collapsed, cut with an ellipsis at
 * {@link MAX_CASE_NAME} characters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { caseName } from "./check_cases.ts";
 * assert.equal(caseName("assert 1", "f([1,\n  2])  → 3"), "assert 1: f([1, 2]) → 3");
 * assert.equal(caseName("assert 2", "x".repeat(200)).length, 100);
 * ```
 */
export function caseName(head: string, label: string): string {
  const text = label.replace(/\s+/g, " ").trim();
  const name = text ? `${head}: ${text}` : head;
  return name.length <= MAX_CASE_NAME ? name : `${name.slice(0, MAX_CASE_NAME - 1)}…`;
}

const KEYWORDS = new Set(["if", "for", "while", "switch", "return", "catch", "function", "typeof"]);

/**
 * What a check asserts, for its name: the arguments of its first assertion
 * call (or else its first call) as `actual → expected`, or the single
 * argument of `assert(x)`, `ok(x)`, `console.assert(x)`, with variables
 * assigned by the setup statements replaced by their values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "../../source/tokenize.ts";
 * import { splitStatements } from "../../source/statements.ts";
 * import { checkLabel } from "./check_cases.ts";
 * const src = "var x0 = f(1, 2); var v0 = [3]; if (!compare(x0, v0)) { throw 'no' }";
 * const [a, b, check] = splitStatements(tokenize(src), src);
 * assert.equal(checkLabel(check, [a, b]), "f(1, 2) → [3]");
 * ```
 */
export function checkLabel(check: Span, setup: Span[]): string {
  const values = new Map<string, string>();
  for (const s of setup) {
    const t = s.tokens;
    if (
      t.length >= 4 && t[0].kind === "word" && /^(let|const|var)$/.test(t[0].text) &&
      t[1].kind === "word" && t[2].text === "="
    ) {
      const end = t[t.length - 1].text === ";" ? t.length - 1 : t.length;
      values.set(t[1].text, substitute(t.slice(3, end), { values, source: s.source }));
    }
  }
  const t = check.tokens;
  const calls: number[] = [];
  for (let k = 0; k + 1 < t.length; k++) {
    if (t[k].kind === "word" && t[k + 1].text === "(" && !KEYWORDS.has(t[k].text)) calls.push(k);
  }
  const k = calls.find((c) => ASSERTIONS.has(t[c].text)) ?? calls[0];
  if (k === undefined) return check.text;
  const close = matchingClose(t, k + 1);
  if (close < 0) return check.text;
  const args = splitArguments(t.slice(k + 2, close), check.source);
  const single = t[k].text === "assert" || t[k].text === "ok" || t[k].text === "consoleAssert";
  const shown = args.slice(0, single ? 1 : 2).map((a) =>
    substitute(a.tokens, { values, source: check.source })
  );
  if (shown.length === 0) return "";
  return shown.length === 1 ? shown[0] : `${shown[0]} → ${shown[1]}`;
}

/** Calls that assert something: their arguments name the check. */
const ASSERTIONS = new Set([
  "assert",
  "consoleAssert",
  "ok",
  "equal",
  "notEqual",
  "deepEqual",
  "notDeepEqual",
  "strictEqual",
  "notStrictEqual",
  "deepStrictEqual",
  "notDeepStrictEqual",
  "throws",
  "match",
  "compare",
]);

function substitute(
  tokens: Token[],
  { values, source }: { values: Map<string, string>; source: string },
): string {
  let out = "";
  let at = tokens[0].start;
  for (let k = 0; k < tokens.length; k++) {
    const x = tokens[k];
    const member = k > 0 && (tokens[k - 1].text === "." || tokens[k - 1].text === "?.");
    const value = x.kind === "word" && !member ? values.get(x.text) : undefined;
    if (value === undefined) continue;
    out += source.slice(at, x.start) + value;
    at = x.end;
  }
  return out + source.slice(at, tokens[tokens.length - 1].end);
}
