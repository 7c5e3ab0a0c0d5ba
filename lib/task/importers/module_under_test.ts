/**
 * Telling which relative import of a test file is the module under test (the reference) and
 * which are sibling modules the task carries as context.
 *
 * @module
 */
import { basename, dirname, extname, resolve } from "node:path";
import { findModule } from "./find_module.ts";
import type { LocalSpecifier } from "./local_specifiers.ts";

/** Options for {@link moduleUnderTest}. */
export interface ModuleUnderTestOptions {
  /** The reference's path given by the caller: the specifier that resolves to it is the module. @default none */
  reference?: string | null;
}

/**
 * The specifier of the module under test among a test file's relative (runtime) imports: the
 * one resolving to `options.reference`, else the one whose file is named like the test file
 * (`thing.test.ts` → `./thing`, `./thing/index.ts`), else the first; undefined when there is none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { moduleUnderTest } from "./module_under_test.ts";
 * const dir = await Deno.makeTempDir();
 * for (const f of ["helpers.ts", "thing.ts"]) await Deno.writeTextFile(`${dir}/${f}`, "");
 * const imports = [{ specifier: "./helpers" }, { specifier: "./thing.js" }] as never;
 * assert.equal(await moduleUnderTest(`${dir}/thing.test.ts`, imports), "./thing.js");
 * assert.equal(await moduleUnderTest(`${dir}/other.test.ts`, imports), "./helpers");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function moduleUnderTest(
  testFile: string,
  imports: Pick<LocalSpecifier, "specifier">[],
  options: ModuleUnderTestOptions = {},
): Promise<string | undefined> {
  const dir = dirname(resolve(testFile));
  const wanted = options.reference ? resolve(options.reference) : null;
  const stem = stemOf(testFile).replace(/[._-](test|spec)$/i, "");
  let named: string | undefined;
  for (const { specifier } of imports) {
    const target = await findModule(dir, specifier);
    if (target === null) continue;
    if (wanted !== null && target === wanted) return specifier;
    if (named === undefined && stemOf(target) === stem) named = specifier;
  }
  return wanted === null ? named ?? imports[0]?.specifier : undefined;
}

/** `src/thing.ts` → `thing`; `src/thing/index.ts` → `thing`. */
function stemOf(path: string): string {
  const name = basename(path);
  const stem = name.slice(0, name.length - extname(name).length);
  return stem === "index" ? basename(dirname(path)) : stem;
}
