/**
 * Declared Python packages in the sandbox (lib/sandbox/python.ts, python_packages.ts): under
 * CPython exactly the declared packages are importable, mounted read-only from Debian's
 * dist-packages (python3-yaml is installed by ./assay; python3-six comes with Debian's Python),
 * the rest of dist-packages is hidden, and the packages are watched like the standard library.
 * Pyodide, and a package that is not installed, are refused before anything runs.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { runSample } from "../../lib/sandbox/deno.ts";
import { runPythonSample } from "../../lib/sandbox/python.ts";
import { createPythonPool } from "../../lib/sandbox/python_pool.ts";
import { DIST_PACKAGES, locatePythonPackage } from "../../lib/sandbox/python_packages.ts";
import type { SandboxJob } from "../../lib/sandbox/sandbox.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { sampleJob } from "../../lib/run/sample_job.ts";
import { ROOT } from "../_helpers.ts";
import { HAS_BWRAP } from "./hostile_helpers.ts";

const suite = await loadSuite(join(ROOT, "data/fixtures/suite-python-packages"));
const task = suite.tasks.find((t) => t.id === "load-yaml")!;
const YAML_ANSWER = "import yaml\n\n\ndef load(text):\n    return yaml.safe_load(text)\n";
/** The fixture task's job for `code`, as a run builds it (its declared yaml included). */
const job = (code: string, extra: Partial<SandboxJob> = {}): SandboxJob => ({
  ...sampleJob(task, code, { python: "cpython" }),
  ...extra,
});
const cpython = (j: SandboxJob) => runPythonSample(j, { python: "cpython", timeoutMs: 5000 });
const statuses = (r: { cases: { status: string }[] }) => r.cases.map((c) => c.status);

// Installed on every machine that runs the tests: python3-yaml (./assay), python3-six (Debian's
// python3 brings it). Said plainly when a machine lacks one, rather than failing obscurely.
for (const module of ["yaml", "six"]) {
  if (locatePythonPackage(module).length === 0) {
    throw new Error(
      `Cannot test declared Python packages: "${module}" is not in ${DIST_PACKAGES} (apt-get install python3-${module})`,
    );
  }
}

Deno.test({
  name: "runPythonSample() runs an answer that imports a declared package (yaml) under CPython",
  ignore: !HAS_BWRAP,
  fn: async () => {
    assert.deepEqual(job(YAML_ANSWER).pythonPackages, ["yaml"]);
    const r = await cpython(job(YAML_ANSWER));
    assert.equal(r.outcome, "completed", r.detail);
    assert.deepEqual(statuses(r), ["pass", "pass", "pass"]);
    // Through runSample (the run's entry) too.
    const viaRunSample = await runSample(job(YAML_ANSWER), { timeoutMs: 5000 });
    assert.deepEqual(statuses(viaRunSample), ["pass", "pass", "pass"]);
  },
});

Deno.test({
  name: "runPythonSample() cannot import an installed package the job does not declare",
  ignore: !HAS_BWRAP,
  fn: async () => {
    const undeclared = await cpython(job(YAML_ANSWER, { pythonPackages: [] }));
    assert.equal(undeclared.outcome, "load_error");
    assert.equal(
      undeclared.detail,
      "ModuleNotFoundError: No module named 'yaml' (solution.py, line 1)",
    );
    // six is installed (/usr/lib/python3/dist-packages/six.py) but only yaml is declared.
    const six = await cpython(job(`import six\n${YAML_ANSWER}`));
    assert.equal(six.outcome, "load_error");
    assert.match(six.detail, /^ModuleNotFoundError: No module named 'six'/);
  },
});

Deno.test({
  name:
    "runPythonSample() hides the rest of dist-packages: only the declared packages are in the jail",
  ignore: !HAS_BWRAP,
  fn: async () => {
    const code = "import os, sys\nimport yaml\n\n\ndef load(text):\n" +
      `    return [sorted(os.listdir(${
        JSON.stringify(DIST_PACKAGES)
      })), sorted(os.listdir("/pkgs")), sys.path[-1]]\n`;
    const r = await cpython(job(code));
    assert.match(r.cases[0].message, /got \[\[\], \['yaml'\], '\/pkgs'\]/);
    // Putting dist-packages on sys.path by hand finds nothing there.
    const byHand = "import sys\nsys.path.append(" + JSON.stringify(DIST_PACKAGES) +
      ")\nimport six\n\n\ndef load(text):\n    return None\n";
    const found = await cpython(job(byHand));
    assert.equal(found.outcome, "load_error");
    assert.match(found.detail, /^ModuleNotFoundError: No module named 'six'/);
  },
});

Deno.test({
  name: "runPythonSample() mounts a declared single-file module (six.py) beside a package",
  ignore: !HAS_BWRAP,
  fn: async () => {
    const code = `import six\n${YAML_ANSWER.replace("return", "return six.ensure_str(text) and")}`;
    const r = await cpython(job(code, { pythonPackages: ["six", "yaml"] }));
    assert.equal(r.outcome, "completed", r.detail);
    assert.deepEqual(statuses(r), ["pass", "pass", "fail"]);
  },
});

Deno.test({
  name:
    "runPythonSample() watches a declared package like the standard library: patching it voids passes",
  ignore: !HAS_BWRAP,
  fn: async () => {
    const code = `${YAML_ANSWER}\n\nyaml.dump = lambda *a, **k: "patched"\n`;
    const r = await cpython(job(code));
    assert.deepEqual(statuses(r), ["error", "error", "error"]);
    assert.match(r.cases[0].message, /changed shared interpreter state \(yaml\.dump\)/);
  },
});

Deno.test("runPythonSample() refuses a declared package that is not installed, naming the Debian package", async () => {
  await assert.rejects(
    cpython(job(YAML_ANSWER, { pythonPackages: ["numpyy_fake"] })),
    /Cannot provide the declared Python packages: "numpyy_fake" is not installed in \/usr\/lib\/python3\/dist-packages: install it with "apt-get install python3-numpyy-fake"/,
  );
});

Deno.test("runPythonSample() and the warm Python pool refuse declared packages in Pyodide", async () => {
  const pyodideJob = job(YAML_ANSWER, { python: "pyodide" });
  const message =
    /Cannot run a Python job that declares packages \(yaml\) in Pyodide: npm pyodide ships no packages; run it with --python cpython/;
  await assert.rejects(runPythonSample(pyodideJob, { python: "pyodide" }), message);
  const pool = createPythonPool({ size: 1, isolation: "none" });
  try {
    await assert.rejects(pool.run(pyodideJob), message);
    assert.equal(pool.counts().hostsStarted, 0);
  } finally {
    await pool.close();
  }
});
