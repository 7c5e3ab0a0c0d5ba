import assert from "node:assert/strict";
import { sharedDatasets } from "../../_helpers.ts";
import { importCanAiCode } from "../../../lib/task/importers/can_ai_code.ts";
import { PYTHON, runPythonTasks } from "./_python_run.ts";

const FIXTURE =
  new URL("../../../data/fixtures/importers/can-ai-code-tasks.json", import.meta.url).pathname;
const WHO = "can_ai_code_py_test.ts";
if (!PYTHON) {
  console.log(`${WHO}: /usr/bin/python3 is missing; the tests that run Python are skipped`);
}

Deno.test("importCanAiCode({ language: 'py' }) writes Python tasks with the JavaScript import's ids and case names", async () => {
  const py = await importCanAiCode(FIXTURE, { language: "py" });
  const js = await importCanAiCode(FIXTURE);
  assert.deepEqual(py.tasks.map((t) => t.id), js.tasks.map((t) => t.id));
  assert.deepEqual(py.tasks.map((t) => t.cases), js.tasks.map((t) => t.cases));
  assert.notEqual(py.hash, js.hash);
  const [double, , initials] = py.tasks;
  assert.equal(double.language, "py");
  assert.equal(double.tests, "tests.py");
  assert.equal(double.signature, "def double(x)");
  assert.equal(
    double.instructions,
    "Write a Python function double(x) with input x that returns twice the number x.",
  );
  assert.deepEqual(double.tags, ["can-ai-code", "fixture"]);
  assert.match(double.testsSource, /^import solution as _solution$/m);
  assert.match(double.testsSource, /assert isinstance\(f\.call\(3\),int\) == True\n/);
  assert.match(
    initials.testsSource,
    /_actual = f\.call\(\['Ada Lovelace'\]\)\.get\('Ada Lovelace'\)\n {4}assert _actual in \["AL", "A\.L\."\]/,
  );
  assert.match(initials.testsSource, /assert f\.call\(\['Bo Li'\]\)\.get\('Nobody'\) == None\n/);
});

Deno.test(
  "can-ai-code Python tests call the answer's first function, whatever its name, as upstream does",
  { ignore: !PYTHON },
  async () => {
    const { tasks } = await importCanAiCode(FIXTURE, { language: "py" });
    const [double, glork, initials] = tasks;
    const right = await runPythonTasks(tasks, {
      [double.id]: "def double(x):\n    return x * 2\n",
      [glork.id]: "import math\n\ndef glork(bork):\n    return bork + 1\n",
      [initials.id]:
        "def initials(names):\n    return {n: ''.join(w[0] for w in n.split()) for n in names}\n",
    });
    for (const task of tasks) {
      assert.deepEqual(Object.values(right[task.id]), task.cases.map(() => "pass"), task.id);
    }
    const wrong = await runPythonTasks(tasks, {
      // returns a float for 3 (returns_int fails) and names its parameter y
      [double.id]: "def double(y, z=1):\n    return y + y + 0.0\n",
      // a helper first: upstream calls it, and reads its name and parameters
      [glork.id]: "def helper(a, b):\n    return a\n\ndef glork(bork):\n    return bork + 1\n",
      // no function at all: every check fails (NO_FUNCTION)
      [initials.id]: "initials = lambda names: {}\n",
    });
    assert.deepEqual(wrong[double.id], {
      "one_argument: len(f.args) == 1": "fail",
      'input_name: f.args[0].name == "x"': "fail",
      "returns_int: isinstance(f.call(3),int) == true": "fail",
      "value_2: f.call(2) == 4": "pass",
      "value_neg: f.call(-1.5) == -3": "pass",
    });
    assert.deepEqual(Object.values(wrong[glork.id]), [
      "fail",
      "error: TypeError: helper() missing 1 required positional argument: 'b'",
      "fail",
      "fail",
    ]);
    assert.deepEqual(Object.values(wrong[initials.id]), ["fail", "fail", "fail", "fail"]);
  },
);

Deno.test("importCanAiCode({ language: 'py' }) imports every shared can-ai-code task", async () => {
  const paths = await sharedDatasets(WHO, "completions/can-ai-code-tasks.json");
  if (!paths) return;
  const py = await importCanAiCode(paths[0], { language: "py" });
  const js = await importCanAiCode(paths[0]);
  assert.equal(py.tasks.length, 17);
  assert.deepEqual(py.tasks.map((t) => t.cases.length), js.tasks.map((t) => t.cases.length));
  assert.ok(py.tasks.every((t) => t.language === "py" && t.signature.startsWith("def ")));
  console.log(
    `${WHO}: can-ai-code as Python: ${py.tasks.length} tasks, ${
      py.tasks.reduce((n, t) => n + t.cases.length, 0)
    } checks`,
  );
});
