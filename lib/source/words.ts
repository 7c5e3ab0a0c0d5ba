/**
 * Word-level facts the source scanners share: what an identifier character is, and the keywords
 * after which an operator is unary, a `/` starts a regex and `<` is no comparison.
 *
 * @module
 */

/** One identifier character. */
export const WORD = /[\w$]/;
/** Words after which an operator is unary, a `/` starts a regex and `<` is no comparison. */
export const PREFIX_WORDS = new Set([
  "return",
  "typeof",
  "case",
  "do",
  "else",
  "in",
  "of",
  "instanceof",
  "new",
  "delete",
  "void",
  "throw",
  "yield",
  "await",
  "function",
  "import",
  "export",
  "extends",
]);

/** The identifier that ends at offset `p`. */
export function wordEndingAt(m: ArrayLike<string>, p: number): string {
  let word = "";
  for (let k = p; k >= 0 && WORD.test(m[k]); k--) word = m[k] + word;
  return word;
}
