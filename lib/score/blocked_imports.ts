/**
 * Keeping the type-checker inside the sample: every module specifier the sandbox would refuse
 * (npm, remote, bare, absolute or other local paths) is redirected to a stub before `deno check`
 * sees the file, so untrusted code can neither make the checker read other files nor abort the
 * whole batch with a module-graph error. Each redirect is reported as a TS2307 diagnostic.
 *
 * @module
 */
import { builtinModules } from "node:module";
import { CodeScan } from "../source/scan.ts";

/** One module specifier that was redirected to the stub. */
export interface BlockedImport {
  /** The specifier as written. */
  specifier: string;
  /** 1-based line of the specifier in the original source. */
  line: number;
  /** 1-based column of the specifier's opening quote. */
  column: number;
}

/** Options for {@link blockImports}. */
export interface BlockImportsOptions {
  /** Relative specifiers the file may keep (e.g. `"./solution.ts"` in tests). @default [] */
  allow?: readonly string[];
  /** The specifier every blocked import is redirected to. @default "../__missing__.ts" */
  stub?: string;
}

const NODE_BUILTINS = new Set(builtinModules);
/** On the masked text: `from "…"`, `import "…"`, `import("…")`, `require("…")`. */
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)(["'])( *)\2/g;
/** Triple-slash directives make the checker load files too. */
const REFERENCE = /^[ \t]*\/\/\/[ \t]*<reference\b/;

/**
 * Redirect every module specifier that is not a Node built-in (`node:fs`) or an allowed relative
 * path to `stub`, and blank triple-slash `<reference>` directives. Line numbers are preserved.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { blockImports } from "./blocked_imports.ts";
 * const { source, blocked } = blockImports('import _ from "lodash";\nimport fs from "node:fs";\n');
 * assert.equal(source, 'import _ from "../__missing__.ts";\nimport fs from "node:fs";\n');
 * assert.deepEqual(blocked, [{ specifier: "lodash", line: 1, column: 15 }]);
 * ```
 */
export function blockImports(
  source: string,
  options: BlockImportsOptions = {},
): { source: string; blocked: BlockedImport[] } {
  const allow = new Set(options.allow ?? []);
  const stub = options.stub ?? "../__missing__.ts";
  const blocked: BlockedImport[] = [];
  const masked = new CodeScan(source).masked;
  let out = "";
  let done = 0;
  for (const hit of masked.matchAll(SPECIFIER)) {
    const open = hit.index + hit[1].length;
    const close = open + hit[3].length + 1;
    const spec = source.slice(open + 1, close);
    if (allow.has(spec) || isNodeBuiltin(spec)) continue;
    const before = source.slice(0, open);
    const line = before.split("\n").length;
    blocked.push({ specifier: spec, line, column: open - before.lastIndexOf("\n") });
    out += source.slice(done, open + 1) + stub;
    done = close;
  }
  out += source.slice(done);
  const lines = out.split("\n");
  const maskedLines = masked.split("\n");
  const kept = lines.map((text, k) =>
    REFERENCE.test(text) && !maskedLines[k]?.trim() ? " ".repeat(text.length) : text
  );
  return { source: kept.join("\n"), blocked };
}

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith("node:") && NODE_BUILTINS.has(spec.slice(5));
}
