/**
 * Declared Python packages (`pythonPackages` in task.json and suite.json): kept on a Python task,
 * merged with the suite's, part of the suite's hash, and every bad declaration a load error that
 * names the file and the field.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { TaskFile, taskPythonPackages } from "../../lib/task/schema.ts";
import { ROOT } from "../_helpers.ts";

const TASK = {
  id: "load",
  title: "load",
  language: "py",
  instructions: "Parse it.",
  entry: "load",
  signature: "def load(text: str) -> object",
  cases: [{ name: "reads", kind: "core" }],
};

async function suiteWith(taskJson: Record<string, unknown>, suiteJson?: Record<string, unknown>) {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "load"));
  await Deno.writeTextFile(join(dir, "load", "task.json"), JSON.stringify(taskJson));
  const ts = taskJson.language !== "py";
  await Deno.writeTextFile(
    join(dir, "load", ts ? "tests.ts" : "tests.py"),
    ts
      ? 'import { load } from "./solution.ts";\nexport const cases = { reads: () => load("") };'
      : "from solution import load\ncases = {'reads': lambda: load('')}\n",
  );
  await Deno.writeTextFile(
    join(dir, "load", ts ? "reference.ts" : "reference.py"),
    ts ? "export const load = (t: string) => t;" : "def load(text):\n    return text\n",
  );
  if (suiteJson) await Deno.writeTextFile(join(dir, "suite.json"), JSON.stringify(suiteJson));
  return dir;
}

Deno.test("TaskFile.parse() keeps declared Python packages and leaves them absent when none", () => {
  assert.equal(TaskFile.parse(TASK).pythonPackages, undefined);
  assert.deepEqual(TaskFile.parse({ ...TASK, pythonPackages: ["yaml"] }).pythonPackages, ["yaml"]);
});

Deno.test("loadSuite() reads the fixture's declared yaml package", async () => {
  const suite = await loadSuite(join(ROOT, "data/fixtures/suite-python-packages"));
  const byId = Object.fromEntries(suite.tasks.map((t) => [t.id, t]));
  assert.deepEqual(taskPythonPackages(suite, byId["load-yaml"]), ["yaml"]);
  assert.deepEqual(taskPythonPackages(suite, byId["load-json"]), []);
});

Deno.test("loadSuite() names the file and field of a Python package declared on a TypeScript task", async () => {
  const dir = await suiteWith({
    ...TASK,
    language: "ts",
    signature: "function load(t: string): unknown",
    pythonPackages: ["yaml"],
  });
  try {
    await assert.rejects(
      loadSuite(dir),
      /load\/task\.json": pythonPackages: only a Python task declares Python packages: remove it, or set "language": "py"/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadSuite() refuses a declared name that is not a Python module, or one of the standard library", async () => {
  const dir = await suiteWith({ ...TASK, pythonPackages: ["PyYAML", "python3-yaml", "json"] });
  try {
    const error = await loadSuite(dir).then(() => null, (e: Error) => e);
    assert.ok(error);
    assert.match(
      error.message,
      /task\.json": pythonPackages\.1: "python3-yaml" is not a Python module name: name the top-level module the code imports, e\.g\. "yaml"/,
    );
    assert.match(
      error.message,
      /task\.json": pythonPackages\.2: "json" is in the standard library: remove it/,
    );
    // A module name may have capitals (PIL): only its form is checked at load, not that it exists.
    assert.doesNotMatch(error.message, /pythonPackages\.0/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadSuite() reads suite.json pythonPackages, merges them per task, and they change the suite hash", async () => {
  const plain = await suiteWith({ ...TASK, pythonPackages: ["bs4"] });
  const withSuite = await suiteWith({ ...TASK, pythonPackages: ["bs4"] }, {
    name: "s",
    version: "1.0.0",
    pythonPackages: ["yaml"],
  });
  const bad = await suiteWith(TASK, { name: "s", version: "1.0.0", pythonPackages: ["a.b"] });
  try {
    const a = await loadSuite(plain);
    const b = await loadSuite(withSuite);
    assert.equal(a.pythonPackages, undefined);
    assert.deepEqual(b.pythonPackages, ["yaml"]);
    assert.notEqual(a.hash, b.hash);
    assert.deepEqual(taskPythonPackages(b, b.tasks[0]), ["bs4", "yaml"]);
    await assert.rejects(
      loadSuite(bad),
      /suite\.json": pythonPackages\.0: "a\.b" is not a Python module name/,
    );
  } finally {
    for (const d of [plain, withSuite, bad]) await Deno.remove(d, { recursive: true });
  }
});
