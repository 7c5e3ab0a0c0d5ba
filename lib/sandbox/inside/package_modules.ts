/**
 * A job's declared packages as modules of its fresh context: every file of the package graph the
 * parent sent (lib/sandbox/package_graph.ts) evaluated anew in each job's context, never shared
 * between jobs. An ES module file becomes a source text module; a CommonJS file runs in the
 * context's CommonJS loader (package_realm.ts), and, where an ES module imports it, behind a
 * facade exporting what Deno's facade exports (its names listed by Deno itself,
 * lib/sandbox/package_facades.ts): `default` and `"module.exports"` are `module.exports`, each
 * other name that property of it. Module identifiers are the files' URLs in the strict runner's
 * jail. What the package code touches that this context answers differently from Deno is
 * recorded (package_realm.ts) and ends the job as a Fallback.
 *
 * @module
 */
import { builtinModules } from "node:module";
import vm from "node:vm";
import { builtinModule } from "./builtin_module.ts";
import { Fallback } from "./host_errors.ts";
import { PACKAGE_REALM_SOURCE, type PackageRealm } from "./package_realm.ts";

/** A package graph as the parent sends it once per host (lib/sandbox/pool_packages.ts). */
export interface PackageGraphWire {
  files: Record<string, { kind: "esm" | "cjs" | "json"; text: string }>;
  resolve: Record<string, string>;
  /** Each CommonJS file an ES module imports → its facade's export names, as Deno lists them. */
  facades: Record<string, string[]>;
}

/** A job's reference to its graph: its id, and the graph itself the first time a host gets it. */
export interface PackagesRef {
  id: string;
  graph?: PackageGraphWire;
}

/** Where the strict runner's jail has the store, and the prefix of its files' URLs. */
const ROOT = "/job/node_modules";
const URL_PREFIX = `file://${ROOT}/`;
/** The loader's module, imported by facades only. */
const LOADER = "assay:package-loader";

const GRAPHS = new Map<string, PackageGraphWire>();
const GRAPHS_MAX = 16;

const REALM = new vm.Script(PACKAGE_REALM_SOURCE, { filename: "assay-package-realm.js" });
const NAMES = new vm.Script("Object.getOwnPropertyNames(globalThis)", {
  filename: "assay-names.js",
});
/** The globals of a Deno process (this host is one, as is the strict runner's). */
const DENO_GLOBALS = Object.getOwnPropertyNames(globalThis);
/** Those whose value is the global object itself (`self`, `global`): read once, at the start. */
const SELF_NAMES = new Set(
  DENO_GLOBALS.filter((name) => {
    try {
      return (globalThis as Record<string, unknown>)[name] === globalThis;
    } catch {
      return false;
    }
  }),
);
const stringify = JSON.stringify;
const ObjectCreate = Object.create;

/** The graph `ref` names: kept when it comes with it, else the one kept before. */
function graphOf(ref: PackagesRef): PackageGraphWire {
  if (ref.graph !== undefined) {
    if (GRAPHS.size >= GRAPHS_MAX) GRAPHS.clear();
    GRAPHS.set(ref.id, ref.graph);
    return ref.graph;
  }
  const known = GRAPHS.get(ref.id);
  if (known === undefined) throw new Fallback(`package graph ${ref.id} was never sent`);
  return known;
}

/** A job's packages in its context. */
export interface JobPackages {
  /** The module a job module's bare `specifier` names, or null when the graph has none. */
  entry(specifier: string): vm.Module | null;
  /** Whether `m` is one of these package modules (its imports are resolved by the graph). */
  owns(m: vm.Module): boolean;
  /** The module `referencing` (a package module) imports as `specifier`. */
  link(specifier: string, referencing: vm.Module): vm.Module;
  /** What package code touched that the context answers differently from Deno, or null. */
  touched(): string | null;
}

