/**
 * Rewriting a statement token by token while keeping everything between the
 * tokens (spacing, comments) as it was.
 *
 * @module
 */
import type { Span } from "../../source/statements.ts";
import type { Token } from "../../source/tokenize.ts";

/**
 * A replacement for tokens `from`..`to` (inclusive indices into the span's
 * tokens), or undefined to keep token `from` as it is.
 */
export type TokenEdit = { to: number; text: string } | undefined;

/**
 * The span's text with edits applied. `edit(k, tokens)` is asked about each
 * token not already replaced; it may replace a run of tokens starting at `k`.
 * Quoted strings holding a raw line break (invalid JavaScript, a dataset
 * defect) are repaired to `\n` escapes unless `edit` replaces them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "../../source/tokenize.ts";
 * import { span } from "../../source/statements.ts";
 * import { rewriteSpan } from "./rewrite_span.ts";
 * const src = "console.assert(f(1) === 2) // why";
 * const s = span(tokenize(src), src);
 * const out = rewriteSpan(s, (k, t) =>
 *   t[k].text === "console" && t[k + 2]?.text === "assert" ? { to: k + 2, text: "check" } : undefined
 * );
 * assert.equal(out, "check(f(1) === 2)");
 * ```
 */
export function rewriteSpan(
  s: Span,
  edit: (k: number, tokens: Token[]) => TokenEdit = () => undefined,
): string {
  const t = s.tokens;
  if (t.length === 0) return "";
  let out = "";
  let at = t[0].start;
  for (let k = 0; k < t.length; k++) {
    const e = edit(k, t);
    if (e) {
      out += s.source.slice(at, t[k].start) + e.text;
      at = t[e.to].end;
      k = e.to;
    } else if (t[k].rawNewline) {
      out += s.source.slice(at, t[k].start) + t[k].text.replace(/\r?\n/g, "\\n");
      at = t[k].end;
    }
  }
  return out + s.source.slice(at, t[t.length - 1].end);
}

/**
 * Whether any quoted string of the spans holds a raw line break.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "../../source/tokenize.ts";
 * import { span } from "../../source/statements.ts";
 * import { hasRawNewline } from "./rewrite_span.ts";
 * const src = 'f("a\nb")';
 * assert.equal(hasRawNewline([span(tokenize(src), src)]), true);
 * ```
 */
export function hasRawNewline(spans: Span[]): boolean {
  return spans.some((s) => s.tokens.some((t) => t.rawNewline));
}
