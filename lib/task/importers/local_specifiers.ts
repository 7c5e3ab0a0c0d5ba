/**
 * Finding the relative imports of a module's source (`import … from "./x"`, `export … from
 * "./x"`, `import "./x"`, `require("./x")`, a literal `import("./x")`) and rewriting their
 * specifiers in place, leaving every other character as it was.
 *
 * @module
 */
import { literal } from "../../source/string_literal.ts";
import { importSpecifiers } from "../../source/import_specifiers.ts";
import { tokenize } from "../../source/tokenize.ts";

/** One relative specifier in a source text. */
export interface LocalSpecifier {
  /** The specifier as written, e.g. "./lib.js". */
  specifier: string;
  /** Offsets of its string literal (quotes included) in the source. */
  start: number;
  /** End offset (exclusive) of the literal. */
  end: number;
  /** 1-based line. */
  line: number;
  /** `import type …` / `export type … from`: erased when the module runs. */
  typeOnly: boolean;
}

/**
 * The relative (`./`, `../`) specifiers `source` imports, re-exports or requires, in order.
 * Throws on source that does not tokenize (the tokenizer's `line N: …` message).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { localSpecifiers } from "./local_specifiers.ts";
 * const src = 'import { a } from "./a";\nimport type { T } from "./types";\nexport * from "../b.js";\nconst c = require("./c");\nimport x from "node:fs";';
 * assert.deepEqual(localSpecifiers(src).map((s) => [s.specifier, s.line, s.typeOnly]), [
 *   ["./a", 1, false], ["./types", 2, true], ["../b.js", 3, false], ["./c", 4, false],
 * ]);
 * ```
 */
export function localSpecifiers(source: string): LocalSpecifier[] {
  const tokens = tokenize(source);
  const out: LocalSpecifier[] = [];
  for (const { token: t, index: k, form } of importSpecifiers(tokens)) {
    const specifier = literal(t);
    if (specifier === null || !/^\.\.?\//.test(specifier)) continue;
    let typeOnly = false;
    if (form === "from") {
      // back to the statement's `import`/`export` keyword: `import type` / `export type`
      for (let j = k - 2; j >= 0; j--) {
        const w = tokens[j].text;
        if ((w === "import" || w === "export") && tokens[j].kind === "word") {
          typeOnly = tokens[j + 1]?.text === "type" && tokens[j + 2]?.text !== "from";
          break;
        }
        if (w === ";") break;
      }
    }
    out.push({ specifier, start: t.start, end: t.end, line: t.line, typeOnly });
  }
  return out;
}

/**
 * `source` with each relative specifier replaced by `to(specifier)` (a double-quoted literal);
 * specifiers for which it returns null stay as written.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rewriteSpecifiers } from "./local_specifiers.ts";
 * const src = "import { a } from './a'; // a\nconst b = require('./b');";
 * assert.equal(
 *   rewriteSpecifiers(src, (s) => s === "./a" ? "./a.ts" : null),
 *   "import { a } from \"./a.ts\"; // a\nconst b = require('./b');",
 * );
 * ```
 */
export function rewriteSpecifiers(
  source: string,
  to: (specifier: string) => string | null,
): string {
  let out = "";
  let at = 0;
  for (const s of localSpecifiers(source)) {
    const replacement = to(s.specifier);
    if (replacement === null) continue;
    out += source.slice(at, s.start) + JSON.stringify(replacement);
    at = s.end;
  }
  return out + source.slice(at);
}
