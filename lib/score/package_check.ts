/**
 * Does an npm package exist? The check that tells `undeclared_dependency` (a real package the
 * task did not declare) from `nonexistent_package` (no such package: a hallucinated name that
 * anyone could later publish). Two sources, and the verdict always says which decided:
 *
 * - `registry` (opt-in, needs a network): `npm view <name> name` with a short timeout; exit 0 is
 *   a real package, E404 is none; any other failure falls back to the local list and says so.
 * - `local-list` (the default, offline): the project's `node_modules` (top-level folders,
 *   scoped included), the package names in its `package-lock.json`, and the committed list of
 *   popular names (popular_npm_names.ts). A name on none of them is called nonexistent, and the
 *   evidence says it was a local list, not the registry.
 *
 * @module
 */
import { join } from "node:path";
import { POPULAR_NPM_NAMES } from "./popular_npm_names.ts";

/** The verdict on one package name. */
export interface PackageVerdict {
  /** The package name. */
  name: string;
  /** True when the check found the package. */
  exists: boolean;
  /** Which check decided. */
  checkedBy: "registry" | "local-list";
  /** What the check saw, for the evidence. */
  detail: string;
}

/** Decides whether a package exists. */
export type PackageCheck = (name: string) => Promise<PackageVerdict>;

/** Options for {@link packageCheck}. */
export interface PackageCheckOptions {
  /** The project whose node_modules and package-lock.json join the local list. @default null (popular names only) */
  projectDir?: string | null;
  /** Ask the npm registry (`npm view`); off: the local list decides. @default false */
  registry?: boolean;
  /** The npm executable for the registry check. @default "npm" */
  npm?: string;
  /** Limit for one registry query, ms. @default 5000 */
  timeoutMs?: number;
}

/**
 * The names of the local list: the project's node_modules and package-lock.json, plus the
 * committed popular names.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { localPackageNames } from "./package_check.ts";
 * const names = await localPackageNames(new URL("../..", import.meta.url).pathname);
 * assert(names.has("zod") && names.has("lodash") && !names.has("left-padx-nonexist"));
 * ```
 */
export async function localPackageNames(projectDir: string | null = null): Promise<Set<string>> {
  const names = new Set(POPULAR_NPM_NAMES);
  if (projectDir === null) return names;
  const top = join(projectDir, "node_modules");
  try {
    for await (const e of Deno.readDir(top)) {
      if (!e.isDirectory || e.name.startsWith(".")) continue;
      if (!e.name.startsWith("@")) names.add(e.name);
      else for await (const s of Deno.readDir(join(top, e.name))) names.add(`${e.name}/${s.name}`);
    }
  } catch { /* no node_modules */ }
  try {
    const lock = JSON.parse(await Deno.readTextFile(join(projectDir, "package-lock.json")));
    for (const key of Object.keys(lock.packages ?? {})) {
      const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
      if (m) names.add(m[1]);
    }
  } catch { /* no lock file */ }
  return names;
}

/**
 * A package check: the registry when asked (falling back to the local list when it cannot
 * answer), else the local list. Answers are memoised.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { packageCheck } from "./package_check.ts";
 * const check = packageCheck({ projectDir: new URL("../..", import.meta.url).pathname });
 * assert.equal((await check("zod")).exists, true);
 * const missing = await check("left-padx-nonexist");
 * assert.equal(missing.exists, false);
 * assert.equal(missing.checkedBy, "local-list");
 * ```
 */
export function packageCheck(options: PackageCheckOptions = {}): PackageCheck {
  let local: Promise<Set<string>> | undefined;
  const memo = new Map<string, Promise<PackageVerdict>>();
  const fromList = async (name: string, why = ""): Promise<PackageVerdict> => {
    local ??= localPackageNames(options.projectDir ?? null);
    const names = await local;
    const exists = names.has(name);
    return {
      name,
      exists,
      checkedBy: "local-list",
      detail: `${why}${exists ? "found in" : "not in"} the local name list (${names.size} names: ${
        options.projectDir ? "the project's node_modules and package-lock.json, " : ""
      }popular npm names; not the registry)`,
    };
  };
  const fromRegistry = async (name: string): Promise<PackageVerdict> => {
    const child = new Deno.Command(options.npm ?? "npm", {
      args: ["view", name, "name", "--json"],
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 5000);
    const out = await child.output().finally(() => clearTimeout(timer));
    const stderr = new TextDecoder().decode(out.stderr);
    if (out.success && new TextDecoder().decode(out.stdout).includes(name)) {
      return { name, exists: true, checkedBy: "registry", detail: "npm view found it" };
    }
    if (/E404|404 Not Found/.test(stderr)) {
      return { name, exists: false, checkedBy: "registry", detail: "npm view: 404 Not Found" };
    }
    const first = stderr.trim().split("\n")[0] ?? "";
    return fromList(name, `the registry did not answer (${first || `exit ${out.code}`}): `);
  };
  return (name) => {
    let verdict = memo.get(name);
    if (!verdict) {
      verdict = options.registry ? fromRegistry(name) : fromList(name);
      memo.set(name, verdict);
    }
    return verdict;
  };
}
