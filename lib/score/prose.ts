/**
 * Telling an answer in prose (a refusal, an explanation) from code that is merely broken.
 *
 * @module
 */

const REFUSAL =
  /\b(?:I'm sorry|I am sorry|I apologi[sz]e|I (?:can(?:not|'t|’t)|won't|will not) (?:help|assist|provide|write|do|complete)|I(?:'m| am) (?:unable|not able)|as an AI\b)/i;
const CODE_TOKEN = new RegExp(
  [
    String.raw`[;{}]|=>`,
    String.raw`\bfunction\s*\*?\s*[\w$]*\s*\(`,
    String.raw`\b(?:const|let|var)\s+[\w$]+\s*[=:]`,
    String.raw`\bclass\s+[\w$]+\s*[{<]`,
    String.raw`\bexport\s+(?:default|const|function|class|let|var|async|type|interface)\b`,
    String.raw`\bimport\s+(?:[\w$]+\s+from|[{*"'])`,
    String.raw`\breturn\s+[^.,!?]*$`,
  ].join("|"),
  "m",
);

/**
 * True when `code` has no code structure at all (no `;`, braces, arrows, declarations or
 * function headers; the bare words "function" or "return" in a sentence do not count), or is a
 * refusal without any. Such text is `no_code`, not a syntax error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isProse } from "./prose.ts";
 * assert.equal(isProse("I'm sorry, but I can't help with that request."), true);
 * assert.equal(isProse("export function f() { return 1;"), false);
 * ```
 */
export function isProse(code: string): boolean {
  const text = code.trim();
  if (text === "") return true;
  if (CODE_TOKEN.test(text)) return false;
  return REFUSAL.test(text) || /^[A-Z][\w ,'’-]+[\s\S]*[.!?:]\s*$/.test(text);
}
