/**
 * A run of a suite whose Python tasks declare packages (data/fixtures/suite-python-packages:
 * `load-yaml` declares yaml, `load-json` declares nothing): under CPython the declared package is
 * importable by the references and the answers, an undeclared import is labelled
 * `undeclared_dependency` or `nonexistent_package` with its evidence, and the manifest records
 * what was mounted; Pyodide, or a package this machine lacks, is refused before any work.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import type { Provider } from "../../lib/model/provider.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { validateSuite } from "../../lib/run/validate_suite.ts";
import { DIST_PACKAGES } from "../../lib/sandbox/python_packages.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import type { Suite } from "../../lib/task/schema.ts";
import { ROOT } from "../_helpers.ts";
import { HAS_BWRAP } from "../sandbox/hostile_helpers.ts";
import { fixedAnswer } from "./fixed_answer.ts";

const suite = await loadSuite(join(ROOT, "data/fixtures/suite-python-packages"));
const FENCE = "`".repeat(3);
const py = (code: string) => `${FENCE}python\n${code}${FENCE}\n`;
const YAML_ANSWER = "import yaml\n\n\ndef load(text):\n    return yaml.safe_load(text)\n";

/** A provider answering each task with its own text. */
const answers = (spec: string, byTask: Record<string, string>): Provider =>
  fixedAnswer(spec, (request) => byTask[request.task ?? ""] ?? "I cannot help with that.");

/** The folders in `dir` (a run folder is one). */
async function folders(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) out.push(e.name);
  return out;
}

for (const sandbox of ["strict", "pooled"] as const) {
  Deno.test({
    name:
      `evaluate() under CPython (${sandbox}) provides declared packages and labels undeclared (real) and nonexistent imports`,
    ignore: !HAS_BWRAP,
    fn: async () => {
      const runsDir = await Deno.makeTempDir();
      try {
        const yamlEverywhere = answers("fixed:yaml", {
          "load-yaml": py(YAML_ANSWER),
          "load-json": py(YAML_ANSWER), // yaml is real, but load-json does not declare it
        });
        const fake = answers("fixed:fake", {
          "load-yaml": py(YAML_ANSWER),
          "load-json": py(
            "import numpyy_fake\n\n\ndef load(text):\n    return numpyy_fake.parse(text)\n",
          ),
        });
        const { dir } = await evaluate(suite, {
          models: [yamlEverywhere, fake],
          runsDir,
          python: "cpython",
          sandbox,
          resume: false,
        });
        const run = await loadRun(dir);
        // The references ran with their declared package: no task error.
        assert.deepEqual(run.manifest.taskErrors ?? {}, {});
        assert.deepEqual(run.manifest.pythonPackages, { yaml: [join(DIST_PACKAGES, "yaml")] });
        const result = (model: string, task: string) =>
          run.results.find((r) => r.model === model && r.task === task)!;
        for (const model of ["fixed:yaml", "fixed:fake"]) {
          const r = result(model, "load-yaml");
          assert.equal(r.passed, true, `${model}: ${r.detail}`);
        }
        const undeclared = result("fixed:yaml", "load-json");
        assert.equal(undeclared.outcome, "load_error");
        assert.equal(
          undeclared.detail,
          "ModuleNotFoundError: No module named 'yaml' (solution.py, line 1)",
        );
        assert.equal(undeclared.failure?.category, "hallucinated_api");
        assert.deepEqual(undeclared.failure?.labels, ["undeclared_dependency"]);
        const evidence = undeclared.failure!.evidence.find((e) => e.label)!;
        assert.match(
          evidence.text,
          /^undeclared_dependency: imports "yaml", a real package the task does not declare \(checked by local-list: installed in Debian's dist-packages on this machine \(\/usr\/lib\/python3\/dist-packages\/yaml\)\)/,
        );
        const nonexistent = result("fixed:fake", "load-json");
        assert.equal(nonexistent.outcome, "load_error");
        assert.deepEqual(nonexistent.failure?.labels, ["nonexistent_package"]);
        assert.match(
          nonexistent.failure!.evidence.find((e) => e.label)!.text,
          /^nonexistent_package: imports "numpyy_fake", a package that does not exist \(checked by local-list: not in \/usr\/lib\/python3\/dist-packages on this machine, nor among the \d+ modules of the packages npm pyodide's pyodide-lock\.json names/,
        );
      } finally {
        await Deno.remove(runsDir, { recursive: true });
      }
    },
  });
}

Deno.test("evaluate() and validateSuite() refuse declared packages in Pyodide before any work", async () => {
  const runsDir = await Deno.makeTempDir();
  try {
    const message =
      /Cannot run suite "suite-python-packages" in Pyodide: task\(s\) "load-yaml" declare Python packages \(yaml\), and npm pyodide ships no packages; run it with --python cpython/;
    await assert.rejects(
      evaluate(suite, { models: [answers("fixed:none", {})], runsDir, python: "pyodide" }),
      message,
    );
    assert.deepEqual(await folders(runsDir), []);
    await assert.rejects(validateSuite(suite, { python: "pyodide" }), message);
  } finally {
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test("evaluate() and validateSuite() refuse a declared package this machine lacks, naming the apt package", async () => {
  const runsDir = await Deno.makeTempDir();
  const lacking: Suite = {
    ...suite,
    tasks: suite.tasks.map((t) =>
      t.id === "load-yaml" ? { ...t, pythonPackages: ["yaml", "numpyy_fake"] } : t
    ),
  };
  try {
    const message =
      /Cannot run suite "suite-python-packages": task\(s\) "load-yaml" declare Python packages this machine lacks: "numpyy_fake" is not installed in \/usr\/lib\/python3\/dist-packages: install it with "apt-get install python3-numpyy-fake"/;
    await assert.rejects(
      evaluate(lacking, { models: [answers("fixed:none", {})], runsDir, python: "cpython" }),
      message,
    );
    assert.deepEqual(await folders(runsDir), []);
    await assert.rejects(validateSuite(lacking, { python: "cpython" }), message);
  } finally {
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test({
  name: "validateSuite() runs a reference that imports its declared package under CPython",
  ignore: !HAS_BWRAP,
  fn: async () => {
    const validations = await validateSuite(suite, { python: "cpython", concurrency: 2 });
    const yaml = validations.find((v) => v.task === "load-yaml")!;
    assert.deepEqual(yaml.problems, []);
    assert.equal(yaml.referencePasses, yaml.referenceRuns);
  },
});
