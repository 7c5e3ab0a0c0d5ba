import assert from "node:assert/strict";
import { join } from "node:path";
import { DATASETS } from "../../_helpers.ts";
import { sampleJob } from "../../../lib/run/sample_job.ts";
import { runSample } from "../../../lib/sandbox/deno.ts";
import { limiter } from "../../../lib/run/limiter.ts";
import { importHumanEvalX } from "../../../lib/task/importers/humaneval_x.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
import type { Task } from "../../../lib/task/schema.ts";

const FIXTURE =
  new URL("../../../data/fixtures/importers/humaneval-x.jsonl", import.meta.url).pathname;
const DATASET = join(DATASETS, "humaneval-x/humaneval_js.jsonl");
const hasDataset = await Deno.stat(DATASET).then(() => true, () => false);
if (!hasDataset) {
  console.warn(`humaneval_x_test.ts: ${DATASET} is missing; the dataset test is skipped`);
}

const limit = limiter(3);
const run = (task: Task, code: string) =>
  limit(() => runSample(sampleJob(task, code), { isolation: "none", timeoutMs: 5_000 }));

Deno.test("importHumanEvalX() splits console.assert statements into cases with their setup", async () => {
  const suite = await importHumanEvalX(FIXTURE);
  assert.deepEqual(suite.tasks.map((t) => t.id), ["javascript_900", "javascript_901"]);
  const [max, unrot] = suite.tasks;
  assert.equal(max.language, "js");
  assert.equal(max.entry, "maxOfThree");
  assert.equal(max.signature, "const maxOfThree = (a, b, c) =>");
  assert.deepEqual(max.cases.map((c) => c.name), [
    "assert 1: maxOfThree(1, 5, 3) === 5",
    "assert 2: maxOfThree(-1, -5, -3) === -1",
    "assert 3: maxOfThree(i, i - 1, i - 2) === i",
  ]);
  assert.doesNotMatch(
    max.testsSource,
    /console\.assert\(/,
    "console.assert does not throw: it is replaced",
  );
  // The reference stays a script, as node runs it; the sandbox exports the entry.
  assert.match(max.referenceSource!, /return Math\.max\(a, b, c\)\n\}\n$/);
  // the helper the prompt defines and the tests use is copied into the tests file
  assert.match(unrot.testsSource, /^const rot = \(s, n\) =>/m);
  assert.equal(unrot.cases.length, 2);
});

Deno.test("importHumanEvalX() fixture: references pass, a wrong answer fails with the expression in the message", async () => {
  const suite = await importHumanEvalX(FIXTURE);
  for (const task of suite.tasks) {
    const r = await run(task, task.referenceSource!);
    assert.deepEqual(r.cases.map((c) => c.status), task.cases.map(() => "pass"), r.stderr);
  }
  const wrong = await run(suite.tasks[0], "const maxOfThree = (a, b, c) => Math.min(a, b, c);");
  assert.deepEqual(wrong.cases.map((c) => c.status), ["fail", "fail", "fail"]);
  assert.match(
    wrong.cases[0].message,
    /AssertionError: Assertion failed: maxOfThree\(1, 5, 3\) === 5/,
  );
});

Deno.test("importHumanEvalX() declares the package a record requires as the task's dependency", async () => {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  const [first] = (await Deno.readTextFile(FIXTURE)).split("\n");
  const record = JSON.parse(first);
  // as JavaScript/162's canonical solution does: var md5 = require('js-md5')
  const solution = `  var md5 = require('js-md5')\n${record.canonical_solution}`;
  await Deno.writeTextFile(
    file,
    `${JSON.stringify({ ...record, canonical_solution: solution })}\n`,
  );
  const [task] = (await importHumanEvalX(file)).tasks;
  assert.deepEqual(task.dependencies, { "js-md5": "^0.7.3" });
  assert.ok(task.tags.includes("needs:js-md5"));
  const [plain] = (await importHumanEvalX(FIXTURE)).tasks;
  assert.equal(plain.dependencies, undefined, "no package, no dependencies");
});

Deno.test("importHumanEvalX() names the line and field of a malformed record", async () => {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  const [first] = (await Deno.readTextFile(FIXTURE)).split("\n");
  const record = JSON.parse(first);
  await Deno.writeTextFile(
    file,
    `${first}\n${JSON.stringify({ ...record, test: "const t = () => {\n  check(1)\n}\nt()\n" })}\n`,
  );
  const error = await importHumanEvalX(file).then(() => null, (e) => e);
  assert.ok(error instanceof ImportError);
  assert.equal(
    error.message,
    `Cannot import "${file}": line 2: test: no console.assert(…) inside the test function`,
  );
});

Deno.test({
  name:
    "importHumanEvalX() humaneval_js: the canonical solutions pass as references in the sandbox",
  ignore: !hasDataset,
  fn: async () => {
    const suite = await importHumanEvalX(DATASET);
    assert.equal(suite.tasks.length, 164);
    const results = await Promise.all(
      suite.tasks.map(async (t) => [t, await run(t, t.referenceSource!)] as const),
    );
    const failing = results.filter(([, r]) => r.cases.some((c) => c.status !== "pass"));
    const passed = results.length - failing.length;
    console.log(
      `humaneval-x: ${suite.tasks.length} tasks imported; references pass ${passed}/${results.length}; ` +
        `failing: ${
          failing.map(([t, r]) =>
            `${t.title} (${r.outcome}${
              t.tags.find((g) => g.startsWith("needs:"))
                ? `, ${
                  t.tags.find((g) => g.startsWith("needs:"))
                }`
                : ""
            })`
          ).join(", ")
        }`,
    );
    // As under node (validation/deno-checks.json: 161/164): run as scripts, the three canonical
    // solutions that assign undeclared variables (65, 105, 111) pass; 112 and 155 fail there too,
    // and 162 needs js-md5, a declared dependency this test does not install.
    assert.deepEqual(
      failing.map(([t]) => t.title.split(" ")[0]).sort(),
      ["JavaScript/112", "JavaScript/155", "JavaScript/162"],
    );
  },
});
