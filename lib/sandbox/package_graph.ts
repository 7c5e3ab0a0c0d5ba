/**
 * The files a warm-pool host needs to load a job's declared packages itself: every file the
 * package entries reach in the job's dependency store, each classed as Deno classes it (an ES
 * module, a CommonJS module, JSON), with how each of its imports and requires resolves, as
 * Deno's resolver would (node_modules lookup, package `exports` under Deno's conditions,
 * `main`, CommonJS's extension and index probing). A graph the pool could load differently from
 * Deno is refused with a reason instead, and the sample goes to the strict runner: one larger
 * than {@link GRAPH_LIMITS}, a dynamic `import()` or `import.meta`, a JSON import,
 * a `.js` file whose kind Deno would have to guess, an `exports` map with patterns or a `deno`
 * condition, a built-in module imported by an ES module.
 *
 * What the scan cannot see, the host checks as the code runs (inside/package_modules.ts): a
 * require that is not in the graph, a global the context lacks, a property of `module` or
 * `require` other than `module.exports` hand the sample to the strict runner.
 *
 * @module
 */
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { type Token, tokenize } from "../source/tokenize.ts";

/** One file of a package graph. */
export interface PackageFile {
  /** How Deno loads it: an ES module, a CommonJS module (through its ESM facade when imported), JSON. */
  kind: "esm" | "cjs" | "json";
  /** Its text. */
  text: string;
}

/** What a host needs to load a job's packages (paths relative to the store's node_modules). */
export interface PackageGraph {
  /** Every file reached, by path. */
  files: Record<string, PackageFile>;
  /**
   * Where each import or require resolves: `<from>\0<specifier>` → path, where `<from>` is the
   * importing file's path, or "" for the job's own modules.
   */
  resolve: Record<string, string>;
}

/**
 * The largest graph the pool loads (mathjs 11: about 1,030 files; evaluated anew in each job's
 * context, still cheaper than a strict process: `./assay bench deps`).
 */
export const GRAPH_LIMITS = { files: 4096, bytes: 16 << 20 };

/** Deno's conditions when an ES module imports a package, and when CommonJS requires one. */
const CONDITIONS = {
  import: ["node", "import", "default"],
  require: ["node", "require", "default"],
};

/** A reason the pool cannot load the graph exactly as Deno would. */
class Refused extends Error {}

/**
 * The package graph `specifiers` (bare package imports of the job's code) reach in the store
 * `nodeModules`, or why the pool should not load it (a string). With `consulted`, every path
 * it read or looked for (absolute) is added to that set.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { packageGraph } from "./package_graph.ts";
 * const store = await Deno.makeTempDir();
 * await Deno.mkdir(`${store}/p`);
 * await Deno.writeTextFile(`${store}/p/package.json`, '{"main": "main.js"}');
 * await Deno.writeTextFile(`${store}/p/main.js`, 'exports.twice = require("./twice");');
 * await Deno.writeTextFile(`${store}/p/twice.js`, "module.exports = (x) => 2 * x;");
 * const graph = packageGraph(store, ["p"]);
 * assert(typeof graph !== "string");
 * assert.deepEqual(Object.keys(graph.files).sort(), ["p/main.js", "p/twice.js"]);
 * assert.equal(graph.resolve["\0p"], "p/main.js");
 * assert.equal(graph.resolve["p/main.js\0./twice"], "p/twice.js");
 * await Deno.writeTextFile(`${store}/p/twice.js`, "module.exports = (x) => import(x);");
 * assert.match(String(packageGraph(store, ["p"])), /dynamic import/);
 * await Deno.remove(store, { recursive: true });
 * ```
 */
export function packageGraph(
  nodeModules: string,
  specifiers: readonly string[],
  consulted?: Set<string>,
): PackageGraph | string {
  consulting = consulted ?? null;
  try {
    return buildGraph(nodeModules, specifiers);
  } finally {
    consulting = null;
  }
}

/**
 * While {@link packageGraph} runs with a set: every path it read or looked for (absolute), so a
 * copy kept on disk can be checked against the store (pool_graph_cache.ts).
 */
let consulting: Set<string> | null = null;

function buildGraph(nodeModules: string, specifiers: readonly string[]): PackageGraph | string {
  const graph: PackageGraph = { files: {}, resolve: {} };
  let bytes = 0;
  let count = 0;
  const todo: string[] = [];
  const queued = new Set<string>();
  const reach = (from: string, specifier: string, mode: "import" | "require") => {
    const path = resolveSpecifier(nodeModules, from, specifier, mode);
    graph.resolve[`${from}\0${specifier}`] = path;
    if (!queued.has(path)) {
      queued.add(path);
      todo.push(path);
    }
  };
  try {
    for (const specifier of specifiers) reach("", specifier, "import");
    for (let next = 0; next < todo.length; next++) {
      const path = todo[next];
      const text = readText(join(nodeModules, path));
      bytes += text.length;
      const kind = fileKind(nodeModules, path);
      graph.files[path] = { kind, text };
      if (++count > GRAPH_LIMITS.files || bytes > GRAPH_LIMITS.bytes) {
        throw new Refused(
          `more than ${GRAPH_LIMITS.files} files or ${GRAPH_LIMITS.bytes >> 20} MiB`,
        );
      }
      if (kind === "json") continue;
      const scanned = scan(text, kind, path);
      for (const s of scanned) {
        const builtin = s.startsWith("node:") || builtinModules.includes(s);
        if (!builtin && isBareOrRelative(s)) {
          reach(path, s, kind === "esm" ? "import" : "require");
        } // A built-in required by CommonJS is judged when it runs (inside/package_realm.ts).
        else if (kind === "esm" || !builtin) throw new Refused(`${path} imports "${s}"`);
      }
    }
  } catch (error) {
    if (error instanceof Refused) return error.message;
    throw error;
  }
  return graph;
}

