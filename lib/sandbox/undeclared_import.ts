/**
 * Reading, from Deno's error text, the npm package a sample tried to import outside its task's
 * declared dependencies. Inside the sandbox only the declared packages exist (the dependency
 * store, mounted as the job's `node_modules`), so any other bare import fails with one of:
 *
 * - `Import "zod" not a dependency` (static or dynamic import, with or without a store);
 * - `Could not find a matching package for 'npm:left-pad@1.3.0' in the node_modules directory`
 *   (an `npm:` specifier with a store);
 * - `npm specifiers were requested; but --no-npm is specified` (an `npm:` specifier without one:
 *   the message names no package, the code does);
 * - `Cannot find module 'zod'` / `Cannot find package 'zod'` (require, createRequire).
 *
 * @module
 */
import { builtinModules } from "node:module";
import { npmDependencies } from "../source/npm_dependencies.ts";

const BUILTINS = new Set(builtinModules);

const PATTERNS = [
  /Import "([^"]+)" not a dependency/,
  /Could not find a matching package for '(npm:[^']+)'/,
  /Cannot find (?:module|package) '([^']+)'/,
];

/**
 * The package an error message says could not be imported, or null when it says no such thing.
 * `code` (the sample) names the package when Deno's message does not (`--no-npm`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { undeclaredImport } from "./undeclared_import.ts";
 * assert.equal(undeclaredImport('error: Import "zod/v4" not a dependency'), "zod");
 * assert.equal(undeclaredImport("Could not find a matching package for 'npm:@a/b@1' in the node_modules directory"), "@a/b");
 * assert.equal(undeclaredImport("npm specifiers were requested; but --no-npm is specified", 'import p from "npm:left-pad@1";'), "left-pad");
 * assert.equal(undeclaredImport("Cannot find module './x.ts'"), null);
 * assert.equal(undeclaredImport("TypeError: x is not a function"), null);
 * ```
 */
export function undeclaredImport(message: string, code = ""): string | null {
  for (const pattern of PATTERNS) {
    const m = pattern.exec(message);
    if (!m) continue;
    const name = packageName(m[1]);
    if (name) return name;
  }
  if (/npm specifiers were requested/.test(message)) {
    const named = [...code.matchAll(/["']npm:([^"']+)["']/g)].map((m) => packageName(m[1]));
    return named.find((n) => n !== null) ?? npmDependencies(code)[0] ?? null;
  }
  return null;
}

/** The package of a bare specifier (`@scope/name/sub` → `@scope/name`), null for a non-package. */
function packageName(specifier: string): string | null {
  let s = specifier.replace(/^npm:\/?/, "");
  if (/^(\.|\/|[a-z]+:)/.test(s)) return null;
  const parts = s.split("/");
  s = s.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
  const at = s.indexOf("@", 1);
  if (at > 0) s = s.slice(0, at); // a version: left-pad@1.3.0
  return s === "" || BUILTINS.has(s) ? null : s;
}
