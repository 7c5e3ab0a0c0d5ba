import assert from "node:assert/strict";
import { sharedDatasets } from "../../_helpers.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
import { importMbppPy, mbppTaskId } from "../../../lib/task/importers/mbpp_py.ts";
import { PYTHON, runPythonTasks } from "./_python_run.ts";

const FIXTURE = new URL("../../../data/fixtures/importers/mbpp-py.jsonl", import.meta.url).pathname;
const WHO = "mbpp_py_test.ts";

Deno.test("importMbppPy() makes test_list asserts core cases and challenge tests edge cases", async () => {
  const suite = await importMbppPy(FIXTURE);
  assert.deepEqual(suite.tasks.map((t) => t.id), ["mbpp-900", "mbpp-901", "mbpp-902"]);
  const [digits, second, chain] = suite.tasks;
  assert.equal(digits.signature, "def digit_sum(n)");
  assert.equal(digits.referenceSource!.includes("\r"), false, "CRLF line breaks become LF");
  assert.equal(
    digits.instructions,
    "Write a function to return the sum of the digits of a non-negative integer. " +
      "Your code should pass these tests:\n\n" +
      "assert digit_sum(0) == 0\nassert digit_sum(123) == 6\nassert digit_sum(9999) == 36",
  );
  assert.deepEqual(digits.tags, ["mbpp"]);
  assert.deepEqual(second.cases.map((c) => [c.name, c.kind]), [
    ["test 1: second_largest([1, 2, 3]) == 2", "core"],
    ["test 2: second_largest([5, 5, 4]) == 4", "core"],
    ["test 3: second_largest([7]) == None", "core"],
    ["challenge 1: second_largest([]) == None", "edge"],
  ]);
  // the tests name a class of the reference besides the entry: imported from the solution too
  assert.match(chain.testsSource, /^from solution import chain_length, Link$/m);
  assert.match(chain.testsSource, /^import math$/m, "test_setup_code runs first");
  assert.equal(mbppTaskId(7), "mbpp-7");
});

Deno.test("importMbppPy() tests pass with the reference and fail a wrong answer", {
  ignore: !PYTHON,
}, async () => {
  const { tasks } = await importMbppPy(FIXTURE);
  const run = await runPythonTasks(tasks);
  for (const task of tasks) {
    assert.deepEqual(Object.values(run[task.id]), task.cases.map(() => "pass"), task.id);
  }
  const wrong = await runPythonTasks(tasks, {
    "mbpp-901": "def second_largest(nums):\n    return sorted(nums)[-2]\n",
    "mbpp-902": "def chain_length(link):\n    return 0\n",
  });
  assert.deepEqual(Object.values(wrong["mbpp-901"]), [
    "pass",
    "fail",
    "error: IndexError: list index out of range",
    "error: IndexError: list index out of range",
  ]);
  assert.match(wrong["mbpp-902"]["(load)"], /^error: ImportError: cannot import name 'Link'/);
});

Deno.test("importMbppPy() names the line and field of malformed records", async () => {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  const good = {
    task_id: 1,
    text: "Add.",
    code: "def add(a, b):\n  return a + b",
    test_list: ["assert add(1, 2) == 3"],
  };
  await Deno.writeTextFile(
    file,
    [
      good,
      { ...good, test_list: [] },
      { ...good, code: "def plus(a, b):\n  return a + b" },
      { ...good, code: undefined },
      { ...good, challenge_test_list: "x" },
    ].map((r) => JSON.stringify(r)).join("\n"),
  );
  const error = await importMbppPy(file).then(() => null, (e) => e);
  assert.ok(error instanceof ImportError);
  assert.deepEqual(error.problems, [
    "line 2: test_list: must be a non-empty list of asserts",
    'line 3: code: does not define "add", which the tests call',
    "line 4: code is required (the reference solution)",
    "line 5: challenge_test_list: must be a list of strings",
  ]);
});

Deno.test("importMbppPy() reads the MultiPL-E mbpp-py records of the shared Reflexion log", async () => {
  const paths = await sharedDatasets(WHO, "completions/reflexion/mbpp-py_simple_gpt-4.jsonl");
  if (!paths) return;
  const suite = await importMbppPy(paths[0]);
  assert.equal(suite.tasks.length, 397);
  assert.ok(
    suite.tasks.every((t) =>
      t.language === "py" && t.reference === null && /^mbpp-\d+$/.test(t.id)
    ),
  );
  const cases = suite.tasks.reduce((n, t) => n + t.cases.length, 0);
  console.log(`${WHO}: mbpp-py (Reflexion log): ${suite.tasks.length} tasks, ${cases} cases`);
});
