import assert from "node:assert/strict";
import { importEvalPlus } from "../../../lib/task/importers/evalplus.ts";
import { CASE_LIMITS_PREFIX, caseLimitsOf } from "../../../lib/task/importers/case_limits_line.ts";
import type { ExpectedJob, ExpectedResult } from "../../../lib/task/importers/evalplus_expected.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
import { PYTHON, runPythonTasks } from "./_python_run.ts";

const FIXTURE =
  new URL("../../../data/fixtures/importers/evalplus-humaneval.jsonl", import.meta.url).pathname;
if (!PYTHON) {
  console.log("evalplus_test.ts: /usr/bin/python3 is missing; the EvalPlus tests are skipped");
}
const ignore = !PYTHON;

async function records(...values: Record<string, unknown>[]): Promise<string> {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  await Deno.writeTextFile(file, values.map((v) => JSON.stringify(v)).join("\n") + "\n");
  return file;
}

Deno.test(
  "importEvalPlus() bakes the reference's outputs into tests.py: base inputs core, plus inputs edge",
  { ignore },
  async () => {
    const suite = await importEvalPlus(FIXTURE);
    assert.deepEqual(suite.tasks.map((t) => t.id), ["fixture-1", "fixture-2", "fixture-3"]);
    const [mean, vowels, digits] = suite.tasks;
    assert.deepEqual(mean.tags, ["evalplus"]);
    assert.equal(mean.signature, "def mean_distance(values: List[float], center: float) -> float");
    assert.deepEqual(mean.cases.map((c) => c.kind), ["core", "core", "edge", "edge", "edge"]);
    assert.equal(mean.cases[1].name, "base 2: mean_distance([0.1, 0.2, 0.3], 0.2)");
    assert.match(
      mean.testsSource,
      /assert _close\(_got, 0\.06666666666666667, 0\.000001\)/,
      "atol 1e-6",
    );
    // a tuple stays a tuple, a string with a line break is a Python literal
    assert.match(vowels.testsSource, /assert split_vowels\('Assay'\) == \('Aa', 'ssy'\)\n/);
    assert.match(vowels.testsSource, /assert split_vowels\("x\\ny'z"\) == \('', "x\\ny'z"\)\n/);
    assert.match(
      vowels.instructions,
      /in scope for it \(you may call it\):\n\n```python\ndef is_vowel/,
    );
    // Python read the inputs: an integer beyond 2^53 stays exact
    assert.match(digits.testsSource, /assert digit_sum\(1000000000000000000000000000001\) == 2\n/);
    for (const task of suite.tasks) {
      const limits = caseLimitsOf(task.testsSource);
      assert.deepEqual(Object.keys(limits), task.cases.map((c) => c.name), task.id);
      // EvalPlus's floor: at least 4 s per input.
      assert.ok(Object.values(limits).every((ms) => Number.isInteger(ms) && ms >= 4000), task.id);
      assert.equal(task.testsSource.split("\n")[1].startsWith(CASE_LIMITS_PREFIX), true);
      // The sample's limit: its cases' limits together (at least 5 s, at most 61 s).
      const total = Object.values(limits).reduce((a, b) => a + b, 0);
      assert.equal(task.timeoutMs, Math.max(5_000, Math.min(60_000, total) + 1_000));
    }
    assert.deepEqual(suite.notes, []);
  },
);

Deno.test(
  "importEvalPlus() tests pass with the reference and judge as EvalPlus does",
  { ignore },
  async () => {
    const { tasks } = await importEvalPlus(FIXTURE);
    const right = await runPythonTasks(tasks);
    for (const task of tasks) {
      assert.deepEqual(Object.values(right[task.id]), task.cases.map(() => "pass"), task.id);
    }
    const answers = await runPythonTasks(tasks, {
      // within atol 1e-6 of every output but the last: passes those
      "fixture-1": "def mean_distance(values, center):\n" +
        "    return sum(abs(v - center) for v in values) / len(values) + (1e-7 if len(values) < 3 else 0.5)\n",
      // a list where the reference returns a tuple: fails
      "fixture-2":
        "def split_vowels(word):\n    return [''.join(c for c in word if is_vowel(c)), " +
        "''.join(c for c in word if not is_vowel(c))]\n",
      // right only for numbers that fit a float exactly
      "fixture-3": "def digit_sum(n):\n    return sum(int(d) for d in str(int(float(abs(n)))))\n",
    });
    assert.deepEqual(Object.values(answers["fixture-1"]), ["pass", "fail", "pass", "pass", "fail"]);
    assert.deepEqual(Object.values(answers["fixture-2"]), Array(5).fill("fail"));
    assert.deepEqual(Object.values(answers["fixture-3"]), ["pass", "pass", "fail", "fail"]);
  },
);

Deno.test("importEvalPlus() runs references through an injected computeExpected, once, with each record's own JSON", async () => {
  const calls: ExpectedJob[][] = [];
  const fake = (jobs: ExpectedJob[]): Promise<ExpectedResult[]> => {
    calls.push(jobs);
    return Promise.resolve(jobs.map((job) => ({
      id: job.id,
      error: job.id === "Fixture/2" ? "NameError: name 'x' is not defined" : null,
      base: [
        { args: "1", expected: "1", floats: false, ms: 30, error: null },
        { args: "2", expected: null, floats: false, ms: 0, error: "ValueError: no" },
      ],
      plus: [{ args: "3", expected: "3.5", floats: true, ms: 0.2, error: null }],
    })));
  };
  const error = await importEvalPlus(FIXTURE, { computeExpected: fake }).then(() => null, (e) => e);
  assert.equal(calls.length, 1);
  assert.deepEqual(calls[0].map((j) => j.entry), ["mean_distance", "split_vowels", "digit_sum"]);
  assert.equal(calls[0][2].record, (await Deno.readTextFile(FIXTURE)).split("\n")[2]);
  assert.match(calls[0][1].reference, /^def is_vowel[\s\S]*return \(vowels, others\)\n$/);
  assert.ok(error instanceof ImportError);
  assert.deepEqual(error.problems, [
    "line 2: canonical_solution: the reference does not run: NameError: name 'x' is not defined",
  ]);
  const suite = await importEvalPlus(FIXTURE, { computeExpected: fake, limit: 1, minLimitMs: 50 });
  assert.deepEqual(suite.notes, [
    "Fixture/1: the reference fails on base 2 (ValueError: no): left out",
  ]);
  assert.deepEqual(caseLimitsOf(suite.tasks[0].testsSource), {
    "base 1: mean_distance(1)": 120,
    "plus 1: mean_distance(3)": 50,
  });
  // By default the floor is EvalPlus's, 4 s.
  const byDefault = await importEvalPlus(FIXTURE, { computeExpected: fake, limit: 1 });
  assert.deepEqual(Object.values(caseLimitsOf(byDefault.tasks[0].testsSource)), [4000, 4000]);
});

Deno.test("importEvalPlus() judges find_zero by |poly(xs, x)| <= atol and reads MBPP+ prompts", {
  ignore,
}, async () => {
  const poly =
    'import math\n\n\ndef poly(xs: list, x: float):\n    """Evaluate the polynomial xs at x."""\n' +
    "    return sum(c * math.pow(x, i) for i, c in enumerate(xs))\n\n\n";
  const file = await records(
    {
      task_id: "HumanEval/900",
      prompt: poly + 'def find_zero(xs: list):\n    """Return a root of the polynomial xs."""\n',
      entry_point: "find_zero",
      canonical_solution: "    lo, hi = -100.0, 100.0\n    for _ in range(200):\n" +
        "        mid = (lo + hi) / 2\n        if poly(xs, lo) * poly(xs, mid) <= 0:\n            hi = mid\n" +
        "        else:\n            lo = mid\n    return lo\n",
      base_input: [[[-4, 0, 1]]],
      plus_input: [],
      atol: 1e-6,
    },
    {
      task_id: "Mbpp/900",
      prompt:
        '"""\nWrite a function to count the words of a sentence.\nassert count_words("a b") == 2\n"""\n',
      entry_point: "count_words",
      canonical_solution: "def count_words(text):\n    return len(text.split())\n",
      base_input: [["a b"], [""]],
      plus_input: [["  x  "]],
      atol: 0,
    },
  );
  const suite = await importEvalPlus(file);
  const [zero, words] = suite.tasks;
  assert.equal(zero.id, "humaneval-900");
  assert.deepEqual(zero.tags, ["evalplus", "humaneval-plus"]);
  assert.match(zero.testsSource, /assert abs\(poly\(\[-4, 0, 1\], _got\)\) <= 0\.000001/);
  assert.equal(words.id, "mbpp-900");
  assert.deepEqual(words.tags, ["evalplus", "mbpp-plus"]);
  assert.equal(words.signature, "def count_words(text)");
  assert.equal(
    words.instructions,
    'Write a function to count the words of a sentence.\nassert count_words("a b") == 2',
  );
  assert.equal(words.referenceSource, "def count_words(text):\n    return len(text.split())\n");
  const run = await runPythonTasks(suite.tasks, {
    // the other root (2 where the reference finds -2): EvalPlus accepts any root
    "humaneval-900": "def find_zero(xs):\n    return 2.0\n",
  });
  assert.deepEqual(Object.values(run["humaneval-900"]), ["pass"]);
  assert.deepEqual(Object.values(run["mbpp-900"]), ["pass", "pass", "pass"]);
});

Deno.test("importEvalPlus() names the line and field of a malformed record", async () => {
  const file = await records(
    {
      task_id: "T/1",
      prompt: "def f(x):\n    pass\n",
      entry_point: "f",
      canonical_solution: "",
      base_input: 3,
    },
    {
      task_id: "T/2",
      prompt: "def f(x):\n",
      entry_point: "f",
      canonical_solution: "",
      base_input: [],
      atol: -1,
    },
    { task_id: "T/3", prompt: "text", entry_point: "g", canonical_solution: "", base_input: [] },
  );
  const error = await importEvalPlus(file, { computeExpected: () => Promise.resolve([]) }).then(
    () => null,
    (e) => e,
  );
  assert.ok(error instanceof ImportError);
  assert.deepEqual(error.problems, [
    "line 1: base_input: must be a list of argument lists",
    "line 2: atol: must be a number >= 0",
    'line 3: prompt: neither the prompt nor the reference defines "g"',
  ]);
});
