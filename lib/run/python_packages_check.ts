/**
 * A run's declared Python packages, checked before any work: a suite whose Python tasks declare
 * packages (`pythonPackages` in task.json or suite.json) runs only in CPython, and only when
 * each package is installed in Debian's dist-packages (the sandbox mounts them from there:
 * lib/sandbox/python_packages.ts). The npm counterpart is dependency_stores.ts.
 *
 * @module
 */
import {
  locatePythonPackage,
  missingPackagesText,
  missingPythonPackages,
  type PythonPackagesOptions,
} from "../sandbox/python_packages.ts";
import type { PythonRuntime } from "../sandbox/sandbox.ts";
import { type Suite, taskPythonPackages } from "../task/schema.ts";

/** Why a suite's declared Python packages cannot run: the runtime, or packages not installed. */
export interface PythonPackagesProblem {
  /** `runtime`: Pyodide was asked for; `missing`: a package is not installed on this machine. */
  kind: "runtime" | "missing";
  /** The error to show, naming the tasks and what to do. */
  message: string;
}

/** The tasks that declare each package, and every package declared (sorted). */
function declared(suite: Suite): Map<string, string[]> {
  const byModule = new Map<string, string[]>();
  for (const task of suite.tasks) {
    for (const module of taskPythonPackages(suite, task)) {
      byModule.set(module, [...byModule.get(module) ?? [], task.id]);
    }
  }
  return new Map([...byModule].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const tasksText = (ids: readonly string[]) =>
  ids.slice(0, 3).map((id) => `"${id}"`).join(", ") + (ids.length > 3 ? ", …" : "");

/**
 * What stops the suite's declared Python packages from running in `runtime` here, or null when
 * nothing does (or none is declared).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonPackagesProblem } from "./python_packages_check.ts";
 * const suite = { name: "s", tasks: [{ id: "t", language: "py", pythonPackages: ["yaml"] }] } as never;
 * assert.match(pythonPackagesProblem(suite, "pyodide")!.message, /npm pyodide ships no packages; run it with --python cpython/);
 * const dir = await Deno.makeTempDir();
 * assert.match(pythonPackagesProblem(suite, "cpython", { distPackages: dir })!.message, /apt-get install python3-yaml/);
 * await Deno.mkdir(`${dir}/yaml`);
 * assert.equal(pythonPackagesProblem(suite, "cpython", { distPackages: dir }), null);
 * ```
 */
export function pythonPackagesProblem(
  suite: Suite,
  runtime: PythonRuntime,
  options: PythonPackagesOptions = {},
): PythonPackagesProblem | null {
  const byModule = declared(suite);
  if (byModule.size === 0) return null;
  const tasks = [...new Set([...byModule.values()].flat())].sort();
  if (runtime === "pyodide") {
    return {
      kind: "runtime",
      message: `Cannot run suite "${suite.name}" in Pyodide: task(s) ${
        tasksText(tasks)
      } declare Python packages (${
        [...byModule.keys()].join(", ")
      }), and npm pyodide ships no packages; run it with --python cpython`,
    };
  }
  const missing = missingPythonPackages([...byModule.keys()], options);
  if (missing.length === 0) return null;
  const needing = [...new Set(missing.flatMap((m) => byModule.get(m.module) ?? []))].sort();
  return {
    kind: "missing",
    message: `Cannot run suite "${suite.name}": task(s) ${tasksText(needing)} declare Python ` +
      `packages this machine lacks: ${missingPackagesText(missing, options)}`,
  };
}

/**
 * The manifest's `pythonPackages`: each declared module and the host paths the sandbox mounts
 * for it; undefined when the suite declares none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonPackagesRecord } from "./python_packages_check.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.mkdir(`${dir}/yaml`);
 * const suite = { name: "s", tasks: [{ id: "t", language: "py", pythonPackages: ["yaml"] }] } as never;
 * assert.deepEqual(pythonPackagesRecord(suite, { distPackages: dir }), { yaml: [`${dir}/yaml`] });
 * assert.equal(pythonPackagesRecord({ name: "s", tasks: [] } as never), undefined);
 * ```
 */
export function pythonPackagesRecord(
  suite: Suite,
  options: PythonPackagesOptions = {},
): Record<string, string[]> | undefined {
  const modules = [...declared(suite).keys()];
  if (modules.length === 0) return undefined;
  return Object.fromEntries(modules.map((m) => [m, locatePythonPackage(m, options)]));
}
