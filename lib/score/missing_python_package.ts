/**
 * Reading, from a Python error message, the package a sample tried to import that the sandbox
 * did not provide. Inside the sandbox a Python job sees the standard library and its task's
 * declared packages only (lib/sandbox/python_packages.ts), so any other top-level import fails
 * with `ModuleNotFoundError: No module named 'x'` (CPython; Pyodide adds a sentence after it).
 *
 * A dotted name (`No module named 'yaml.fancy'`) is a missing submodule of a package that was
 * found: a hallucinated module, not a package question. A standard-library name
 * (`tkinter`, which Debian ships apart) is not a package either.
 *
 * @module
 */
import { isStdlibModule } from "../source/python_stdlib.ts";

/**
 * The top-level package a Python error message says could not be imported, or null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { missingPythonPackage } from "./missing_python_package.ts";
 * assert.equal(missingPythonPackage("ModuleNotFoundError: No module named 'yaml' (solution.py, line 1)"), "yaml");
 * assert.equal(missingPythonPackage("ModuleNotFoundError: No module named 'numpy'. The module 'numpy' is included in the Pyodide distribution, but it is not installed."), "numpy");
 * assert.equal(missingPythonPackage("ModuleNotFoundError: No module named 'yaml.fancy'"), null);
 * assert.equal(missingPythonPackage("ModuleNotFoundError: No module named 'tkinter'"), null);
 * assert.equal(missingPythonPackage("NameError: name 'yaml' is not defined"), null);
 * ```
 */
export function missingPythonPackage(message: string): string | null {
  const name = /\bModuleNotFoundError: No module named '([^'.]+)'/.exec(message)?.[1];
  if (name === undefined || !/^[A-Za-z_]\w*$/.test(name)) return null;
  if (isStdlibModule(name) || name === "solution" || name === "tests") return null;
  return name;
}
