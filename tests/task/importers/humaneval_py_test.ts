import assert from "node:assert/strict";
import { sharedDatasets } from "../../_helpers.ts";
import { humanEvalTaskId, importHumanEvalPy } from "../../../lib/task/importers/humaneval_py.ts";
import { importMultiplEPy } from "../../../lib/task/importers/multipl_e_py.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
import { PYTHON, runPythonTasks } from "./_python_run.ts";

const FIXTURES = new URL("../../../data/fixtures/importers/", import.meta.url).pathname;
const WHO = "humaneval_py_test.ts";
if (!PYTHON) {
  console.log(`${WHO}: /usr/bin/python3 is missing; the tests that run Python are skipped`);
}

Deno.test("importHumanEvalPy() makes one core case per top-level assert of check() and keeps its setup", async () => {
  const suite = await importHumanEvalPy(FIXTURES + "humaneval-py.jsonl");
  assert.deepEqual(suite.tasks.map((t) => t.id), ["humaneval-38", "humaneval-151"]);
  const [cyclic, odd] = suite.tasks;
  assert.equal(odd.language, "py");
  assert.equal(odd.reference, "reference.py");
  assert.equal(odd.tests, "tests.py");
  assert.equal(odd.signature, "def double_the_difference(lst)");
  assert.match(odd.instructions, /^Given a list of numbers, return the sum of squares/);
  assert.deepEqual(odd.tags, ["humaneval"]);
  assert.equal(odd.cases.length, 7);
  assert.ok(odd.cases.every((c) => c.kind === "core"));
  assert.equal(odd.cases[0].name, "case 1: candidate([]) == 0", "the assert's message is left out");
  assert.equal(odd.cases[6].name, "case 7: candidate(lst) == odd_sum");
  assert.match(
    odd.testsSource,
    /def _case_7\(\):\n {4}lst = list\(range\(-99, 100, 2\)\)\n {4}odd_sum = sum\(.*\)\n {4}assert candidate\(lst\) == odd_sum/,
    "the setup statements before an assert run in its case",
  );
  assert.match(odd.testsSource, /^from solution import double_the_difference$/m);
  assert.match(odd.testsSource, /^candidate = double_the_difference$/m);
  assert.equal(
    odd.referenceSource!.startsWith(
      JSON.parse(
        (await Deno.readTextFile(FIXTURES + "humaneval-py.jsonl")).split("\n")[1],
      ).prompt,
    ),
    true,
    "the reference is prompt + canonical_solution",
  );
  // a loop holding asserts is one case; the prompt's helper is shown to the model and in scope
  assert.deepEqual(cyclic.cases.map((c) => c.name), [
    "case 1: for _ in range(100): candidate(encoded_str) == str",
  ]);
  assert.match(cyclic.instructions, /^takes as input string encoded with encode_cyclic function/);
  assert.match(
    cyclic.instructions,
    /in scope for it \(you may call it\):\n\n```python\ndef encode_cyclic/,
  );
  assert.match(cyclic.testsSource, /^def encode_cyclic\(s: str\):$/m);
  assert.deepEqual(suite.notes, []);
});

Deno.test(
  "importHumanEvalPy() tests pass with the reference, fail a wrong answer, and lend the prompt's code to the candidate",
  {
    ignore: !PYTHON,
  },
  async () => {
    const { tasks } = await importHumanEvalPy(FIXTURES + "humaneval-py.jsonl");
    const right = await runPythonTasks(tasks);
    assert.deepEqual(Object.values(right["humaneval-38"]), ["pass"]);
    assert.deepEqual(Object.values(right["humaneval-151"]), Array(7).fill("pass"));
    const answers = await runPythonTasks(tasks, {
      // calls the prompt's encode_cyclic without defining it, as HumanEval allows
      "humaneval-38": "def decode_cyclic(s: str):\n    return encode_cyclic(encode_cyclic(s))\n",
      "humaneval-151":
        "def double_the_difference(lst):\n    return sum(x * x for x in lst if x > 0)\n",
    });
    assert.deepEqual(Object.values(answers["humaneval-38"]), ["pass"]);
    assert.deepEqual(Object.values(answers["humaneval-151"]), [
      "pass",
      "fail",
      "fail",
      "pass",
      "fail",
      "fail",
      "pass", // every positive number of range(-99, 100, 2) is odd
    ]);
  },
);

Deno.test("importHumanEvalPy() names the record and field of a malformed record", async () => {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  const record = {
    task_id: "HumanEval/1",
    prompt: "def f(x):\n    '''Return x.'''\n",
    entry_point: "f",
    canonical_solution: "    return x\n",
    test: "def check(candidate):\n    assert candidate(1) == 1\n",
  };
  await Deno.writeTextFile(
    file,
    [
      JSON.stringify(record),
      JSON.stringify({ ...record, task_id: "HumanEval/2", entry_point: "g" }),
      JSON.stringify({ ...record, task_id: "HumanEval/3", test: "def helper():\n    pass\n" }),
      JSON.stringify({ ...record, task_id: "HumanEval/4", test: undefined }),
    ].join("\n"),
  );
  const error = await importHumanEvalPy(file).then(() => null, (e) => e);
  assert.ok(error instanceof ImportError);
  assert.deepEqual(error.problems, [
    'line 2: prompt: does not define "g" at its top level',
    'line 3: test: no "def check(candidate):" at the top level',
    "line 4: test is required",
  ]);
});

Deno.test("humanEvalTaskId() maps HumanEval/N to humaneval-N", () => {
  assert.equal(humanEvalTaskId("HumanEval/163"), "humaneval-163");
});

Deno.test(
  "importMultiplEPy() reads MultiPL-E Python records: ids shared with the HumanEval and MBPP importers, no reference",
  {
    ignore: !PYTHON,
  },
  async () => {
    const suite = await importMultiplEPy(FIXTURES + "multipl-e-py.jsonl");
    assert.deepEqual(suite.tasks.map((t) => t.id), ["humaneval-901", "mbpp-900"]);
    const [max, vowels] = suite.tasks;
    assert.equal(
      vowels.instructions,
      "Write a function to count the vowels (a, e, i, o, u, in either case) of a string.",
    );
    assert.deepEqual(vowels.tags, ["multipl-e", "mbpp"]);
    assert.equal(vowels.reference, null);
    assert.deepEqual(max.tags, ["multipl-e", "humaneval", "dropped:assert-true"]);
    assert.equal(max.cases.length, 3);
    assert.doesNotMatch(max.testsSource, /test_check/, "MultiPL-E's test_check() call is dropped");
    const run = await runPythonTasks(suite.tasks, {
      "mbpp-900": "def count_vowels(text):\n    return sum(c in 'aeiouAEIOU' for c in text)\n",
      // no `from typing import List`: the prompt's import is in scope, as in MultiPL-E's harness
      "humaneval-901": "def running_max(numbers: List[int]) -> List[int]:\n" +
        "    out = []\n    for n in numbers:\n        out.append(max(out[-1], n) if out else n)\n    return out\n",
    });
    assert.deepEqual(Object.values(run["mbpp-900"]), ["pass", "pass", "pass"]);
    assert.deepEqual(Object.values(run["humaneval-901"]), ["pass", "pass", "pass"]);
  },
);

Deno.test(
  "importHumanEvalPy() imports all 164 HumanEval tasks, and every case passes with the reference in /usr/bin/python3",
  {
    ignore: !PYTHON,
  },
  async () => {
    const paths = await sharedDatasets(WHO, "humaneval/HumanEval.jsonl");
    if (!paths) return;
    const suite = await importHumanEvalPy(paths[0]);
    assert.equal(suite.tasks.length, 164);
    const run = await runPythonTasks(suite.tasks);
    const passed = suite.tasks.filter((t) =>
      t.cases.every((c) => run[t.id]?.[c.name] === "pass") &&
      Object.keys(run[t.id] ?? {}).length === t.cases.length
    );
    const cases = suite.tasks.reduce((n, t) => n + t.cases.length, 0);
    console.log(
      `${WHO}: HumanEval: ${passed.length}/${suite.tasks.length} tasks pass with the reference (${cases} cases); ` +
        `${
          suite.tasks.filter((t) => t.tags.includes("dropped:assert-true")).length
        } had \`assert True\` left out`,
    );
    const failing = suite.tasks.filter((t) => !passed.includes(t)).map((t) =>
      `${t.id}: ${JSON.stringify(run[t.id])}`
    );
    assert.deepEqual(failing, []);
    assert.equal(passed.length, 164);
  },
);
