/**
 * The Python side of the package labels (lib/score/missing_python_package.ts,
 * python_package_check.ts, taxonomy.ts): a Python sample that cannot import a module outside the
 * standard library gets `undeclared_dependency` when the package is real (in Debian's
 * dist-packages here, or named by npm pyodide's lock file) and `nonexistent_package` otherwise.
 */
import assert from "node:assert/strict";
import { pythonPackageCheck } from "../../lib/score/python_package_check.ts";
import { classifyFailure, type FailureInput, importedPackages } from "../../lib/score/taxonomy.ts";

const failedImport = (module: string): FailureInput => ({
  code: `import ${module}\n\n\ndef load(text):\n    return ${module}.parse(text)\n`,
  outcome: "load_error",
  detail: `ModuleNotFoundError: No module named '${module}' (solution.py, line 1)`,
  cases: [{ name: "a", kind: "core", status: "missing", message: "load_error" }],
  stderr: "",
  entry: "load",
  language: "py",
});

async function classify(input: FailureInput) {
  const check = pythonPackageCheck();
  const packages = Object.fromEntries(
    await Promise.all(importedPackages(input).map(async (n) => [n, await check(n)] as const)),
  );
  return classifyFailure({ ...input, packages })!;
}

Deno.test("classifyFailure() labels an installed but undeclared Python package undeclared_dependency", async () => {
  const result = await classify(failedImport("yaml"));
  assert.equal(result.category, "hallucinated_api");
  assert.deepEqual(result.labels, ["undeclared_dependency"]);
  assert.match(
    result.evidence.find((e) => e.label)!.text,
    /imports "yaml", a real package the task does not declare \(checked by local-list: installed in Debian's dist-packages/,
  );
});

Deno.test("classifyFailure() labels a package only npm pyodide's lock file names undeclared_dependency", async () => {
  const check = pythonPackageCheck({ distPackages: await Deno.makeTempDir() });
  const input = failedImport("numpy");
  const result = classifyFailure({ ...input, packages: { numpy: await check("numpy") } })!;
  assert.deepEqual(result.labels, ["undeclared_dependency"]);
  assert.match(result.evidence.find((e) => e.label)!.text, /pyodide-lock\.json names it/);
});

Deno.test("classifyFailure() labels an unknown Python module nonexistent_package", async () => {
  const result = await classify(failedImport("numpyy_fake"));
  assert.equal(result.category, "hallucinated_api");
  assert.deepEqual(result.labels, ["nonexistent_package"]);
  assert.match(
    result.evidence.find((e) => e.label)!.text,
    /imports "numpyy_fake", a package that does not exist \(checked by local-list: not in .*\(offline lists; not PyPI\)\)/,
  );
});

Deno.test("importedPackages() reads a Python import failing inside a case, and skips submodules and the standard library", () => {
  const base = { code: "", detail: "", stderr: "", outcome: "completed" as const, language: "py" };
  const error = (message: string) => ({
    name: "a",
    kind: "core" as const,
    status: "error" as const,
    message,
  });
  assert.deepEqual(
    importedPackages({
      ...base,
      cases: [error("ModuleNotFoundError: No module named 'bs4' (solution.py, line 3)")],
    }),
    ["bs4"],
  );
  for (
    const message of [
      "ModuleNotFoundError: No module named 'yaml.fancy' (solution.py, line 3)",
      "ModuleNotFoundError: No module named 'tkinter'",
      "ImportError: cannot import name 'load' from 'solution' (/job/solution.py)",
    ]
  ) {
    assert.deepEqual(importedPackages({ ...base, cases: [error(message)] }), [], message);
  }
  // A TypeScript sample's messages are still read as Deno's.
  assert.deepEqual(
    importedPackages({
      ...base,
      language: "ts",
      cases: [error("ModuleNotFoundError: No module named 'bs4'")],
    }),
    [],
  );
});
