/**
 * The scanner behind the mutation engine. {@link maskSource} blanks the
 * inside of strings, template literals, regular expressions and comments (same
 * length, same line breaks), so sites are found by plain search on the masked
 * text and edited at the same offsets in the original. Not a parser: it is tuned
 * for ordinary reference solutions.
 *
 * @module
 */

import { maskSource, prevSignificant } from "./mask.ts";
import { PREFIX_WORDS, WORD, wordEndingAt } from "./words.ts";
const PAIRS = new Map([["(", ")"], ["[", "]"], ["{", "}"]]);

/** An operator occurrence in the masked text. */
interface OpSite {
  /** Offset of the operator. */
  start: number;
  /** Offset just after it. */
  end: number;
  /** The operator text, e.g. `<=`. */
  op: string;
}

/**
 * The code view of a source text and the searches the mutations need. {@link CodeScan.masked}
 * has the same length and line breaks as `source`, with the inside of strings, template literals,
 * regular expressions and comments blanked, so an offset found in it edits `source` directly.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { CodeScan } from "./scan.ts";
 * const scan = new CodeScan('if (a < "b <= c") f(<T>(x: T) => x); // d >= e');
 * assert.equal(scan.masked.trimEnd(), 'if (a < "      ") f(<T>(x: T) => x);');
 * assert.equal(scan.masked.length, scan.source.length);
 * assert.deepEqual(scan.comparisons().map((site) => site.op), ["<"]);
 * ```
 */
export class CodeScan {
  /** `source` with strings, templates, regexes and comments blanked (same offsets). */
  readonly masked: string;
  /** Scan `source`. */
  constructor(readonly source: string) {
    this.masked = maskSource(source);
  }
  /** Comparisons `<`, `<=`, `>`, `>=` (not arrows, shifts or generics), in source order. */
  comparisons(): OpSite[] {
    return comparisons(this.masked);
  }
  /** Binary `+`, `-`, `*`, `/` (not `++`, `+=`, `**` or unary signs), in source order. */
  arithmetic(): OpSite[] {
    return arithmetic(this.masked);
  }
  /** Every `&&`, `||`, `===` and `!==`, in source order. */
  logicalAndEquality(): OpSite[] {
    return logicalAndEquality(this.masked);
  }
  /** The declarations of `entry` (`function entry`, `class entry`, `const entry`), in order. */
  declarations(entry: string): Declaration[] {
    return declarations(this.masked, entry);
  }
  /** The `{` of the body that runs when `entry` is used (a class: constructor, else first method). */
  entryBody(entry: string): { brace: number; where: string } | null {
    return entryBody(this.masked, entry);
  }
  /** The offset of the bracket closing the `(`, `[` or `{` at `open`, or -1. */
  matchBracket(open: number): number {
    return matchBracket(this.masked, open);
  }
  /** The end of the statement starting at `start` (after its `;`, or where ASI ends it). */
  statementEnd(start: number): number {
    return statementEnd(this.masked, start);
  }
  /** The offset of the last code character before `i`, or -1. */
  codeBefore(i: number): number {
    return prevSignificant(this.masked, i);
  }
  /** The offset of the first code character at or after `i` (may be the length). */
  codeFrom(i: number): number {
    return skipBlank(this.masked, i);
  }
}

/** Offset of the first non-blank character at or after `i` (may be `m.length`). */
function skipBlank(m: string, i: number): number {
  while (i < m.length && /\s/.test(m[i])) i++;
  return i;
}

/** Whether an operator at `i` follows an operand (so it is binary, not unary or a type bracket). */
function followsOperand(m: string, i: number): boolean {
  const p = prevSignificant(m, i);
  if (p < 0) return false;
  if (!WORD.test(m[p])) return ")]\"'`".includes(m[p]);
  const word = wordEndingAt(m, p);
  return !PREFIX_WORDS.has(word) && !/^\d[\d_]*[eE]$/.test(word);
}

/** The offset of the bracket closing the `(`, `[` or `{` at `open`, or -1. */
function matchBracket(m: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < m.length; i++) {
    const close = PAIRS.get(m[i]);
    if (close) stack.push(close);
    else if (")]}".includes(m[i])) {
      if (stack.pop() !== m[i]) return -1;
      if (stack.length === 0) return i;
    }
  }
  return -1;
}

/** The `>` closing a type-argument list opened at `open`, or -1 when it cannot be one. */
function matchAngle(m: string, open: number): number {
  let depth = 0;
  for (let i = open; i < m.length; i++) {
    const c = m[i];
    if (c === "<") depth++;
    else if (c === ">" && m[i - 1] !== "=") {
      if (--depth === 0) return i;
    } else if (PAIRS.has(c)) {
      const close = matchBracket(m, i);
      if (close < 0) return -1;
      i = close;
    } else if (")]};\n+-*/%!".includes(c)) return -1;
    else if ((c === "&" || c === "|") && m[i + 1] === c) return -1;
    else if (c === "=" && m[i + 1] !== ">") return -1;
  }
  return -1;
}

