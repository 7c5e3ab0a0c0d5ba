/**
 * The code view of a source text: the inside of strings, template literals, regular expressions
 * and comments blanked (same length, same line breaks), so code can be searched with plain text
 * search and edited at the same offsets in the original.
 *
 * @module
 */
import { PREFIX_WORDS, WORD, wordEndingAt } from "./words.ts";

/**
 * The code view of `source`: string, template, regex and comment contents become spaces
 * (delimiters of strings, templates and regexes are kept as quotes, so they still read as operands).
 */
export function maskSource(source: string): string {
  const out = source.split("");
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n" && out[k] !== "\r") out[k] = " ";
  };
  const span = (from: number, to: number, delim: string) => {
    blank(from + 1, to);
    if (to - 1 > from && source[to - 1] === delim) out[to - 1] = delim;
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i], next = source[i + 1];
    let end = -1;
    if (c === "/" && next === "/") blank(i, end = lineEnd(source, i));
    else if (c === "/" && next === "*") blank(i, end = commentEnd(source, i));
    else if (c === '"' || c === "'") span(i, end = skipString(source, i), c);
    else if (c === "`") span(i, end = skipTemplate(source, i), c);
    else if (c === "/" && regexAllowed(out, i)) {
      end = skipRegex(source, i);
      if (end > 0) (out[i] = '"', span(i, end, "/"), out[end - 1] = '"');
    }
    i = end > i ? end : i + 1;
  }
  return out.join("");
}

function lineEnd(s: string, i: number): number {
  const k = s.indexOf("\n", i);
  return k < 0 ? s.length : k;
}

function commentEnd(s: string, i: number): number {
  const k = s.indexOf("*/", i + 2);
  return k < 0 ? s.length : k + 2;
}

function skipString(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length && s[j] !== s[i] && s[j] !== "\n") j += s[j] === "\\" ? 2 : 1;
  return s[j] === s[i] ? j + 1 : Math.min(j, s.length);
}

function skipTemplate(s: string, i: number): number {
  let j = i + 1;
  while (j < s.length) {
    if (s[j] === "\\") j += 2;
    else if (s[j] === "`") return j + 1;
    else if (s[j] === "$" && s[j + 1] === "{") j = skipBraces(s, j + 2);
    else j++;
  }
  return s.length;
}

/** From inside `${`, the offset after the matching `}` (strings, templates, comments skipped). */
function skipBraces(s: string, j: number): number {
  let depth = 0;
  while (j < s.length) {
    const c = s[j];
    if (c === "{") depth++;
    else if (c === "}" && depth-- === 0) return j + 1;
    if (c === '"' || c === "'") j = skipString(s, j);
    else if (c === "`") j = skipTemplate(s, j);
    else if (c === "/" && s[j + 1] === "/") j = lineEnd(s, j);
    else if (c === "/" && s[j + 1] === "*") j = commentEnd(s, j);
    else j++;
  }
  return s.length;
}

function skipRegex(s: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === "\n") return -1;
    if (c === "\\") j++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) return j + 1;
  }
  return -1;
}

function regexAllowed(out: ArrayLike<string>, i: number): boolean {
  const p = prevSignificant(out, i);
  if (p < 0) return true;
  if (WORD.test(out[p])) return PREFIX_WORDS.has(wordEndingAt(out, p));
  return !")]}\"'`".includes(out[p]);
}

/** Offset of the last non-blank character before `i`, or -1. */
export function prevSignificant(m: ArrayLike<string>, i: number): number {
  let p = i - 1;
  while (p >= 0 && /\s/.test(m[p])) p--;
  return p;
}
