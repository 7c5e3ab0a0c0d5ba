import assert from "node:assert/strict";
import { DATASETS } from "../../_helpers.ts";
import { detectFormat, importSuite } from "../../../lib/task/importers/detect.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
import { loadSuite, SuiteError } from "../../../lib/task/load_suite.ts";

const FIXTURES = new URL("../../../data/fixtures/importers/", import.meta.url).pathname;
const hasDatasets = await Deno.stat(DATASETS).then(() => true, () => false);
if (!hasDatasets) {
  console.warn(`detect_test.ts: ${DATASETS} is missing; the dataset test is skipped`);
}

Deno.test("detectFormat() tells every fixture's format from its first record or its extension", async () => {
  const expected: Record<string, string> = {
    "multipl-e.jsonl": "multipl-e",
    "humaneval-x.jsonl": "humaneval-x",
    "mbxp-ts.jsonl": "mbxp",
    "mbxp-js.jsonl": "mbxp",
    "can-ai-code-tasks.json": "can-ai-code",
    "jest/slugify.spec.ts": "test-file",
    "humaneval-py.jsonl": "humaneval-py",
    "mbpp-py.jsonl": "mbpp-py",
    "multipl-e-py.jsonl": "multipl-e-py",
    "evalplus-humaneval.jsonl": "evalplus",
  };
  for (const [file, format] of Object.entries(expected)) {
    assert.equal(await detectFormat(FIXTURES + file), format, file);
  }
});

Deno.test("detectFormat() names the file and what it expected when it cannot tell", async () => {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  await Deno.writeTextFile(
    file,
    '{"task_id": "HumanEval/0", "prompt": "def f():", "canonical_solution": "", "test": "", "entry_point": "f"}\n',
  );
  // OpenAI HumanEval, imported as Python: this record's test has no check()
  assert.equal(await detectFormat(file), "humaneval-py");
  await assert.rejects(importSuite(file), ImportError);
  await assert.rejects(importSuite(file), /line 1: test: no "def check\(candidate\):"/);
  await Deno.writeTextFile(
    file,
    '{"task_id": "HumanEval/0", "prompt": "def f():", "canonical_solution": "", "test": ""}\n',
  );
  await assert.rejects(importSuite(file), /line 1: entry_point is required/);
  await Deno.writeTextFile(file, "\n");
  await assert.rejects(
    detectFormat(file),
    new RegExp(`^ImportError: Cannot import "${file}": the file is empty: expected MultiPL-E`),
  );
  await Deno.writeTextFile(file, "[1, 2]\n");
  await assert.rejects(detectFormat(file), /the first record is not a JSON object/);
});

Deno.test("loadSuite() imports a .jsonl or .json benchmark file through importSuite", async () => {
  const suite = await loadSuite(`${FIXTURES}multipl-e.jsonl`);
  assert.equal(suite.tasks.length, 4);
  assert.equal((await importSuite(`${FIXTURES}multipl-e.jsonl`)).hash, suite.hash);
  const json = await loadSuite(`${FIXTURES}can-ai-code-tasks.json`);
  assert.equal(json.tasks.length, 3);
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  await Deno.writeTextFile(
    file,
    '{"name": "x", "language": "ts", "prompt": "no code", "tests": ""}\n',
  );
  const error = await loadSuite(file).then(() => null, (e) => e);
  assert.ok(
    error instanceof SuiteError,
    "an import problem is a SuiteError for loadSuite's callers",
  );
  assert.match(error.message, /^Cannot import ".*": line 1: prompt: does not end inside the body/);
});

Deno.test("importSuite() passes limit and importer options on", async () => {
  const suite = await importSuite(`${FIXTURES}mbxp-js.jsonl`, { limit: 1, withReference: true });
  assert.equal(suite.tasks.length, 1);
  assert.equal(suite.tasks[0].reference, "reference.ts");
  const py = await importSuite(`${FIXTURES}can-ai-code-tasks.json`, { language: "py" });
  assert.deepEqual([...new Set(py.tasks.map((t) => t.language))], ["py"]);
  let jobs = 0;
  const evalplus = await importSuite(`${FIXTURES}evalplus-humaneval.jsonl`, {
    limit: 1,
    computeExpected: (batch) => {
      jobs += batch.length;
      return Promise.resolve(batch.map((j) => ({
        id: j.id,
        error: null,
        base: [{ args: "[1.0], 1.0", expected: "0.0", floats: true, ms: 1, error: null }],
        plus: [],
      })));
    },
  });
  assert.equal(jobs, 1);
  assert.deepEqual(evalplus.tasks[0].cases.map((c) => c.name), [
    "base 1: mean_distance([1.0], 1.0)",
  ]);
});

Deno.test({
  name:
    "detectFormat() tells the Python dataset files: HumanEval, Reflexion's logs of HumanEval and mbpp-py",
  ignore: !hasDatasets,
  fn: async () => {
    const expected: Record<string, string> = {
      "humaneval/HumanEval.jsonl": "humaneval-py",
      "completions/reflexion/humaneval-py_simple_gpt-4_run1.jsonl": "humaneval-py",
      "completions/reflexion/mbpp-py_simple_gpt-4.jsonl": "multipl-e-py",
      "mxeval/HumanEval_typescript_v1.jsonl": "mbxp",
      "humaneval-x/humaneval_js.jsonl": "humaneval-x",
    };
    for (const [file, format] of Object.entries(expected)) {
      const path = `${DATASETS}/${file}`;
      if (!(await Deno.stat(path).then(() => true, () => false))) continue;
      assert.equal(await detectFormat(path), format, file);
    }
  },
});

Deno.test({
  name: "importSuite() imports every TypeScript/JavaScript dataset file without a problem",
  ignore: !hasDatasets,
  fn: async () => {
    const files = [
      "multipl-e/humaneval-ts.jsonl",
      "multipl-e/mbpp-ts.jsonl",
      "multipl-e/humaneval-js.jsonl",
      "multipl-e/mbpp-js.jsonl",
      "multipl-e/head-terminology/humaneval-ts.jsonl",
      "multipl-e/head-terminology/mbpp-ts.jsonl",
      "multipl-e/head-terminology/humaneval-js.jsonl",
      "multipl-e/head-terminology/mbpp-js.jsonl",
      "humaneval-x/humaneval_js.jsonl",
      "mxeval/mbtsp_release_v1.2.jsonl",
      "mxeval/mbjsp_release_v1.2.jsonl",
      "mxeval/HumanEval_typescript_v1.jsonl",
      "mxeval/HumanEval_javascript_v1.1.jsonl",
      "completions/can-ai-code-tasks.json",
    ];
    const lines: string[] = [];
    for (const file of files) {
      const path = `${DATASETS}/${file}`;
      if (!(await Deno.stat(path).then(() => true, () => false))) continue;
      const suite = await importSuite(path);
      const cases = suite.tasks.reduce((n, t) => n + t.cases.length, 0);
      const needs = suite.tasks.filter((t) => t.tags.some((g) => g.startsWith("needs:"))).length;
      lines.push(
        `${file}: ${suite.tasks.length} tasks, ${cases} cases${
          needs ? `, ${needs} need npm packages` : ""
        }`,
      );
    }
    console.log(lines.join("\n"));
    assert.ok(lines.length > 0);
  },
});