/** Offsets of every `<`/`>` that brackets type parameters or arguments (`Array<T>`, `<T>(x: T) =>`). */
function genericAngles(m: string): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < m.length; i++) {
    if (m[i] !== "<" || found.has(i) || m[i + 1] === "<" || m[i + 1] === "=") continue;
    const close = matchAngle(m, i);
    if (close < 0) continue;
    const typeName = WORD.test(m[i - 1] ?? "");
    if (typeName || (m[skipBlank(m, close + 1)] === "(" && !followsOperand(m, i))) {
      found.add(i).add(close);
    }
  }
  return found;
}

/** Every comparison `<`, `<=`, `>`, `>=` (not arrows, shifts, generics), in source order. */
function comparisons(m: string): OpSite[] {
  const generics = genericAngles(m);
  const sites: OpSite[] = [];
  for (let i = 0; i < m.length; i++) {
    const c = m[i];
    if ((c !== "<" && c !== ">") || generics.has(i)) continue;
    if ("<>".includes(m[i - 1]) || "<>".includes(m[i + 1]) || m[i - 1] === "=") continue;
    if (!followsOperand(m, i)) continue;
    const op = m[i + 1] === "=" ? c + "=" : c;
    sites.push({ start: i, end: i + op.length, op });
  }
  return sites;
}

/** Every binary `+`, `-`, `*`, `/` (not `++`, `+=`, `**`, unary signs), in source order. */
function arithmetic(m: string): OpSite[] {
  const sites: OpSite[] = [];
  for (let i = 0; i < m.length; i++) {
    const c = m[i];
    if (!"+-*/".includes(c) || m[i + 1] === "=") continue;
    if (c !== "/" && (m[i + 1] === c || m[i - 1] === c)) continue;
    if (followsOperand(m, i)) sites.push({ start: i, end: i + 1, op: c });
  }
  return sites;
}

/** Every `&&`, `||`, `===` and `!==`, in source order. */
function logicalAndEquality(m: string): OpSite[] {
  const sites: OpSite[] = [];
  for (let i = 0; i < m.length; i++) {
    const two = m.slice(i, i + 2), three = m.slice(i, i + 3);
    if ((two === "&&" || two === "||") && m[i + 2] !== "=" && m[i - 1] !== m[i]) {
      sites.push({ start: i, end: i + 2, op: two });
    } else if ((three === "===" || three === "!==") && m[i + 3] !== "=" && m[i - 1] !== "=") {
      sites.push({ start: i, end: i + 3, op: three });
    }
  }
  return sites;
}

/** The end of the statement starting at `j`: after its `;`, or before a `}` or line break ending it. */
function statementEnd(m: string, j: number): number {
  for (let i = j; i < m.length; i++) {
    const c = m[i];
    if (PAIRS.has(c)) {
      const close = matchBracket(m, i);
      if (close < 0) return -1;
      i = close;
    } else if (c === ";") return i + 1;
    else if (c === "}") return i;
    else if (c === "\n") {
      const k = skipBlank(m, i);
      if (k >= m.length || !".?:&|+-*/%=<>,".includes(m[k])) return i;
    }
  }
  return m.length;
}

/** A declaration of the entry point: `function entry`, `class entry` or `const entry = …`. */
interface Declaration {
  /** What declares it. */
  kind: "function" | "class" | "variable";
  /** Offsets of the declared name. */
  start: number;
  end: number;
}

/** The declarations of `entry` in the masked text, in source order. */
function declarations(m: string, entry: string): Declaration[] {
  const name = entry.replace(/\$/g, "\\$");
  const head = String.raw`(?<![\w$.])(function(?:\s*\*\s*|\s+)|class\s+|(?:const|let|var)\s+)`;
  return [...m.matchAll(new RegExp(`${head}${name}(?![\\w$])`, "g"))].map((hit) => ({
    kind: hit[1].startsWith("function")
      ? "function"
      : hit[1].startsWith("c") && hit[1][1] === "l"
      ? "class"
      : "variable",
    start: hit.index + hit[1].length,
    end: hit.index + hit[0].length,
  }));
}

/**
 * The `{` opening the body that runs when `entry` is used: the function's body, or for a class
 * its constructor (else its first method). Concise arrow bodies have none.
 */
function entryBody(m: string, entry: string): { brace: number; where: string } | null {
  for (const decl of declarations(m, entry)) {
    const init = decl.kind === "variable" ? initializer(m, decl.end) : -1;
    const classExpr = init >= 0 && /^class(?![\w$])/.test(m.slice(init, init + 6));
    if (decl.kind === "class" || classExpr) {
      const method = classMethod(m, classExpr ? init + 5 : decl.end);
      if (method) return { brace: method.brace, where: `${entry}.${method.name}` };
      continue;
    }
    const brace = decl.kind === "function" ? functionBody(m, decl.end) : functionValue(m, init);
    if (brace >= 0) return { brace, where: entry };
  }
  return null;
}

