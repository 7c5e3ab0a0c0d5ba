/**
 * What a job's context gets before it loads declared packages: traps on the globals a Deno
 * process has and the context lacks, and a CommonJS loader. Self-contained JavaScript compiled
 * in the context from {@link packageRealm}'s source (it uses nothing outside its body), so every
 * object package code can reach is the context's own.
 *
 * Exactness is the point. In the strict runner, package code that reads `process` or `Buffer`
 * gets Deno's; here the global is a trap that records the name (and throws), and the host then
 * hands the sample to the strict runner (inside/package_modules.ts). The same for `require` of
 * a file the graph does not hold (a built-in like `crypto`), and for any property of `module` or
 * `require` besides `module.exports`: Deno's objects have more, these have none, so any other
 * use is recorded, never answered differently.
 *
 * @module
 */

/** The handle the host keeps on a context's package realm (context functions). */
export interface PackageRealm {
  /** Run a CommonJS file (by its store path), once per job: its `module.exports`. */
  load: (path: string) => unknown;
  /** The first thing package code touched that the context answers differently from Deno, or null. */
  touched: () => string | null;
}

/**
 * Set up the realm: `aliases` the global names whose value is the global object itself, each as
 * `[name, accessor, enumerable, configurable, writable]`; `missing` the global names to trap;
 * `wrappers` each CommonJS file's function (compiled in the context); `json` each JSON file's
 * text; `resolve` the graph's resolution table (package_graph.ts); `root` the store's path in
 * the strict runner's jail; `builtinList` the names of Deno's built-in modules (node:module's
 * `builtinModules`).
 */
export function packageRealm(
  aliases: readonly (readonly [string, boolean, boolean, boolean, boolean])[],
  missing: readonly string[],
  wrappers: Readonly<Record<string, (...args: unknown[]) => unknown>>,
  json: Readonly<Record<string, string>>,
  resolve: Readonly<Record<string, string>>,
  root: string,
  builtinList: readonly string[],
): PackageRealm {
  "use strict";
  const G = globalThis;
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ReflectApply = Reflect.apply;
  const ProxyCtor = Proxy;
  const ErrorCtor = Error;
  const StringCtor = String;
  const parse = JSON.parse;
  let first: string | null = null;
  const touch = (what: string) => {
    if (first === null) first = what;
  };
  // The names a Deno process's global object has for itself (`self`, `global`): the context's
  // global object here, with Deno's flags (a getter where Deno has one).
  for (let i = 0; i < aliases.length; i++) {
    const [name, accessor, enumerable, configurable, writable] = aliases[i];
    ObjectDefineProperty(
      G,
      name,
      accessor
        ? {
          get: () => G,
          set() {
            touch(`${name} =`);
          },
          enumerable,
          configurable,
        }
        : { value: G, writable, enumerable, configurable },
    );
  }
  for (let i = 0; i < missing.length; i++) {
    const name = missing[i];
    ObjectDefineProperty(G, name, {
      get() {
        touch(name);
        throw new ErrorCtor(`${name} is not in a warm-pool context`);
      },
      set() {
        touch(name);
        throw new ErrorCtor(`${name} is not in a warm-pool context`);
      },
      configurable: false,
      enumerable: false,
    });
  }
  /** A proxy that records any use of `target` but those `allowed` lets through. */
  const guarded = <T extends object>(target: T, what: string, allowed: (key: unknown) => boolean) =>
    new ProxyCtor(target, {
      get(t, key) {
        if (allowed(key)) return (t as Record<PropertyKey, unknown>)[key as PropertyKey];
        touch(`${what}.${StringCtor(key)}`);
        return undefined;
      },
      set(t, key, value) {
        if (allowed(key)) {
          (t as Record<PropertyKey, unknown>)[key as PropertyKey] = value;
          return true;
        }
        touch(`${what}.${StringCtor(key)}`);
        return false;
      },
      has(_t, key) {
        touch(`${what} has ${StringCtor(key)}`);
        return false;
      },
      ownKeys() {
        touch(`${what}'s keys`);
        return [];
      },
      getOwnPropertyDescriptor(_t, key) {
        touch(`${what}.${StringCtor(key)}`);
        return undefined;
      },
      defineProperty(_t, key) {
        touch(`${what}.${StringCtor(key)}`);
        return false;
      },
      deleteProperty(_t, key) {
        touch(`${what}.${StringCtor(key)}`);
        return false;
      },
      getPrototypeOf() {
        touch(`${what}'s prototype`);
        return null;
      },
    });
  const cache: Record<string, { exports: unknown }> = ObjectCreate(null);
  const builtinNames: Record<string, boolean> = ObjectCreate(null);
  for (let i = 0; i < builtinList.length; i++) {
    builtinNames[builtinList[i]] = true;
    builtinNames[`node:${builtinList[i]}`] = true;
  }
  const builtins: Record<string, object> = ObjectCreate(null);
  const builtin = (name: string) =>
    builtins[name] ??= guarded(ObjectCreate(null), `the built-in "${name}"`, () => false);
  const load = (path: string): unknown => {
    const known = cache[path];
    if (known !== undefined) return known.exports;
    const text = json[path];
    if (text !== undefined) {
      const parsed = { exports: parse(text) };
      cache[path] = parsed;
      return parsed.exports;
    }
    const wrapper = wrappers[path];
    if (wrapper === undefined) {
      // An ES module required (Deno can): not something this loader does.
      touch(`require of ES module ${path}`);
      throw new ErrorCtor(`Cannot require ${path}`);
    }
    const module = { exports: {} as unknown };
    cache[path] = module;
    const require = guarded(
      function require(specifier: unknown) {
        const name = StringCtor(specifier);
        const target = resolve[`${path}\0${name}`];
        if (target !== undefined) return load(target);
        // A built-in (seedrandom's `require("crypto")`, kept for later): Deno's module object
        // there, a stand-in here that records any use of it (held but unused, nothing differs).
        if (builtinNames[name] === true) return builtin(name.replace(/^node:/, ""));
        touch(`require("${name}")`);
        throw new ErrorCtor(`Cannot find module '${name}'`);
      },
      "require",
      () => false,
    );
    const filename = `${root}/${path}`;
    const dirname = filename.slice(0, filename.lastIndexOf("/"));
    const exports = module.exports;
    ReflectApply(wrapper, exports, [
      exports,
      require,
      guarded(module, "module", (key) => key === "exports"),
      filename,
      dirname,
    ]);
    return module.exports;
  };
  return { load, touched: () => first };
}

/** {@link packageRealm} as one script's source: evaluated in a context, that function. */
export const PACKAGE_REALM_SOURCE = `(${packageRealm.toString()})`;
