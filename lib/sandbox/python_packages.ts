/**
 * A Python task's declared packages on this machine: where each top-level module lives in
 * Debian's `/usr/lib/python3/dist-packages` (a folder, a `.py` file or an extension module), the
 * read-only binds that show exactly those inside the jail under `/pkgs` (and nothing else of
 * dist-packages), and, for one that is missing, the Debian package that installs it.
 *
 * @module
 */
import { join } from "node:path";
import { SandboxUnavailableError } from "./sandbox_unavailable.ts";

/** Debian's folder of system Python packages (what `apt-get install python3-…` fills). */
export const DIST_PACKAGES = "/usr/lib/python3/dist-packages";

/** Where a job's declared packages appear inside the jail; the harness puts it on `sys.path`. */
export const PACKAGES_INSIDE = "/pkgs";

/**
 * Top-level modules whose Debian package is not `python3-<module>` (lower case, `_` as `-`). A
 * short table of the well-known differences; every other module is guessed by that rule.
 */
const DEBIAN_NAMES: Readonly<Record<string, string>> = {
  yaml: "python3-yaml",
  _yaml: "python3-yaml",
  bs4: "python3-bs4",
  attr: "python3-attr",
  PIL: "python3-pil",
  sklearn: "python3-sklearn",
  skimage: "python3-skimage",
  cv2: "python3-opencv",
  dateutil: "python3-dateutil",
  serial: "python3-serial",
  Crypto: "python3-pycryptodome",
  Cryptodome: "python3-pycryptodome",
  OpenSSL: "python3-openssl",
  jwt: "python3-jwt",
  google: "python3-protobuf",
  magic: "python3-magic",
  zmq: "python3-zmq",
  gi: "python3-gi",
  psycopg2: "python3-psycopg2",
  MySQLdb: "python3-mysqldb",
  Levenshtein: "python3-levenshtein",
  websocket: "python3-websocket",
  usb: "python3-usb",
  mpl_toolkits: "python3-matplotlib",
};

/**
 * The Debian package that installs the top-level module `module`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { debianPackage } from "./python_packages.ts";
 * assert.equal(debianPackage("yaml"), "python3-yaml");
 * assert.equal(debianPackage("PIL"), "python3-pil");
 * assert.equal(debianPackage("typing_extensions"), "python3-typing-extensions");
 * ```
 */
export function debianPackage(module: string): string {
  return DEBIAN_NAMES[module] ?? `python3-${module.toLowerCase().replaceAll("_", "-")}`;
}

/** Options for {@link locatePythonPackage} and {@link pythonPackageBinds}. */
export interface PythonPackagesOptions {
  /** The folder the packages are looked up in. @default DIST_PACKAGES */
  distPackages?: string;
}

/**
 * The host paths that make up the top-level module `module` in dist-packages: its folder (a
 * package, or a namespace package), its `.py` file, or its extension modules
 * (`module.cpython-311-x86_64-linux-gnu.so`, `module.abi3.so`, `module.so`); empty when it is not
 * installed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { locatePythonPackage } from "./python_packages.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/yaml`);
 * await Deno.writeTextFile(`${dir}/six.py`, "");
 * await Deno.writeTextFile(`${dir}/_cffi.cpython-311-x86_64-linux-gnu.so`, "");
 * assert.deepEqual(locatePythonPackage("yaml", { distPackages: dir }), [`${dir}/yaml`]);
 * assert.deepEqual(locatePythonPackage("six", { distPackages: dir }), [`${dir}/six.py`]);
 * assert.deepEqual(locatePythonPackage("_cffi", { distPackages: dir }), [`${dir}/_cffi.cpython-311-x86_64-linux-gnu.so`]);
 * assert.deepEqual(locatePythonPackage("numpyy", { distPackages: dir }), []);
 * ```
 */
