/**
 * Does a Python package exist? The Python counterpart of package_check.ts: it tells
 * `undeclared_dependency` (a real package the task did not declare) from `nonexistent_package`
 * (no such package: a hallucinated import) for a module a Python sample could not import. The
 * name is the top-level module the code imports (`yaml`, `bs4`), and two offline lists decide:
 *
 * - Debian's dist-packages on this machine (`/usr/lib/python3/dist-packages`: a folder, a `.py`
 *   file or an extension module of that name);
 * - the packages npm `pyodide`'s `pyodide-lock.json` names (about 250 real PyPI packages, with
 *   the modules each one imports: `pyyaml` → `yaml`).
 *
 * A module on neither is called nonexistent, and the evidence says these lists decided, not PyPI.
 *
 * @module
 */
import { join } from "node:path";
import { DIST_PACKAGES, locatePythonPackage } from "../sandbox/python_packages.ts";
import { pyodideDir } from "../sandbox/pyodide_snapshot.ts";
import type { PackageCheck, PackageVerdict } from "./package_check.ts";

/** Options for {@link pythonPackageCheck}. */
export interface PythonPackageCheckOptions {
  /** Debian's folder of system Python packages. @default "/usr/lib/python3/dist-packages" */
  distPackages?: string;
  /** Pyodide's lock file. @default node_modules/pyodide/pyodide-lock.json */
  pyodideLock?: string;
}

/**
 * The modules the packages of a Pyodide lock file import, each with its PyPI package name;
 * empty when the file cannot be read.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pyodideLockModules } from "./python_package_check.ts";
 * const modules = await pyodideLockModules();
 * assert.equal(modules.get("yaml"), "pyyaml");
 * assert.equal(modules.get("numpy"), "numpy");
 * assert(!modules.has("numpyy_fake"));
 * ```
 */
export async function pyodideLockModules(
  lockFile?: string,
): Promise<Map<string, string>> {
  const modules = new Map<string, string>();
  try {
    const path = lockFile ?? join(pyodideDir(), "pyodide-lock.json");
    const lock = JSON.parse(await Deno.readTextFile(path));
    for (
      const entry of Object.values(lock.packages ?? {}) as { name?: string; imports?: string[] }[]
    ) {
      for (const module of entry.imports ?? []) {
        if (!modules.has(module)) modules.set(module, entry.name ?? module);
      }
    }
  } catch { /* no lock file: dist-packages alone decides */ }
  return modules;
}

/**
 * A Python package check over the offline lists (memoised).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonPackageCheck } from "./python_package_check.ts";
 * const check = pythonPackageCheck({ distPackages: await Deno.makeTempDir() });
 * const yaml = await check("yaml");
 * assert.equal(yaml.exists, true);
 * assert.match(yaml.detail, /pyodide-lock\.json names it \(PyPI package "pyyaml"\)/);
 * const fake = await check("numpyy_fake");
 * assert.equal(fake.exists, false);
 * assert.equal(fake.checkedBy, "local-list");
 * ```
 */
export function pythonPackageCheck(options: PythonPackageCheckOptions = {}): PackageCheck {
  const distPackages = options.distPackages ?? DIST_PACKAGES;
  let lock: Promise<Map<string, string>> | undefined;
  const memo = new Map<string, Promise<PackageVerdict>>();
  const decide = async (name: string): Promise<PackageVerdict> => {
    const local = locatePythonPackage(name, { distPackages });
    if (local.length) {
      return {
        name,
        exists: true,
        checkedBy: "local-list",
        detail: `installed in Debian's dist-packages on this machine (${local[0]})`,
      };
    }
    lock ??= pyodideLockModules(options.pyodideLock);
    const modules = await lock;
    const pypi = modules.get(name);
    if (pypi !== undefined) {
      return {
        name,
        exists: true,
        checkedBy: "local-list",
        detail:
          `not in ${distPackages}, but npm pyodide's pyodide-lock.json names it (PyPI package "${pypi}")`,
      };
    }
    return {
      name,
      exists: false,
      checkedBy: "local-list",
      detail: `not in ${distPackages} on this machine, nor among the ${modules.size} modules ` +
        "of the packages npm pyodide's pyodide-lock.json names (offline lists; not PyPI)",
    };
  };
  return (name) => {
    let verdict = memo.get(name);
    if (!verdict) {
      verdict = decide(name);
      memo.set(name, verdict);
    }
    return verdict;
  };
}
