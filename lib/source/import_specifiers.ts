/**
 * The string literals a module's tokens use as module specifiers: `import … from "x"`,
 * `export … from "x"`, `import "x"`, `require("x")` and a literal `import("x")`. One reading
 * shared by the npm-dependency scan, the local-module walk of the test-file importer and the
 * sandbox's `require` table.
 *
 * @module
 */
import type { Token } from "./tokenize.ts";

/** One specifier literal and how it is used. */
export interface ImportSpecifier {
  /** The string token (quotes included in its text). */
  token: Token;
  /** Its index in the tokens. */
  index: number;
  /** `from` (import/export … from), `import` (a bare import), `require` or `dynamic` (`import(…)`). */
  form: "from" | "import" | "require" | "dynamic";
}

/**
 * Every specifier literal in `tokens`, in order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "./tokenize.ts";
 * import { importSpecifiers } from "./import_specifiers.ts";
 * const tokens = tokenize('import a from "a";\nimport "b";\nconst c = require("c");\nawait import("d");\nf("e");');
 * assert.deepEqual(importSpecifiers(tokens).map((s) => [s.token.text, s.form]), [
 *   ['"a"', "from"], ['"b"', "import"], ['"c"', "require"], ['"d"', "dynamic"],
 * ]);
 * ```
 */
export function importSpecifiers(tokens: readonly Token[]): ImportSpecifier[] {
  const out: ImportSpecifier[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== "string") return;
    const prev = tokens[index - 1]?.text;
    const prev2 = tokens[index - 2]?.text;
    const form = prev === "from"
      ? "from"
      : prev === "import"
      ? "import"
      : prev === "(" && prev2 === "require"
      ? "require"
      : prev === "(" && prev2 === "import"
      ? "dynamic"
      : null;
    if (form) out.push({ token, index, form });
  });
  return out;
}
