/**
 * Package graphs (pool_packages.ts) kept on disk beside the dependency store they were made from,
 * so that a later process loads mathjs's ~1,000 files without scanning them again (80–170 ms,
 * during which the pool's parent sends no job) and without asking Deno for its facades again
 * (~85 ms, a sandboxed process).
 *
 * Only a store that lib/sandbox/dep_store.ts made (`<cacheDir>/deps/<hash>/node_modules`, beside
 * its `store.json`) gets one: `<cacheDir>/deps/pool-graphs/<hash>/<key>.json`, the key a hash of
 * this format, the specifiers and the Deno binary that listed the facades (its path, size and
 * time). Such a store is read-only and named by its content; all the same, a kept graph carries
 * a stamp (kind, inode, size, times) of every path the scan read or looked for and of each
 * one's folder, and is used only while every stamp still matches: a file changed, added or
 * removed since makes the graph be made anew (and kept again). A facade listing that failed is
 * never kept (a busy machine can fail it); a graph the scan refused is, with its reason.
 * Reading and writing are best effort: a folder that cannot be written leaves the graph made in
 * memory, as before. Writing one removes the store's kept files unchanged for 30 days.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { basename, dirname, join, relative } from "node:path";
import type { PackageGraphWire } from "./inside/package_modules.ts";

/** Bumped whenever what a graph holds, or how it is made, changes. */
const FORMAT = 1;

/** What a kept file holds. */
interface Kept {
  format: number;
  /** Path (relative to the store's node_modules) → its stamp, for every path consulted. */
  stamps: Record<string, string>;
  /** The graph with its facades, or why the scan refused it. */
  value: PackageGraphWire | { refused: string };
}

/** A path's stamp: its kind, inode, size, modification and change times, or "-" when it is not there. */
function stamp(path: string): string {
  try {
    const s = Deno.statSync(path);
    return `${s.isFile ? "f" : s.isDirectory ? "d" : "o"}${s.ino}:${s.size}:${
      s.mtime?.getTime() ?? ""
    }:${s.ctime?.getTime() ?? ""}`;
  } catch {
    return "-";
  }
}

/**
 * Where the graph of `specifiers` in the store `nodeModules`, with facades listed by `denoPath`,
 * is kept; null when `nodeModules` is not a store dep_store.ts made (or Deno cannot be stat'ed).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { keptGraphPath } from "./pool_graph_cache.ts";
 * const deps = await Deno.makeTempDir();
 * await Deno.mkdir(`${deps}/abc/node_modules`, { recursive: true });
 * assert.equal(keptGraphPath(`${deps}/abc/node_modules`, ["p"], Deno.execPath()), null);
 * await Deno.writeTextFile(`${deps}/abc/store.json`, "{}");
 * assert.match(keptGraphPath(`${deps}/abc/node_modules`, ["p"], Deno.execPath())!, /\/pool-graphs\/abc\/[0-9a-f]{64}\.json$/);
 * await Deno.remove(deps, { recursive: true });
 * ```
 */
export function keptGraphPath(
  nodeModules: string,
  specifiers: readonly string[],
  denoPath: string,
): string | null {
  const store = dirname(nodeModules);
  if (basename(nodeModules) !== "node_modules" || stamp(join(store, "store.json"))[0] !== "f") {
    return null;
  }
  const deno = stamp(denoPath);
  if (deno === "-") return null;
  const key = createHash("sha256").update(JSON.stringify([FORMAT, specifiers, denoPath, deno]))
    .digest("hex");
  return join(dirname(store), "pool-graphs", basename(store), `${key}.json`);
}

/**
 * The graph kept at `file` for the store `nodeModules` (a string: the scan's refusal), or null
 * when none is kept there, it cannot be read, or any path it consulted changed since.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { keepGraph, readKeptGraph } from "./pool_graph_cache.ts";
 * const store = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${store}/p.js`, "module.exports = 1;");
 * const graph = { files: { "p.js": { kind: "cjs" as const, text: "module.exports = 1;" } }, resolve: { "\0p": "p.js" }, facades: {} };
 * keepGraph(`${store}.kept.json`, store, graph, new Set([`${store}/p.js`]));
 * assert.deepEqual(readKeptGraph(`${store}.kept.json`, store), graph);
 * await new Promise((r) => setTimeout(r, 20));
 * await Deno.writeTextFile(`${store}/p.js`, "module.exports = 2;");
 * assert.equal(readKeptGraph(`${store}.kept.json`, store), null); // changed since
 * await Deno.remove(store, { recursive: true });
 * await Deno.remove(`${store}.kept.json`);
 * ```
 */