/**
 * Set up `ref`'s packages in `context` before any job code runs: the traps and the loader
 * (package_realm.ts), each CommonJS file compiled in the context, the loader's module evaluated.
 */
export async function jobPackages(context: vm.Context, ref: PackagesRef): Promise<JobPackages> {
  const graph = graphOf(ref);
  const present = new Set(NAMES.runInContext(context) as string[]);
  const absent = DENO_GLOBALS.filter((name) => !present.has(name));
  const aliases = absent.filter((name) => SELF_NAMES.has(name)).map((name) => {
    const d = Object.getOwnPropertyDescriptor(globalThis, name)!;
    return [
      name,
      d.get !== undefined,
      d.enumerable === true,
      d.configurable === true,
      d.writable === true,
    ];
  });
  const missing = absent.filter((name) => !SELF_NAMES.has(name));
  const wrappers = ObjectCreate(null);
  const json = ObjectCreate(null);
  for (const [path, file] of Object.entries(graph.files)) {
    if (file.kind === "json") json[path] = file.text;
    else if (file.kind === "cjs") {
      wrappers[path] = vm.compileFunction(
        file.text,
        ["exports", "require", "module", "__filename", "__dirname"],
        { parsingContext: context, filename: `${URL_PREFIX}${path}` },
      );
    }
  }
  const resolve = ObjectCreate(null);
  for (const [key, path] of Object.entries(graph.resolve)) resolve[key] = path;
  const realm = (REALM.runInContext(context) as (...args: unknown[]) => PackageRealm)(
    aliases,
    missing,
    wrappers,
    json,
    resolve,
    ROOT,
    [...builtinModules],
  );
  const loader = await builtinModule(context, LOADER, { load: realm.load });
  const modules = new Map<string, vm.Module>();
  const paths = new Map<vm.Module, string>();
  const moduleFor = (path: string): vm.Module => {
    let m = modules.get(path);
    if (m !== undefined) return m;
    const file = graph.files[path];
    if (file === undefined) throw new Fallback(`"${path}" is not in the package graph`);
    const identifier = `${URL_PREFIX}${path}`;
    if (file.kind === "esm") m = new vm.SourceTextModule(file.text, { context, identifier });
    else if (file.kind === "cjs") m = facade(context, path, graph.facades[path], identifier);
    else throw new Fallback(`"${path}" is JSON imported by an ES module`);
    modules.set(path, m);
    paths.set(m, path);
    return m;
  };
  return {
    entry(specifier) {
      const path = graph.resolve[`\0${specifier}`];
      return path === undefined ? null : moduleFor(path);
    },
    owns: (m) => paths.has(m),
    link(specifier, referencing) {
      const from = paths.get(referencing)!;
      if (specifier === LOADER && graph.files[from]?.kind === "cjs") return loader;
      const path = graph.resolve[`${from}\0${specifier}`];
      if (path === undefined) {
        throw new Fallback(`"${from}" imports "${specifier}", not in the graph`);
      }
      return moduleFor(path);
    },
    touched: () => realm.touched(),
  };
}

/** The ES module facade of the CommonJS file `path`: Deno's export names, `module.exports`' values. */
function facade(
  context: vm.Context,
  path: string,
  names: string[] | undefined,
  identifier: string,
): vm.Module {
  if (names === undefined) throw new Fallback(`"${path}" has no facade names`);
  const named = names.filter((n) => n !== "default" && n !== "module.exports");
  const source =
    `import { load } from ${stringify(LOADER)};\nconst mod = load(${stringify(path)});\n` +
    named.map((n, i) => `const v${i} = mod[${stringify(n)}];`).join("\n") +
    `\nexport { ${
      [
        ...named.map((n, i) => `v${i} as ${stringify(n)}`),
        ...(names.includes("default") ? ["mod as default"] : []),
        ...(names.includes("module.exports") ? ['mod as "module.exports"'] : []),
      ].join(", ")
    } };\n`;
  return new vm.SourceTextModule(source, { context, identifier });
}
