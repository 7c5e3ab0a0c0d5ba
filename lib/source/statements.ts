/**
 * Statements and arguments from tokens: split a token run at top-level `;`
 * and at line breaks where JavaScript would insert one, and split a call's
 * arguments at top-level commas. Brackets are balanced across strings,
 * templates and regular expressions because those are single tokens.
 *
 * @module
 */
import type { Token } from "./tokenize.ts";

/** A run of tokens: one statement or one argument. */
export interface Span {
  /** The exact source text from the first token to the last (comments inside kept). */
  text: string;
  /** The tokens, in order. */
  tokens: Token[];
  /** 1-based line of the first token. */
  line: number;
  /** False for a trailing statement whose brackets never close (e.g. a prompt ending in `{`). */
  complete: boolean;
  /** The whole source the token offsets refer to. */
  source: string;
}

const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };
const CLOSE = new Set([")", "]", "}"]);

/** Punctuators after which a line break never ends a statement. */
const CONTINUES_AFTER = new Set([
  "(",
  "[",
  "{",
  ",",
  ".",
  "?.",
  "?",
  ":",
  "=",
  "=>",
  "+",
  "-",
  "*",
  "/",
  "%",
  "**",
  "&",
  "|",
  "^",
  "!",
  "~",
  "<",
  ">",
  "<=",
  ">=",
  "==",
  "!=",
  "===",
  "!==",
  "&&",
  "||",
  "??",
  "<<",
  ">>",
  ">>>",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "**=",
  "&=",
  "|=",
  "^=",
  "&&=",
  "||=",
  "??=",
  "<<=",
  ">>=",
  ">>>=",
  "...",
]);
/** Punctuators that, starting a line, continue the previous one. */
const CONTINUES_BEFORE = new Set([
  ".",
  "?.",
  "(",
  "[",
  ",",
  "?",
  ":",
  "=",
  "=>",
  "*",
  "/",
  "%",
  "**",
  "&",
  "|",
  "^",
  "<",
  ">",
  "<=",
  ">=",
  "==",
  "!=",
  "===",
  "!==",
  "&&",
  "||",
  "??",
  "+",
  "-",
]);
const WORDS_CONTINUING_AFTER = new Set([
  "else",
  "do",
  "new",
  "typeof",
  "instanceof",
  "in",
  "of",
  "extends",
  "delete",
  "void",
  "await",
  "yield",
  "case",
]);
const WORDS_CONTINUING_BEFORE = new Set(["else", "catch", "finally", "instanceof", "in", "of"]);
const HEADER_WORDS = new Set(["if", "for", "while", "with", "catch", "switch"]);

/** Options for {@link splitStatements}. */
export interface SplitOptions {
  /** Return an unclosed trailing statement (marked `complete: false`) instead of throwing. @default false */
  partial?: boolean;
}

/**
 * Split tokens into top-level statements, following JavaScript's automatic
 * semicolon insertion closely enough for test files written with or without
 * semicolons. Throws a `SyntaxError` naming the line of an unbalanced bracket.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "./tokenize.ts";
 * import { splitStatements } from "./statements.ts";
 * const src = "let a = f(1,\n  2)\nif (a) {\n  g(a);\n} else g(0)\nh()";
 * const parts = splitStatements(tokenize(src), src).map((s) => s.text);
 * assert.deepEqual(parts, ["let a = f(1,\n  2)", "if (a) {\n  g(a);\n} else g(0)", "h()"]);
 * ```
 */
export function splitStatements(
  tokens: Token[],
  source: string,
  options: SplitOptions = {},
): Span[] {
  const out: Span[] = [];
  let current: Token[] = [];
  const stack: { close: string; line: number; header: boolean }[] = [];
  let headerClosed = false; // the last token closed the `(…)` of an if/for/while header
  const flush = (complete = true) => {
    if (current.length > 0) out.push({ ...span(current, source), complete });
    current = [];
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (stack.length === 0 && current.length > 0 && t.newlineBefore) {
      const prev = current[current.length - 1];
      const continues = headerClosed ||
        (prev.kind === "punct" && CONTINUES_AFTER.has(prev.text)) ||
        (prev.kind === "word" && WORDS_CONTINUING_AFTER.has(prev.text)) ||
        (t.kind === "punct" && CONTINUES_BEFORE.has(t.text)) ||
        (t.kind === "punct" && t.text === "{" && prev.text === ")") ||
        (t.kind === "word" && WORDS_CONTINUING_BEFORE.has(t.text)) ||
        (t.kind === "word" && t.text === "while" && current[0].text === "do");
      if (!continues) flush();
    }
    headerClosed = false;
    if (t.kind === "punct" && OPEN[t.text]) {
      const before = current[current.length - 1];
      const header = t.text === "(" && before?.kind === "word" && HEADER_WORDS.has(before.text);
      stack.push({ close: OPEN[t.text], line: t.line, header });
    } else if (t.kind === "punct" && CLOSE.has(t.text)) {
      const top = stack.pop();
      if (!top || top.close !== t.text) {
        throw new SyntaxError(`line ${t.line}: unbalanced "${t.text}"`);
      }
      headerClosed = top.header && stack.length === 0;
    }
    current.push(t);
    if (stack.length === 0 && t.kind === "punct" && t.text === ";") {
      flush();
    }
  }
  if (stack.length > 0) {
    if (!options.partial) {
      const open = stack[stack.length - 1];
      throw new SyntaxError(`line ${open.line}: "${open.close}" expected before the end`);
    }
    flush(false);
  } else flush();
  return out;
}

/**
 * Split the tokens between a call's parentheses into its arguments at
 * top-level commas (a trailing comma adds no argument).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "./tokenize.ts";
 * import { splitArguments } from "./statements.ts";
 * const src = "f([1, 2], { a: 'x,y' }, g(3, 4),)";
 * const tokens = tokenize(src);
 * const args = splitArguments(tokens.slice(2, -1), src).map((a) => a.text);
 * assert.deepEqual(args, ["[1, 2]", "{ a: 'x,y' }", "g(3, 4)"]);
 * ```
 */
export function splitArguments(tokens: Token[], source: string): Span[] {
  const out: Span[] = [];
  let current: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === "punct" && OPEN[t.text]) depth++;
    else if (t.kind === "punct" && CLOSE.has(t.text)) depth--;
    if (depth === 0 && t.kind === "punct" && t.text === ",") {
      if (current.length > 0) out.push(span(current, source));
      current = [];
      continue;
    }
    current.push(t);
  }
  if (current.length > 0) out.push(span(current, source));
  return out;
}

/**
 * The index of the token closing the bracket opened at `open`, or -1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "./tokenize.ts";
 * import { matchingClose } from "./statements.ts";
 * assert.equal(matchingClose(tokenize("f(a(b), c) + 1"), 1), 8);
 * ```
 */
export function matchingClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== "punct") continue;
    if (OPEN[t.text]) depth++;
    else if (CLOSE.has(t.text) && --depth === 0) return k;
  }
  return -1;
}

/**
 * The span of a run of tokens (their source text, first line).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "./tokenize.ts";
 * import { span } from "./statements.ts";
 * const src = "a  +  // c\n b";
 * assert.equal(span(tokenize(src), src).text, src);
 * ```
 */
export function span(tokens: Token[], source: string): Span {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  return {
    text: first ? source.slice(first.start, last.end) : "",
    tokens,
    line: first?.line ?? 0,
    complete: true,
    source,
  };
}
