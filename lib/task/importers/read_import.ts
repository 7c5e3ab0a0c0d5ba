/**
 * Reading an import statement (`import … from "x"`, or CommonJS
 * `const … = require("x")`) into its specifier and bindings, so importers
 * can rewrite where it imports from.
 *
 * @module
 */
import { matchingClose, type Span, splitArguments } from "../../source/statements.ts";
import type { Token } from "../../source/tokenize.ts";
import { literal } from "../../source/string_literal.ts";

/** An import statement, read. */
export interface ImportInfo {
  /** The module specifier. */
  specifier: string;
  /** `import type …`: erased at run time. */
  typeOnly: boolean;
  /** The default binding, if any. */
  defaultName: string | null;
  /** The namespace binding (`* as x`, or `const x = require()`), if any. */
  namespace: string | null;
  /** Named bindings. */
  named: { imported: string; local: string }[];
  /** The same import from another specifier. */
  rebuild: (specifier: string) => string;
}

/**
 * Read `import … from "x"` or `const … = require("x")`; null for any other
 * statement (including dynamic `import()`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "../../source/tokenize.ts";
 * import { span } from "../../source/statements.ts";
 * import { readImport } from "./read_import.ts";
 * const src = 'import add, { sub as minus, type T } from "../src/math";';
 * const info = readImport(span(tokenize(src), src))!;
 * assert.equal(info.specifier, "../src/math");
 * assert.equal(info.defaultName, "add");
 * assert.deepEqual(info.named, [{ imported: "sub", local: "minus" }, { imported: "T", local: "T" }]);
 * assert.equal(info.rebuild("./solution.ts"), 'import add, { sub as minus, type T } from "./solution.ts";');
 * ```
 */
export function readImport(s: Span): ImportInfo | null {
  const t = s.tokens;
  const stringAt = t.findIndex((x) => x.kind === "string");
  if (t[0]?.text === "import" && t[1]?.text !== "(" && stringAt > 0) {
    const specifier = literal(t[stringAt]) ?? "";
    const typeOnly = t[1]?.text === "type";
    const clause = t.slice(
      typeOnly ? 2 : 1,
      t[stringAt - 1]?.text === "from" ? stringAt - 1 : stringAt,
    );
    const info = importClause(clause);
    const clauseText = clause.length
      ? s.source.slice(clause[0].start, clause[clause.length - 1].end)
      : "";
    return {
      specifier,
      typeOnly,
      ...info,
      rebuild: (to) =>
        clauseText
          ? `import ${clauseText} from ${JSON.stringify(to)};`
          : `import ${JSON.stringify(to)};`,
    };
  }
  const req = t.findIndex((x) => x.text === "require");
  const assign = t[1]?.kind === "word" ? 2 : t[1]?.text === "{" ? matchingClose(t, 1) + 1 : -1;
  if (
    /^(const|let|var)$/.test(t[0]?.text ?? "") && assign > 0 && t[assign]?.text === "=" &&
    req === assign + 1 && t[req + 1]?.text === "(" && t[req + 2]?.kind === "string"
  ) {
    const specifier = literal(t[req + 2]) ?? "";
    const target = t[1];
    const named: { imported: string; local: string }[] = [];
    let namespace: string | null = null;
    if (target.kind === "word") namespace = target.text;
    else {
      const close = matchingClose(t, 1);
      for (const part of splitArguments(t.slice(2, close), s.source)) {
        const p = part.tokens;
        if (p[0]?.kind === "word") {
          named.push({
            imported: p[0].text,
            local: p[2]?.kind === "word" && p[1]?.text === ":" ? p[2].text : p[0].text,
          });
        }
      }
    }
    return {
      specifier,
      typeOnly: false,
      defaultName: null,
      namespace,
      named,
      rebuild: (to) =>
        namespace
          ? `import ${namespace} from ${JSON.stringify(to)};`
          : `import { ${
            named.map((n) => n.imported === n.local ? n.local : `${n.imported} as ${n.local}`).join(
              ", ",
            )
          } } from ${JSON.stringify(to)};`,
    };
  }
  return null;
}

function importClause(t: Token[]): Pick<ImportInfo, "defaultName" | "namespace" | "named"> {
  let defaultName: string | null = null;
  let namespace: string | null = null;
  const named: { imported: string; local: string }[] = [];
  let k = 0;
  if (t[k]?.kind === "word" && t[k].text !== "type") {
    defaultName = t[k].text;
    k++;
    if (t[k]?.text === ",") k++;
  }
  if (t[k]?.text === "*" && t[k + 1]?.text === "as") namespace = t[k + 2]?.text ?? null;
  if (t[k]?.text === "{") {
    const close = matchingClose(t, k);
    const inner = t.slice(k + 1, close);
    let current: Token[] = [];
    const flush = () => {
      const parts = current.filter((x) => x.text !== "type");
      if (parts[0]?.kind === "word") {
        named.push({
          imported: parts[0].text,
          local: parts[1]?.text === "as" ? parts[2]?.text ?? parts[0].text : parts[0].text,
        });
      }
      current = [];
    };
    for (const x of inner) {
      if (x.text === ",") flush();
      else current.push(x);
    }
    flush();
  }
  return { defaultName, namespace, named };
}