export function locatePythonPackage(module: string, options: PythonPackagesOptions = {}): string[] {
  const dir = options.distPackages ?? DIST_PACKAGES;
  const found: string[] = [];
  let names: string[];
  try {
    names = [...Deno.readDirSync(dir)].map((
      e,
    ) => (isFolder(join(dir, e.name), e) ? `${e.name}/` : e.name));
  } catch {
    return [];
  }
  for (const name of names.sort()) {
    if (
      name === `${module}/` || name === `${module}.py` ||
      (name.startsWith(`${module}.`) && name.endsWith(".so") &&
        /^\.(?:[\w-]+\.)?so$/.test(name.slice(module.length)))
    ) {
      found.push(join(dir, name.replace(/\/$/, "")));
    }
  }
  return found;
}

/** Whether a folder entry is a folder; a symbolic link counts as what it points to. */
function isFolder(path: string, entry: Deno.DirEntry): boolean {
  if (!entry.isSymlink) return entry.isDirectory;
  try {
    return Deno.statSync(path).isDirectory;
  } catch {
    return false; // a dangling link
  }
}

/**
 * The declared packages that are not installed here, each with the command that installs it:
 * `[]` when every one is.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { missingPythonPackages } from "./python_packages.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/yaml`);
 * assert.deepEqual(missingPythonPackages(["yaml"], { distPackages: dir }), []);
 * assert.deepEqual(missingPythonPackages(["yaml", "numpyy"], { distPackages: dir }), [
 *   { module: "numpyy", debian: "python3-numpyy" },
 * ]);
 * ```
 */
export function missingPythonPackages(
  modules: readonly string[],
  options: PythonPackagesOptions = {},
): { module: string; debian: string }[] {
  return modules.filter((m) => locatePythonPackage(m, options).length === 0)
    .map((module) => ({ module, debian: debianPackage(module) }));
}

/**
 * What to say of packages that are not installed: which modules, and the `apt-get install`
 * command that installs them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { missingPackagesText } from "./python_packages.ts";
 * assert.equal(
 *   missingPackagesText([{ module: "yaml", debian: "python3-yaml" }]),
 *   `"yaml" is not installed in /usr/lib/python3/dist-packages: install it with "apt-get install python3-yaml"`,
 * );
 * ```
 */
export function missingPackagesText(
  missing: readonly { module: string; debian: string }[],
  options: PythonPackagesOptions = {},
): string {
  const names = missing.map((m) => `"${m.module}"`).join(", ");
  const debian = [...new Set(missing.map((m) => m.debian))].join(" ");
  return `${names} ${missing.length === 1 ? "is" : "are"} not installed in ${
    options.distPackages ?? DIST_PACKAGES
  }: install ${missing.length === 1 ? "it" : "them"} with "apt-get install ${debian}"`;
}

/**
 * The read-only binds (host path → path inside the jail) that make exactly `modules` importable
 * from {@link PACKAGES_INSIDE}. Throws, naming the Debian package to install, when one is not
 * installed (a sandbox failure: a run checks this before any work).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonPackageBinds } from "./python_packages.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/yaml`);
 * assert.deepEqual(pythonPackageBinds(["yaml"], { distPackages: dir }), { [`${dir}/yaml`]: "/pkgs/yaml" });
 * assert.throws(() => pythonPackageBinds(["bs4"], { distPackages: dir }), /apt-get install python3-bs4/);
 * ```
 */
export function pythonPackageBinds(
  modules: readonly string[],
  options: PythonPackagesOptions = {},
): Record<string, string> {
  const missing = missingPythonPackages(modules, options);
  if (missing.length) {
    throw new SandboxUnavailableError(
      `Cannot provide the declared Python packages: ${missingPackagesText(missing, options)}`,
    );
  }
  const binds: Record<string, string> = {};
  for (const module of modules) {
    for (const path of locatePythonPackage(module, options)) {
      binds[path] = `${PACKAGES_INSIDE}/${path.slice(path.lastIndexOf("/") + 1)}`;
    }
  }
  return binds;
}