const isBareOrRelative = (s: string) =>
  s.startsWith("./") || s.startsWith("../") || /^(?:@[\w.-]+\/)?[\w.-]+(?:\/.*)?$/.test(s) &&
    !s.includes(":");

function readText(file: string): string {
  consulting?.add(file);
  try {
    return Deno.readTextFileSync(file);
  } catch (error) {
    throw new Refused(`cannot read "${file}": ${(error as Error).message}`);
  }
}

/** Recent answers of readJson and isFile: a store is read-only (content-addressed). */
const JSONS = new Map<string, Record<string, unknown> | null>();
const FILES = new Map<string, boolean>();
const KNOWN_MAX = 65_536;

function readJson(file: string): Record<string, unknown> | null {
  consulting?.add(file);
  const cached = JSONS.get(file);
  if (cached !== undefined) return cached;
  let known: Record<string, unknown> | null = null;
  try {
    const value = JSON.parse(Deno.readTextFileSync(file));
    if (value !== null && typeof value === "object" && !Array.isArray(value)) known = value;
  } catch { /* not there, or not JSON */ }
  if (JSONS.size >= KNOWN_MAX) JSONS.clear();
  JSONS.set(file, known);
  return known;
}

const isFile = (file: string) => {
  consulting?.add(file);
  const cached = FILES.get(file);
  if (cached !== undefined) return cached;
  let known = false;
  try {
    known = Deno.statSync(file).isFile;
  } catch { /* not there */ }
  if (FILES.size >= KNOWN_MAX) FILES.clear();
  FILES.set(file, known);
  return known;
};

/** How Deno loads the file at `path`: by extension, else its nearest package.json's `type`. */
function fileKind(nodeModules: string, path: string): PackageFile["kind"] {
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".mjs")) return "esm";
  if (path.endsWith(".cjs")) return "cjs";
  if (!path.endsWith(".js")) throw new Refused(`${path} is neither .js, .mjs, .cjs nor .json`);
  for (let dir = dirname(path); dir !== "." && dir !== "/"; dir = dirname(dir)) {
    const manifest = readJson(join(nodeModules, dir, "package.json"));
    if (manifest !== null) return manifest.type === "module" ? "esm" : "cjs";
  }
  return "cjs";
}

/**
 * The specifiers a file names: an ES module's static imports and re-exports, a CommonJS
 * module's `require("…")` calls. Refuses what the pool would load differently: a dynamic
 * `import()`, `import.meta`, an import with attributes (JSON), ESM syntax in a CommonJS file.
 */
function scan(text: string, kind: "esm" | "cjs", path: string): string[] {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (error) {
    throw new Refused(`${path} does not tokenize: ${(error as Error).message}`);
  }
  const out: string[] = [];
  const at = (i: number) => tokens[i]?.text;
  const isMember = (i: number) => at(i - 1) === "." || at(i - 1) === "?.";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== "word" || isMember(i)) continue;
    if (t.text === "import") {
      if (at(i + 1) === "(") throw new Refused(`${path} uses a dynamic import`);
      if (at(i + 1) === ".") throw new Refused(`${path} uses import.meta`);
      if (kind === "cjs") throw new Refused(`${path} has ESM syntax in a CommonJS file`);
      if (tokens[i + 1]?.kind === "string") out.push(unquote(tokens[i + 1].text));
    } else if (t.text === "export" && kind === "cjs") {
      throw new Refused(`${path} has ESM syntax in a CommonJS file`);
    } else if (t.text === "from" && kind === "esm" && tokens[i + 1]?.kind === "string") {
      out.push(unquote(tokens[i + 1].text));
      if (at(i + 2) === "with" || at(i + 2) === "assert") {
        throw new Refused(`${path} imports with attributes`);
      }
    } else if (
      t.text === "require" && kind === "cjs" && at(i + 1) === "(" &&
      tokens[i + 2]?.kind === "string" && at(i + 3) === ")"
    ) out.push(unquote(tokens[i + 2].text));
  }
  return out;
}

const unquote = (quoted: string) => {
  try {
    return JSON.parse(
      quoted[0] === "'" ? `"${quoted.slice(1, -1).replaceAll('"', '\\"')}"` : quoted,
    );
  } catch {
    throw new Refused(`cannot read the specifier ${quoted}`);
  }
};