/** From just after a function's name: optional type parameters, parameters, return type, `{`. */
function functionBody(m: string, i: number): number {
  i = skipBlank(m, i);
  if (m[i] === "<") i = matchAngle(m, i) < 0 ? -1 : skipBlank(m, matchAngle(m, i) + 1);
  if (m[i] !== "(") return -1;
  const close = matchBracket(m, i);
  return close < 0 ? -1 : bodyAfterSignature(m, close + 1, false);
}

/** After the parameter list: skip a return type; the `{` of the body (or `=>` when `arrow`). */
function bodyAfterSignature(m: string, i: number, arrow: boolean): number {
  i = skipBlank(m, i);
  if (arrow ? m.startsWith("=>", i) : m[i] === "{") return i;
  if (m[i] !== ":") return -1;
  let expectType = true;
  for (i++; i < m.length;) {
    i = skipBlank(m, i);
    const c = m[i];
    if (c === "=" && m[i + 1] === ">") {
      if (arrow && !expectType) return i;
      (expectType = true), (i += 2);
    } else if (c === "{" && !expectType) return arrow ? -1 : i;
    else if (PAIRS.has(c) || c === "<") {
      const close = c === "<" ? matchAngle(m, i) : matchBracket(m, i);
      if (close < 0) return -1;
      (i = close + 1), (expectType = false);
    } else if (c === "|" || c === "&") (i++, expectType = true);
    else if (c === undefined || ";)}=:,".includes(c)) return -1;
    else (i++, expectType = false);
  }
  return -1;
}

/** From just after `const entry`: the start of its initializer (after `=`), or -1. */
function initializer(m: string, i: number): number {
  i = skipBlank(m, i);
  if (m[i] === ":") {
    for (i++; i < m.length && !(m[i] === "=" && !"=>".includes(m[i + 1])); i++) {
      if (m[i] === ";") return -1;
      if (PAIRS.has(m[i]) && (i = matchBracket(m, i)) < 0) return -1;
    }
  }
  return m[i] === "=" ? skipBlank(m, i + 1) : -1;
}

/** From the start of an initializer: the body `{` of the function or arrow it is, or -1. */
function functionValue(m: string, i: number): number {
  if (i < 0) return -1;
  if (/^async(?![\w$])/.test(m.slice(i, i + 6))) i = skipBlank(m, i + 5);
  if (/^function(?![\w$])/.test(m.slice(i, i + 9))) {
    i = skipBlank(m, i + 8);
    if (m[i] === "*") i = skipBlank(m, i + 1);
    while (WORD.test(m[i] ?? "")) i++;
    return functionBody(m, i);
  }
  if (m[i] === "<") i = matchAngle(m, i) < 0 ? -1 : skipBlank(m, matchAngle(m, i) + 1);
  let end = i;
  if (m[i] === "(") end = matchBracket(m, i) + 1;
  else while (WORD.test(m[end] ?? "")) end++;
  if (end <= i) return -1;
  const arrow = bodyAfterSignature(m, end, true);
  const brace = arrow < 0 ? -1 : skipBlank(m, arrow + 2);
  return m[brace] === "{" ? brace : -1;
}

const MEMBER = new RegExp(
  String.raw`(?:(?:public|private|protected|static|async|override|readonly)\s+)*` +
    String.raw`(?:(?:get|set)\s+(?=[#\w$]))?\*?\s*(#?[\w$]+)\s*(?=[<(])`,
  "y",
);

/** From just after `class Name`: the constructor, else the first method with a body. */
function classMethod(m: string, i: number): { name: string; brace: number } | null {
  while (i < m.length && m[i] !== "{") {
    if (m[i] === ";") return null;
    i = m[i] === "("
      ? matchBracket(m, i) + 1
      : m[i] === "<"
      ? Math.max(matchAngle(m, i), i) + 1
      : i + 1;
    if (i <= 0) return null;
  }
  const close = matchBracket(m, i);
  const methods: { name: string; brace: number }[] = [];
  let atStart = true;
  for (i++; i < close;) {
    const c = m[i];
    if (atStart && !/\s/.test(c)) {
      atStart = false;
      MEMBER.lastIndex = i;
      const hit = MEMBER.exec(m);
      const brace = hit ? functionBody(m, i + hit[0].length) : -1;
      if (hit && brace >= 0) {
        methods.push({ name: hit[1], brace });
        (i = matchBracket(m, brace) + 1), (atStart = true);
        if (i <= 0) break;
        continue;
      }
    }
    if (PAIRS.has(c)) {
      const end = matchBracket(m, i);
      if (end < 0) break;
      (i = end + 1), (atStart ||= c === "{");
      continue;
    }
    atStart ||= c === ";" || c === "\n";
    i++;
  }
  return methods.find((method) => method.name === "constructor") ?? methods[0] ?? null;
}
