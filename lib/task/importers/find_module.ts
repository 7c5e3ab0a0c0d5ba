/**
 * Resolving a relative import the way bundlers and TypeScript do (no extension, a folder's
 * index, `.js` naming a `.ts` file) to the file on disk, for importers that carry a test
 * file's modules into a task (the sandbox's Deno needs exact file names).
 *
 * @module
 */
import { resolve } from "node:path";

const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", ".jsx", "/index.ts", "/index.js"];

/**
 * The file `specifier` names from the folder `dir`, trying the specifier as written, then
 * with `.ts`, `.tsx`, `.mts`, `.js`, `.mjs`, `.jsx`, `/index.ts`, `/index.js`, and a `.js`
 * specifier as `.ts`; null when none exists (or the specifier is undefined).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { findModule } from "./find_module.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/lib.ts`, "export const a = 1;\n");
 * assert.equal(await findModule(dir, "./lib"), `${dir}/lib.ts`);
 * assert.equal(await findModule(dir, "./lib.js"), `${dir}/lib.ts`);
 * assert.equal(await findModule(dir, "./nope"), null);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function findModule(
  dir: string,
  specifier: string | undefined,
): Promise<string | null> {
  if (!specifier) return null;
  const base = resolve(dir, specifier);
  const candidates = EXTENSIONS.map((e) => base + e);
  if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, ".ts")); // TS's ".js means .ts"
  for (const file of candidates) {
    try {
      if ((await Deno.stat(file)).isFile) return file;
    } catch { /* try the next */ }
  }
  return null;
}
