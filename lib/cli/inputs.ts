/**
 * Argument checks shared by several commands, each run before any work so a bad input costs
 * nothing: the isolation to run generated code under, a policy by name or file, a writable
 * `--junit` path, an integer option. Each failure is a {@link UsageError} (exit 2).
 *
 * @module
 */
import { dirname, resolve } from "node:path";
import { bwrapAvailable } from "../sandbox/isolate.ts";
import type { Isolation, PythonRuntime } from "../sandbox/sandbox.ts";
import { type Policy, resolvePolicy } from "../score/policy.ts";
import { ToolError, UsageError } from "./errors.ts";
import { pythonPackagesProblem } from "../run/python_packages_check.ts";
import type { Suite } from "../task/schema.ts";

/**
 * The isolation asked for: `none` (with a warning on stderr) when `unsafe` or requested, else
 * bubblewrap, refused when it is not installed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chooseIsolation } from "./inputs.ts";
 * assert.equal(await chooseIsolation(undefined, true), "none");
 * await assert.rejects(chooseIsolation("docker"), /Cannot use --isolation "docker": use bwrap or none/);
 * ```
 *
 * @param requested The `--isolation` value, if any.
 * @param unsafe `--unsafe-no-isolation`. @default false
 * @throws {UsageError} For an unknown isolation, or bubblewrap asked for and missing.
 */
export async function chooseIsolation(
  requested: string | undefined,
  unsafe = false,
): Promise<Isolation> {
  if (unsafe || requested === "none") {
    console.error(
      "assay: --unsafe-no-isolation: no OS isolation, Deno permissions only; a program whose module " +
        "graph reaches outside its job folder is refused before it runs (recorded as isolation none)",
    );
    return "none";
  }
  if (requested !== undefined && requested !== "bwrap") {
    throw new UsageError(`Cannot use --isolation "${requested}": use bwrap or none`);
  }
  if (await bwrapAvailable()) return "bwrap";
  throw new UsageError(
    'Cannot isolate generated code: bubblewrap is not available: install it ("sudo apt-get install -y bubblewrap"), ' +
      "or pass --unsafe-no-isolation to rely on Deno permissions alone (recorded in the run)",
  );
}

/**
 * A policy by name or file, as a usage error when it cannot be read.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { policyArg } from "./inputs.ts";
 * assert.equal((await policyArg("internal-tooling")).name, "internal-tooling");
 * await assert.rejects(policyArg("no-such-policy"), { name: "UsageError", message: /Cannot find policy "no-such-policy"/ });
 * ```
 */
export async function policyArg(nameOrFile: string): Promise<Policy> {
  try {
    return await resolvePolicy(nameOrFile);
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
}

/**
 * Check before any work that `--junit`'s file can be written (its folder exists and is writable).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { junitArg } from "./inputs.ts";
 * assert.equal(await junitArg(undefined), undefined);
 * const dir = await Deno.makeTempDir();
 * assert.equal(await junitArg(`${dir}/out.xml`), `${dir}/out.xml`);
 * await assert.rejects(junitArg(`${dir}/missing/out.xml`), /is not a writable folder/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @returns The path, unchanged, or undefined when none was given.
 */
export async function junitArg(path: string | undefined): Promise<string | undefined> {
  if (path === undefined) return undefined;
  const folder = dirname(resolve(path));
  try {
    if (!(await Deno.stat(folder)).isDirectory) throw new Error("not a folder");
    const probe = await Deno.makeTempFile({ dir: folder, prefix: ".assay-junit-" });
    await Deno.remove(probe);
  } catch (error) {
    throw new UsageError(
      `Cannot write --junit "${path}": its folder "${folder}" is not a writable folder (${
        (error as Error).message
      }): create it or choose another path`,
    );
  }
  return path;
}

/**
 * An integer option's value, at least `min`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { intArg } from "./inputs.ts";
 * assert.equal(intArg("samples", "3", 1), 3);
 * assert.throws(() => intArg("samples", "0", 1), /Cannot use --samples "0": use an integer >= 1/);
 * ```
 *
 * @param name The option's name, without dashes.
 * @param raw The value as given.
 * @param min The least value accepted.
 */
export function intArg(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    throw new UsageError(`Cannot use --${name} "${raw}": use an integer >= ${min}`);
  }
  return n;
}

/**
 * `--python`: which runtime runs Python tasks, checked against the isolation (CPython runs only
 * under bubblewrap).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonArg } from "./inputs.ts";
 * assert.equal(pythonArg(undefined, "bwrap"), "pyodide");
 * assert.equal(pythonArg("cpython", "bwrap"), "cpython");
 * assert.throws(() => pythonArg("jython", "bwrap"), /Cannot use --python "jython"/);
 * assert.throws(() => pythonArg("cpython", "none"), /only under bubblewrap/);
 * ```
 *
 * @throws {UsageError} For another runtime, or CPython without bubblewrap.
 */
export function pythonArg(raw: string | undefined, isolation: Isolation): PythonRuntime {
  const python = raw ?? "pyodide";
  if (python !== "pyodide" && python !== "cpython") {
    throw new UsageError(
      `Cannot use --python "${python}": use pyodide (inside the Deno sandbox) or cpython (python3 under bubblewrap)`,
    );
  }
  if (python === "cpython" && isolation === "none") {
    throw new UsageError(
      "Cannot use --python cpython without bubblewrap: CPython runs only under bubblewrap (use --python pyodide)",
    );
  }
  return python;
}

/**
 * The suite's declared Python packages, checked against `--python` and this machine before any
 * work: Pyodide has none (a usage error, exit 2); one that is not installed is a tool failure
 * that names the Debian package to install (exit 3).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonPackagesArg } from "./inputs.ts";
 * const suite = { name: "s", tasks: [{ id: "t", language: "py", pythonPackages: ["numpyy_fake"] }] } as never;
 * assert.throws(() => pythonPackagesArg(suite, "pyodide"), { name: "UsageError", message: /run it with --python cpython/ });
 * assert.throws(() => pythonPackagesArg(suite, "cpython"), { name: "ToolError", message: /apt-get install python3-numpyy-fake/ });
 * pythonPackagesArg({ name: "s", tasks: [] } as never, "pyodide");
 * ```
 *
 * @throws {UsageError} For declared packages under Pyodide.
 * @throws {ToolError} For a declared package that is not installed.
 */
export function pythonPackagesArg(suite: Suite, python: PythonRuntime): void {
  const problem = pythonPackagesProblem(suite, python);
  if (problem === null) return;
  throw problem.kind === "runtime"
    ? new UsageError(problem.message)
    : new ToolError(problem.message);
}
