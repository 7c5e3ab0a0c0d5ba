/**
 * A small JavaScript/TypeScript tokenizer for importers: enough to find
 * statements, calls and arguments in test files (strings, template literals,
 * regular expressions and comments are single tokens, so brackets inside them
 * never count). It is not a parser; it never evaluates anything.
 *
 * @module
 */

/** What a token is. Comments are skipped, not returned. */
export type TokenKind = "word" | "number" | "string" | "template" | "regex" | "punct";

/** One token with its place in the source. */
export interface Token {
  /** What kind of token it is. */
  kind: TokenKind;
  /** The token's exact source text. */
  text: string;
  /** Offset of its first character in the source. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  /** 1-based line of its first character. */
  line: number;
  /** Whether a line break (or a comment holding one) precedes it. */
  newlineBefore: boolean;
  /** For a quoted string: whether it holds a raw line break (invalid JavaScript). */
  rawNewline?: boolean;
}

const PUNCTUATORS = [
  ">>>=",
  "...",
  "===",
  "!==",
  "**=",
  "<<=",
  ">>=",
  ">>>",
  "&&=",
  "||=",
  "??=",
  "=>",
  "==",
  "!=",
  "<=",
  ">=",
  "&&",
  "||",
  "??",
  "?.",
  "++",
  "--",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "|=",
  "^=",
  "**",
  "<<",
  ">>",
];

/** Words after which a `/` starts a regular expression rather than a division. */
const REGEX_AFTER_WORD = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

/**
 * Split source text into tokens. Throws a `SyntaxError` naming the line of an
 * unterminated string, template, comment or regular expression. A quoted
 * string may hold a raw line break (a defect of some datasets): it is kept as
 * one token marked `rawNewline`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "./tokenize.ts";
 * const tokens = tokenize("f('a)', `b${c}`) // done");
 * assert.deepEqual(tokens.map((t) => t.kind), ["word", "punct", "string", "punct", "template", "punct"]);
 * ```
 */
export function tokenize(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let line = 1;
  let newline = false;

  const fail = (what: string, atLine: number): never => {
    throw new SyntaxError(`line ${atLine}: unterminated ${what}`);
  };
  const push = (kind: TokenKind, start: number, startLine: number, extra: Partial<Token> = {}) => {
    out.push({
      kind,
      text: source.slice(start, i),
      start,
      end: i,
      line: startLine,
      newlineBefore: newline,
      ...extra,
    });
    newline = false;
  };
  const countLines = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (source[k] === "\n") line++;
  };
  const skipQuoted = (quote: string): boolean => {
    // i is just past the opening quote; returns whether a raw newline occurred
    const startLine = line;
    let raw = false;
    while (i < source.length && source[i] !== quote) {
      if (source[i] === "\\") {
        if (source[i + 1] === "\n") line++;
        i += 2;
        continue;
      }
      if (source[i] === "\n") {
        raw = true;
        line++;
      }
      i++;
    }
    if (i >= source.length) fail("string", startLine);
    i++;
    return raw;
  };
  const skipTemplate = () => {
    // i is just past the opening backtick
    const startLine = line;
    while (i < source.length && source[i] !== "`") {
      if (source[i] === "\\") {
        if (source[i + 1] === "\n") line++;
        i += 2;
        continue;
      }
      if (source[i] === "$" && source[i + 1] === "{") {
        i += 2;
        skipCode(true);
        continue;
      }
      if (source[i] === "\n") line++;
      i++;
    }
    if (i >= source.length) fail("template literal", startLine);
    i++;
  };
  const regexAllowed = (prev: { kind: TokenKind; text: string } | undefined) => {
    if (!prev) return true;
    if (prev.kind === "word") return REGEX_AFTER_WORD.has(prev.text);
    if (prev.kind === "punct") return prev.text !== ")" && prev.text !== "]";
    return false;
  };
  const skipRegex = () => {
    // i is just past the opening slash
    const startLine = line;
    let inClass = false;
    while (i < source.length) {
      const c = source[i];
      if (c === "\n") fail("regular expression", startLine);
      if (c === "\\") {
        i += 2;
        continue;
      }
      if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      else if (c === "/" && !inClass) break;
      i++;
    }
    if (i >= source.length) fail("regular expression", startLine);
    i++;
    while (i < source.length && /[A-Za-z]/.test(source[i])) i++;
  };

  /** Scan code; when `nested`, stop after the `}` closing a template expression. */
  function skipCode(nested: boolean): void {
    let depth = 0;
    let prev: { kind: TokenKind; text: string } | undefined = nested
      ? { kind: "punct", text: "{" }
      : undefined;
    const emit = !nested;
    while (i < source.length) {
      const c = source[i];
      const start = i;
      const startLine = line;
      if (c === "\n") {
        line++;
        i++;
        if (emit) newline = true;
        continue;
      }
      if (c === " " || c === "\t" || c === "\r" || c === "\f" || c === "\v" || c === "\uFEFF") {
        i++;
        continue;
      }
      if (c === "/" && source[i + 1] === "/") {
        while (i < source.length && source[i] !== "\n") i++;
        continue;
      }
      if (c === "/" && source[i + 1] === "*") {
        const close = source.indexOf("*/", i + 2);
        if (close < 0) fail("comment", startLine);
        countLines(i, close);
        if (emit && source.slice(i, close).includes("\n")) newline = true;
        i = close + 2;
        continue;
      }
      let kind: TokenKind;
      let extra: Partial<Token> = {};
      if (c === "'" || c === '"') {
        i++;
        const raw = skipQuoted(c);
        kind = "string";
        if (raw) extra = { rawNewline: true };
      } else if (c === "`") {
        i++;
        skipTemplate();
        kind = "template";
      } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(source[i + 1] ?? ""))) {
        i++;
        while (i < source.length && /[0-9A-Za-z_.]/.test(source[i])) {
          if ((source[i] === "e" || source[i] === "E") && /[+-]/.test(source[i + 1] ?? "")) i++;
          i++;
        }
        kind = "number";
      } else if (/[A-Za-z_$\\]/.test(c) || c.charCodeAt(0) > 0x7f) {
        i++;
        while (i < source.length && (/[\w$\\]/.test(source[i]) || source.charCodeAt(i) > 0x7f)) {
          i++;
        }
        kind = "word";
      } else if (c === "/" && regexAllowed(prev)) {
        i++;
        skipRegex();
        kind = "regex";
      } else {
        const p = PUNCTUATORS.find((q) => source.startsWith(q, i)) ?? c;
        if (nested) {
          if (p === "{") depth++;
          else if (p === "}") {
            if (depth === 0) {
              i++;
              return;
            }
            depth--;
          }
        }
        i += p.length;
        kind = "punct";
      }
      prev = { kind, text: source.slice(start, i) };
      if (emit) push(kind, start, startLine, extra);
    }
    if (nested) fail("template literal", line);
  }

  skipCode(false);
  return out;
}
