/**
 * Which declared npm packages a warm-pool sample may name: a bare import of a package that
 * resolves in the job's dependency store (lib/sandbox/dep_store.ts) and that type stripping
 * removes (its bindings are never used as values, as in
 * `import * as math from "mathjs"` above code that never calls `math`). Deno's transpiler drops
 * such an import the same way (both strip with swc), so the strict runner resolves the package
 * when it builds the module graph but never loads it: the pool, which loads no package, runs the
 * sample exactly as the strict runner would once it has checked that the package resolves. An
 * import that survives stripping goes to the strict runner (lib/sandbox/pool_route.ts).
 *
 * @module
 */
import { join } from "node:path";

/** A bare package name: `name` or `@scope/name`, no subpath, no version, no scheme. */
const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/** `<nodeModules>\0<name>` → whether it resolves (a store is content-addressed and read-only). */
const RESOLVES = new Map<string, boolean>();
const RESOLVES_MAX = 4096;

/**
 * Whether `specifier` is a package at the top of the store `nodeModules` whose entry (its
 * `exports` "." under the conditions Deno uses, else `main`, else `index.js`) is a file: the
 * import the strict runner resolves without error. Anything else (a subpath, an `npm:`
 * specifier, a package the store lacks, an entry that is not there): false.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { packageResolves } from "./pool_packages.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/p/lib`, { recursive: true });
 * await Deno.writeTextFile(`${dir}/p/package.json`, '{"exports": {".": {"import": "./lib/i.js"}}}');
 * assert.equal(packageResolves(dir, "p"), false); // its entry is missing
 * await Deno.writeTextFile(`${dir}/p/lib/i.js`, "export {};");
 * assert.equal(packageResolves(`${dir}/`, "p"), true);
 * assert.equal(packageResolves(`${dir}/`, "p/lib/i.js"), false);
 * assert.equal(packageResolves(`${dir}/`, "q"), false);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function packageResolves(nodeModules: string, specifier: string): boolean {
  if (!PACKAGE_NAME.test(specifier)) return false;
  const key = `${nodeModules}\0${specifier}`;
  let known = RESOLVES.get(key);
  if (known === undefined) {
    known = resolves(join(nodeModules, specifier));
    if (RESOLVES.size >= RESOLVES_MAX) RESOLVES.clear();
    RESOLVES.set(key, known);
  }
  return known;
}

function resolves(dir: string): boolean {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(Deno.readTextFileSync(join(dir, "package.json")));
  } catch {
    return false;
  }
  if (manifest === null || typeof manifest !== "object") return false;
  const entry = manifest.exports !== undefined
    ? exportsEntry(manifest.exports)
    : typeof manifest.main === "string"
    ? manifest.main
    : "index.js";
  if (entry === null) return false;
  try {
    return Deno.statSync(join(dir, entry)).isFile;
  } catch {
    return false;
  }
}

const CONDITIONS = new Set(["deno", "node", "import", "default"]);

/** The file `exports` maps "." to under Deno's conditions (deno, node, import, default), or null. */
function exportsEntry(exports: unknown): string | null {
  let target = exports;
  if (target !== null && typeof target === "object" && !Array.isArray(target)) {
    const map = target as Record<string, unknown>;
    const subpaths = Object.keys(map).some((k) => k.startsWith("."));
    if (subpaths) target = map["."];
  }
  for (let depth = 0; depth < 8; depth++) {
    if (typeof target === "string") return target.startsWith("./") ? target : null;
    if (target === null || typeof target !== "object" || Array.isArray(target)) return null;
    const map = target as Record<string, unknown>;
    // As Node and Deno read it: the first key, in the object's order, that is a condition.
    const condition = Object.keys(map).find((c) => CONDITIONS.has(c));
    if (condition === undefined) return null;
    target = map[condition];
  }
  return null;
}
