/**
 * Finding the npm packages a piece of code imports or requires, so imported
 * tasks can declare them (`needs:<pkg>`): no npm package is importable inside
 * the sandbox, so such a task fails for every candidate until they are provided.
 *
 * @module
 */
import { builtinModules } from "node:module";
import { importSpecifiers } from "./import_specifiers.ts";
import { tokenize } from "./tokenize.ts";

const BUILTINS = new Set(builtinModules);

/**
 * The npm package names that `source` imports (`import … from "pkg"`,
 * `import "pkg"`, `import("pkg")`) or requires (`require("pkg")`), sorted.
 * Relative paths, `node:` specifiers and Node built-ins (`assert`, `fs`…)
 * are not packages. Returns [] for source that does not tokenize.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { npmDependencies } from "./npm_dependencies.ts";
 * const src = "import * as math from 'mathjs'\nimport * as assert from 'assert'\nconst md5 = require('js-md5/x')\nimport { a } from './a.ts'";
 * assert.deepEqual(npmDependencies(src), ["js-md5", "mathjs"]);
 * ```
 */
export function npmDependencies(source: string): string[] {
  let tokens;
  try {
    tokens = tokenize(source);
  } catch {
    return [];
  }
  const found = new Set<string>();
  for (const { token } of importSpecifiers(tokens)) {
    const pkg = packageName(token.text.slice(1, -1));
    if (pkg) found.add(pkg);
  }
  return [...found].sort();
}

function packageName(specifier: string): string | null {
  if (/^(\.|\/|node:|npm:|jsr:|https?:|data:)/.test(specifier)) {
    return specifier.startsWith("npm:")
      ? packageName(specifier.slice(4).replace(/@[^/]*$/, ""))
      : null;
  }
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  return BUILTINS.has(name) ? null : name;
}
