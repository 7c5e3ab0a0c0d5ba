/**
 * Which declared npm packages a warm-pool sample may name, and how a host loads them.
 *
 * A bare import of a package that resolves in the job's dependency store (lib/sandbox/dep_store.ts)
 * and that type stripping removes (its bindings are never used as values, as in
 * `import * as math from "mathjs"` above code that never calls `math`) loads nothing: Deno's
 * transpiler drops such an import the same way (both strip with swc), so the strict runner
 * resolves the package when it builds the module graph but never loads it, and the pool runs
 * the sample once it has checked that the package resolves ({@link packageResolves}).
 *
 * An import that survives stripping loads the package: the host evaluates its graph in the
 * job's fresh context ({@link poolPackages}, package_graph.ts, inside/package_modules.ts), when
 * the graph allows; else the sample goes to the strict runner (lib/sandbox/pool.ts).
 *
 * @module
 */
import { join } from "node:path";
import type { PackageGraphWire } from "./inside/package_modules.ts";
import { facadeNames, type FacadeProbeOptions } from "./package_facades.ts";
import { packageGraph } from "./package_graph.ts";
import { keepGraph, keptGraphPath, readKeptGraph } from "./pool_graph_cache.ts";

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

/** A job's declared packages as a warm host loads them: its graph, under an id hosts keep it by. */
export interface PoolPackages {
  id: string;
  graph: PackageGraphWire;
  /** Whether this process made the graph or read it from the disk (pool_graph_cache.ts). */
  source: "made" | "disk";
}

/** `<store>\0<specifiers>` → its graph with facades, or why the pool does not load it. */
const GRAPHS = new Map<string, Promise<PoolPackages | string>>();
const GRAPHS_MAX = 64;

/**
 * The package graph (package_graph.ts) that `specifiers`, declared packages a job's code
 * imports, reach in the store `nodeModules`, with each facade's export names as Deno lists them
 * (package_facades.ts), under an id a host keeps it by; or why the pool should not load them
 * (the sample then goes to the strict runner). Made once per store and specifiers, then shared,
 * and kept on disk beside a store dep_store.ts made, for the next process (pool_graph_cache.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { poolPackages } from "./pool_packages.ts";
 * const store = await Deno.makeTempDir();
 * await Deno.mkdir(`${store}/p`);
 * await Deno.writeTextFile(`${store}/p/package.json`, '{"type": "module", "exports": "./i.js"}');
 * await Deno.writeTextFile(`${store}/p/i.js`, "export const one = 1;");
 * const o = { isolation: "none", denoPath: Deno.execPath(), heapMb: 512, dataMb: 1024 } as const;
 * const packages = await poolPackages(store, ["p"], o);
 * assert(typeof packages !== "string");
 * assert.equal(packages.graph.files["p/i.js"].kind, "esm");
 * await Deno.remove(store, { recursive: true });
 * ```
 */
export function poolPackages(
  nodeModules: string,
  specifiers: readonly string[],
  probe: FacadeProbeOptions,
): Promise<PoolPackages | string> {
  const key = `${nodeModules}\0${specifiers.join("\0")}`;
  let made = GRAPHS.get(key);
  if (made === undefined) {
    made = (async () => {
      const file = keptGraphPath(nodeModules, specifiers, probe.denoPath);
      const kept = file === null ? null : readKeptGraph(file, nodeModules);
      if (typeof kept === "string") return kept;
      if (kept !== null) return { id: crypto.randomUUID(), graph: kept, source: "disk" as const };
      const consulted = new Set<string>();
      const graph = packageGraph(nodeModules, specifiers, consulted);
      if (typeof graph === "string") {
        if (file !== null) keepGraph(file, nodeModules, graph, consulted);
        return graph;
      }
      // The CommonJS files an ES module (the job's or a package's) imports: they get facades.
      const imported = new Set<string>();
      for (const [key, path] of Object.entries(graph.resolve)) {
        const from = key.slice(0, key.indexOf("\0"));
        if (graph.files[path].kind !== "cjs") continue;
        if (from === "" || graph.files[from].kind === "esm") imported.add(path);
      }
      const facades = await facadeNames(nodeModules, [...imported], probe);
      if (typeof facades === "string") return facades;
      const wire = { ...graph, facades };
      if (file !== null) keepGraph(file, nodeModules, wire, consulted);
      return { id: crypto.randomUUID(), graph: wire, source: "made" as const };
    })();
    if (GRAPHS.size >= GRAPHS_MAX) GRAPHS.clear();
    GRAPHS.set(key, made);
  }
  return made;
}