export function readKeptGraph(file: string, nodeModules: string): PackageGraphWire | string | null {
  let kept: Kept;
  try {
    kept = JSON.parse(Deno.readTextFileSync(file));
  } catch {
    return null;
  }
  if (kept?.format !== FORMAT || typeof kept.stamps !== "object" || kept.value === null) {
    return null;
  }
  for (const [path, was] of Object.entries(kept.stamps)) {
    if (stamp(join(nodeModules, path)) !== was) return null;
  }
  return "refused" in kept.value ? String(kept.value.refused) : kept.value;
}

/**
 * Keep `value` (a graph with its facades, or the scan's refusal) at `file`, stamped with every
 * path in `consulted` (absolute, as packageGraph() collected them) and each one's folder. Written
 * whole under another name, then renamed: a reader never sees half a file. Best effort.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { keepGraph, readKeptGraph } from "./pool_graph_cache.ts";
 * const store = await Deno.makeTempDir();
 * keepGraph(`${store}.kept.json`, store, "p/i.js uses import.meta", new Set([`${store}/p/i.js`]));
 * assert.equal(readKeptGraph(`${store}.kept.json`, store), "p/i.js uses import.meta");
 * await Deno.remove(store, { recursive: true });
 * await Deno.remove(`${store}.kept.json`);
 * ```
 */
export function keepGraph(
  file: string,
  nodeModules: string,
  value: PackageGraphWire | string,
  consulted: ReadonlySet<string>,
): void {
  const stamps: Record<string, string> = {};
  for (const path of consulted) {
    for (const p of [path, dirname(path)]) {
      const rel = relative(nodeModules, p);
      if (rel.startsWith("..") || rel in stamps) continue;
      stamps[rel] = stamp(p);
    }
  }
  const kept: Kept = {
    format: FORMAT,
    stamps,
    value: typeof value === "string" ? { refused: value } : value,
  };
  const tmp = `${file}.${crypto.randomUUID()}.tmp`;
  try {
    Deno.mkdirSync(dirname(file), { recursive: true });
    Deno.writeTextFileSync(tmp, JSON.stringify(kept));
    Deno.renameSync(tmp, file);
  } catch {
    try {
      Deno.removeSync(tmp);
    } catch { /* never written */ }
  }
  pruneKept(dirname(file), Date.now());
}

/** Kept files (and a killed writer's leftovers) unchanged this long are removed. */
const PRUNE_AFTER_MS = 30 * 24 * 3600_000;

/**
 * Remove the files in `folder` (a store's kept graphs) last written more than
 * {@link PRUNE_AFTER_MS} before `now`: graphs of a Deno binary since replaced (another key,
 * never read again), half-written files of a killed process. A graph still in use is only
 * made again. Best effort. Returns the paths removed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pruneKept } from "./pool_graph_cache.ts";
 * const folder = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${folder}/a.json`, "{}");
 * assert.deepEqual(pruneKept(folder, Date.now()), []);
 * assert.deepEqual(pruneKept(folder, Date.now() + 31 * 24 * 3600_000), [`${folder}/a.json`]);
 * await Deno.remove(folder, { recursive: true });
 * ```
 */
export function pruneKept(folder: string, now: number): string[] {
  const removed: string[] = [];
  try {
    for (const entry of Deno.readDirSync(folder)) {
      if (!entry.isFile) continue;
      const path = join(folder, entry.name);
      try {
        const written = Deno.statSync(path).mtime?.getTime();
        if (written !== undefined && now - written > PRUNE_AFTER_MS) {
          Deno.removeSync(path);
          removed.push(path);
        }
      } catch { /* gone meanwhile */ }
    }
  } catch { /* no folder */ }
  return removed;
}
