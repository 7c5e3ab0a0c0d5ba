/**
 * A warm-pool job's modules: its TypeScript stripped of types, its relative imports resolved
 * among its own files, node:assert and node:util served from its context (prelude.ts), and any
 * other import handed to the strict runner.
 *
 * @module
 */
import vm from "node:vm";
import { stripTypeScriptTypes } from "node:module";
import { builtinModule } from "./builtin_module.ts";
import { describeHostSide, Fallback, LoadError } from "./host_errors.ts";
import type { JobPackages } from "./package_modules.ts";

const StringCtor = String;

/**
 * The stripped text of recent tests.ts sources: a task's tests are the same text for each of
 * its samples, and stripping is a pure function of the text, so reusing it cannot change a
 * verdict (a source that does not parse is not kept: it throws each time).
 */
const STRIPPED_TESTS = new Map<string, string>();
const STRIPPED_TESTS_MAX = 64;

/** `source` with its types stripped when `path` is TypeScript (a LoadError or a Fallback when it does not parse). */
export const strip = (path: string, source: string): string => {
  if (!/\.(ts|mts|tsx)$/.test(path)) return source;
  const keep = path === "tests.ts";
  const kept = keep ? STRIPPED_TESTS.get(source) : undefined;
  if (kept !== undefined) return kept;
  try {
    const stripped = stripTypeScriptTypes(source, { mode: "transform" });
    if (keep) {
      if (STRIPPED_TESTS.size >= STRIPPED_TESTS_MAX) STRIPPED_TESTS.clear();
      STRIPPED_TESTS.set(source, stripped);
    }
    return stripped;
  } catch (error) {
    const message = StringCtor((error as Error).message);
    // Deno parses with the same parser: its dynamic import of the tests fails with this
    // SyntaxError wrapped in a TypeError, located in the job's file. Anything else (syntax the
    // stripper does not support) goes to the strict runner.
    if (message.startsWith("SyntaxError: ")) {
      throw new LoadError(
        `TypeError: ${
          message.replaceAll("file:///stripTypeScriptTypes.ts", `file:///job/${path}`)
        }`,
      );
    }
    throw new Fallback(`${path} does not parse: ${message.split("\n")[0]}`);
  }
};

/**
 * `a/b.ts` + `../c.ts` → `c.ts`; null when it leaves the tree or is not relative.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolvePath } from "./job_modules.ts";
 * assert.equal(resolvePath("a/b.ts", "../c.ts"), "c.ts");
 * assert.equal(resolvePath("b.ts", "../c.ts"), null);
 * assert.equal(resolvePath("b.ts", "node:fs"), null);
 * ```
 */
export function resolvePath(from: string, specifier: string): string | null {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return null;
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "." || part === "") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

/**
 * The job's `tests.ts` as a module of `context`, linked: `sources` are the job's files by path,
 * `builtins` the namespaces its context serves (prelude.ts's `modules`), `packages` the job's
 * declared packages set up in it (package_modules.ts), if any. Throws a Fallback for an import
 * the pool cannot serve or a graph that does not link, a LoadError for a syntax error.
 */
export async function linkTests(
  context: vm.Context,
  sources: Record<string, string>,
  builtins: Record<string, Record<string, unknown>>,
  packages: JobPackages | null = null,
): Promise<vm.Module> {
  const modules = new Map<string, vm.Module>();
  const moduleFor = (path: string): vm.Module => {
    let m = modules.get(path);
    if (m) return m;
    const source = sources[path];
    if (source === undefined) throw new Fallback(`"${path}" is not in the job`);
    m = new vm.SourceTextModule(strip(path, source), { context, identifier: path });
    modules.set(path, m);
    return m;
  };
  const tests = moduleFor("tests.ts");
  // The built-ins the sources may import, each a module already evaluated: made before any job
  // code runs (a source that names one by an escape gets none and goes to the strict runner).
  const prepared = new Map<string, vm.Module>();
  const texts = Object.values(sources);
  for (const specifier of Object.keys(builtins)) {
    if (!texts.some((text) => text.includes(specifier))) continue;
    prepared.set(specifier, await builtinModule(context, specifier, builtins[specifier]));
  }
  try {
    await tests.link((specifier: string, referencing: vm.Module) => {
      if (packages?.owns(referencing)) return packages.link(specifier, referencing);
      const builtin = prepared.get(specifier);
      if (builtin !== undefined) return builtin;
      const path = resolvePath(referencing.identifier, specifier);
      if (path !== null) return moduleFor(path);
      const entry = packages?.entry(specifier) ?? null;
      if (entry === null) throw new Fallback(`unsupported import "${specifier}"`);
      return entry;
    });
  } catch (error) {
    // E.g. an import of a name the module does not export: the strict runner reports it.
    if (error instanceof Fallback || error instanceof LoadError) throw error;
    throw new Fallback(`the job does not link: ${describeHostSide(error)}`);
  }
  return tests;
}
