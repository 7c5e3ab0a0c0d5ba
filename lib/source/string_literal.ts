/**
 * The value of a string literal token (quoted, or a template literal
 * without substitutions), with JavaScript's escapes decoded.
 *
 * @module
 */
import type { Token } from "./tokenize.ts";

const SIMPLE: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
};

/**
 * The string a literal token denotes, or null for any other token (or a
 * template literal with `${…}`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "./tokenize.ts";
 * import { literal } from "./string_literal.ts";
 * assert.equal(literal(tokenize(String.raw`'it\'s \x41\u{1F600}\n'`)[0]), "it's A😀\n");
 * assert.equal(literal(tokenize("`plain`")[0]), "plain");
 * assert.equal(literal(tokenize("`a${b}`")[0]), null);
 * ```
 */
export function literal(token: Token | undefined): string | null {
  if (!token) return null;
  if (token.kind === "template" && token.text.includes("${")) return null;
  if (token.kind !== "string" && token.kind !== "template") return null;
  const raw = token.text.slice(1, -1);
  return raw.replace(
    /\\(u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|\r\n|[\s\S])/g,
    (_, all: string, cp?: string, u4?: string, x2?: string) => {
      if (cp) return String.fromCodePoint(parseInt(cp, 16));
      if (u4) return String.fromCharCode(parseInt(u4, 16));
      if (x2) return String.fromCharCode(parseInt(x2, 16));
      if (all === "\n" || all === "\r\n" || all === "\r" || all === "\u2028" || all === "\u2029") {
        return "";
      }
      return SIMPLE[all] ?? all;
    },
  );
}