/** Where `specifier`, imported (or required) by `from` ("" for the job), resolves in the store. */
function resolveSpecifier(
  nodeModules: string,
  from: string,
  specifier: string,
  mode: "import" | "require",
): string {
  if (specifier.startsWith("./") || specifier.startsWith("../")) {
    const target = join(dirname(from), specifier);
    if (target.startsWith("..")) throw new Refused(`"${specifier}" leaves the store`);
    const found = mode === "import"
      ? (isFile(join(nodeModules, target)) ? target : null)
      : requireFile(nodeModules, target);
    if (found === null) {
      throw new Refused(`${from} names "${specifier}", which Deno would probe for`);
    }
    return found;
  }
  const parts = specifier.split("/");
  const nameParts = specifier.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, nameParts).join("/");
  const subpath = parts.length > nameParts ? `./${parts.slice(nameParts).join("/")}` : ".";
  // node_modules folders from the importer's folder up to the store's top.
  for (let dir = from === "" ? "" : dirname(from);; dir = dirname(dir)) {
    const base = dir === "" || dir === "." ? "" : dir;
    const packageDir = base === "" || base.endsWith("node_modules")
      ? join(base, name)
      : join(base, "node_modules", name);
    if (
      readJson(join(nodeModules, packageDir, "package.json")) !== null ||
      isFile(join(nodeModules, packageDir, "index.js"))
    ) {
      return packageEntry(nodeModules, packageDir, subpath, mode);
    }
    if (base === "") break;
  }
  throw new Refused(`"${specifier}" is not in the store`);
}

/** The file a package's `subpath` maps to: `exports` when it has one, else `main` / files. */
function packageEntry(
  nodeModules: string,
  packageDir: string,
  subpath: string,
  mode: "import" | "require",
): string {
  const manifest = readJson(join(nodeModules, packageDir, "package.json")) ?? {};
  if (manifest.exports !== undefined) {
    let target: unknown = manifest.exports;
    const map = target !== null && typeof target === "object" && !Array.isArray(target)
      ? target as Record<string, unknown>
      : null;
    if (map !== null && Object.keys(map).some((k) => k.startsWith("."))) target = map[subpath];
    else if (subpath !== ".") target = undefined;
    target = exportsTarget(target, mode, packageDir);
    if (typeof target !== "string" || !target.startsWith("./") || target.includes("*")) {
      throw new Refused(`${packageDir}'s exports does not map "${subpath}" plainly`);
    }
    const file = join(packageDir, target);
    if (!isFile(join(nodeModules, file))) throw new Refused(`${file} is missing`);
    return file;
  }
  if (subpath !== ".") {
    const found = mode === "require" ? requireFile(nodeModules, join(packageDir, subpath)) : null;
    if (found === null) throw new Refused(`"${packageDir}/${subpath}" is a deep import`);
    return found;
  }
  const main = typeof manifest.main === "string" ? manifest.main : "index.js";
  const found = requireFile(nodeModules, join(packageDir, main));
  if (found === null) throw new Refused(`${packageDir}'s main "${main}" is missing`);
  return found;
}

/**
 * What an `exports` target resolves to under Deno's conditions for `mode`, as Node's
 * PACKAGE_TARGET_RESOLVE reads it: a string is the target; in an object, the first key in its
 * order that is a condition whose value resolves; in a fallback array, the first element that
 * resolves; anything else, nothing (null).
 */
function exportsTarget(target: unknown, mode: "import" | "require", packageDir: string): unknown {
  if (typeof target === "string") return target;
  if (Array.isArray(target)) {
    for (const element of target) {
      const found = exportsTarget(element, mode, packageDir);
      if (typeof found === "string" && found.startsWith("./")) return found;
    }
    return null;
  }
  if (target === null || typeof target !== "object") return null;
  const conditions = Object.keys(target);
  if (conditions.includes("deno")) {
    throw new Refused(`${packageDir}'s exports has a "deno" condition`);
  }
  for (const condition of conditions) {
    if (!CONDITIONS[mode].includes(condition)) continue;
    const found = exportsTarget((target as Record<string, unknown>)[condition], mode, packageDir);
    if (found !== null && found !== undefined) return found;
  }
  return null;
}

/** CommonJS's probing: the file, then with .js or .json, then a folder's main or index. */
function requireFile(nodeModules: string, target: string): string | null {
  for (const candidate of [target, `${target}.js`, `${target}.json`]) {
    if (isFile(join(nodeModules, candidate))) return candidate;
  }
  const manifest = readJson(join(nodeModules, target, "package.json"));
  if (manifest !== null && typeof manifest.main === "string") {
    const main = requireFile(nodeModules, join(target, manifest.main));
    if (main !== null) return main;
  }
  for (const index of ["index.js", "index.json"]) {
    if (isFile(join(nodeModules, target, index))) return join(target, index);
  }
  return null;
}
