import assert from "node:assert/strict";
import { join } from "node:path";
import { DATASETS } from "../../_helpers.ts";
import { runSample } from "../../../lib/sandbox/deno.ts";
import { limiter } from "../../../lib/run/limiter.ts";
import { withAnswerNames } from "../../../lib/run/answer_names_job.ts";
import { sampleJob } from "../../../lib/run/sample_job.ts";
import { importCanAiCode } from "../../../lib/task/importers/can_ai_code.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
import type { Task } from "../../../lib/task/schema.ts";

const FIXTURE =
  new URL("../../../data/fixtures/importers/can-ai-code-tasks.json", import.meta.url).pathname;
const TASKS = join(DATASETS, "completions/can-ai-code-tasks.json");
const RESULTS = join(DATASETS, "completions/can-ai-code-results.jsonl.gz");
const hasDataset = await Deno.stat(TASKS).then(() => Deno.stat(RESULTS)).then(
  () => true,
  () => false,
);
if (!hasDataset) {
  console.warn(
    `can_ai_code_test.ts: ${TASKS} or ${RESULTS} is missing; the dataset test is skipped`,
  );
}

// The job as a run builds it: sampleJob(), plus the answer's declared names read on the host.
const limit = limiter(3);
const run = async (task: Task, code: string, isolation: "none" | "bwrap" = "none") => {
  const job = await withAnswerNames(sampleJob(task, code));
  return limit(() => runSample(job, { isolation, timeoutMs: 5_000 }));
};
const hasBwrap = await new Deno.Command("bwrap", { args: ["--version"], stdout: "null" }).output()
  .then((o) => o.success, () => false);

Deno.test("importCanAiCode() turns each check into a case and keeps the prompt's wording", async () => {
  const suite = await importCanAiCode(FIXTURE);
  assert.deepEqual(suite.tasks.map((t) => t.id), [
    "double-zero-shot",
    "glork-misnamed",
    "initials-map",
  ]);
  const [double, , initials] = suite.tasks;
  assert.equal(double.language, "js");
  assert.equal(double.signature, "function double(x)");
  assert.equal(
    double.instructions,
    "Write a JavaScript function double(x) with input x that returns twice the number x.",
  );
  assert.deepEqual(double.cases.map((c) => c.name), [
    "one_argument: len(f.args) == 1",
    'input_name: f.args[0].name == "x"',
    "returns_int: isinstance(f.call(3),int) == true",
    "value_2: f.call(2) == 4",
    "value_neg: f.call(-1.5) == -3",
  ]);
  assert.deepEqual(double.cases[4].tags, ["weight:2"]);
  assert.deepEqual(double.tags, ["can-ai-code", "fixture"]);
  assert.match(
    initials.testsSource,
    /f\.call\(\['Ada Lovelace'\]\)\?\.\['Ada Lovelace'\]/,
    ".get(k) becomes ?.[k]",
  );
});

Deno.test("importCanAiCode() fixture: right answers pass every check, wrong ones fail the right checks", async () => {
  const [double, , initials] = (await importCanAiCode(FIXTURE)).tasks;
  const right = await run(double, "function double(x) {\n  return x * 2;\n}");
  assert.deepEqual(right.cases.map((c) => c.status), ["pass", "pass", "pass", "pass", "pass"]);
  const wrong = await run(double, "const double = (y, z = 1) => y + y + 0.5;");
  assert.deepEqual(wrong.cases.map((c) => c.status), ["fail", "fail", "fail", "fail", "fail"]);
  const map = await run(
    initials,
    "function initials(names) { return new Map(names.map((n) => [n, n.split(' ').map((w) => w[0]).join('')])); }",
  );
  // a Map does not survive can-ai-code's JSON round trip: only the empty case passes, as upstream
  assert.deepEqual(map.cases.map((c) => c.status), ["pass", "fail", "pass", "pass"]);
});

Deno.test("importCanAiCode() imports the function-name and parameter-name checks as core cases read from the answer's source", async () => {
  const glork = (await importCanAiCode(FIXTURE)).tasks.find((t) => t.entry === "glork")!;
  assert.deepEqual(glork.cases.map((c) => [c.name, c.kind]), [
    ["one_argument: len(f.args) == 1", "core"],
    ["value_1: f.call(1) == 2", "core"],
    ['input_name: f.args[0].name == "bork"', "core"],
    ['func_name: f.name == "glork"', "core"],
  ]);
  assert.match(glork.testsSource, /^import \{ answerNames \} from "\.\/answer_names\.ts";$/m);
  assert.doesNotMatch(
    glork.testsSource,
    /Function\.prototype\.toString/,
    "no guessing in the sandbox",
  );
});

Deno.test("importCanAiCode() a wrong parameter name fails exactly its check; the right names pass all", async () => {
  const glork = (await importCanAiCode(FIXTURE)).tasks.find((t) => t.entry === "glork")!;
  const right = await run(glork, "function glork(bork) {\n  return bork + 1;\n}");
  assert.deepEqual(right.cases.map((c) => c.status), ["pass", "pass", "pass", "pass"]);
  // default values, comments and a helper above the function do not confuse the parser
  const helper = await run(
    glork,
    "const inc = (x) => x + 1;\n/* glork(a) */\nfunction glork(bork /* a number */ = 0) { return inc(bork); }",
  );
  assert.deepEqual(helper.cases.map((c) => c.status), ["pass", "pass", "pass", "pass"]);
  const renamed = await run(glork, "function glork(n) {\n  return n + 1;\n}");
  assert.deepEqual(renamed.cases.map((c) => c.status), ["pass", "pass", "fail", "pass"]);
  assert.match(renamed.cases[2].message, /'n' !== 'bork'/);
  if (hasBwrap) {
    const isolated = await run(glork, "const glork = (n) => n + 1;", "bwrap");
    assert.deepEqual(isolated.cases.map((c) => c.status), ["pass", "pass", "fail", "pass"]);
  }
});

Deno.test("importCanAiCode() an answer that declares no function fails the name checks as upstream's NO_FUNCTION", async () => {
  const glork = (await importCanAiCode(FIXTURE)).tasks.find((t) => t.entry === "glork")!;
  const none = await run(glork, 'var glork = Function("bork", "return bork + 1");');
  const failing = none.cases.filter((c) => c.status !== "pass").map((c) => c.name.split(":")[0]);
  assert.deepEqual(failing, ["one_argument", "input_name", "func_name"]);
  assert.match(none.cases[3].message, /declares no function \(can-ai-code: NO_FUNCTION\)/);
});

Deno.test("importCanAiCode() names the line of a task with a missing field", async () => {
  const file = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(
    file,
    JSON.stringify(
      {
        tasks: {
          Good: {
            Signature: "f()",
            Input: "",
            Output: "1",
            Checks: { one: { assert: "f.call()", eq: 1 } },
          },
          Bad: { Signature: "g()", Input: "" },
        },
      },
      null,
      2,
    ),
  );
  const error = await importCanAiCode(file).then(() => null, (e) => e);
  assert.ok(error instanceof ImportError);
  assert.equal(error.message, `Cannot import "${file}": line 14: Output is required`);
});

Deno.test({
  name: "importCanAiCode() can-ai-code: recorded JavaScript answers pass here as they did upstream",
  ignore: !hasDataset,
  fn: async () => {
    const suite = await importCanAiCode(TASKS);
    assert.equal(suite.tasks.length, 17);
    const stream = (await Deno.open(RESULTS)).readable.pipeThrough(new DecompressionStream("gzip"))
      .pipeThrough(new TextDecoderStream());
    let text = "";
    for await (const chunk of stream) text += chunk;
    // the first upstream-PASS and the first upstream-FAIL JavaScript answer of each task
    const answers = new Map<string, string>();
    const failing = new Map<string, string>();
    for (const line of text.split("\n")) {
      if (!line.includes('"javascript"')) continue;
      const r = JSON.parse(line);
      if (r.language !== "javascript" || typeof r.code !== "string") continue;
      if (r.status === "PASS" && !answers.has(r.task)) answers.set(r.task, r.code);
      if (r.status === "FAIL" && !failing.has(r.task)) failing.set(r.task, r.code);
    }
    const byTitle = new Map(suite.tasks.map((t) => [t.title, t]));
    const results = await Promise.all([...answers].map(async ([name, code]) => {
      const task = byTitle.get(name)!;
      return [name, await run(task, code)] as const;
    }));
    const passed = results.filter(([, r]) => r.cases.every((c) => c.status === "pass"));
    const failed = results.filter(([, r]) => !r.cases.every((c) => c.status === "pass"));
    console.log(
      `can-ai-code: ${suite.tasks.length} tasks imported; upstream-PASS JavaScript answers pass ${passed.length}/${results.length}` +
        (failed.length
          ? `; differing: ${
            failed.map(([n, r]) =>
              `${n} (${
                r.cases.filter((c) => c.status !== "pass").map((c) =>
                  c.name.split(":")[0]
                ).join(", ")
              })`
            ).join("; ")
          }`
          : ""),
    );
    assert.ok(
      passed.length >= Math.ceil(results.length * 0.8),
      `only ${passed.length}/${results.length} pass`,
    );
    // a few upstream-FAIL answers too (8, to keep the run short): the checks must not be vacuous
    const upstreamFail = await Promise.all(
      [...failing].slice(0, 8).map(([name, code]) => run(byTitle.get(name)!, code)),
    );
    const alsoFail = upstreamFail.filter((r) => r.cases.some((c) => c.status !== "pass")).length;
    console.log(
      `can-ai-code: upstream-FAIL JavaScript answers fail here ${alsoFail}/${upstreamFail.length}`,
    );
    assert.ok(
      alsoFail >= Math.ceil(upstreamFail.length * 0.8),
      `only ${alsoFail}/${upstreamFail.length} fail`,
    );
  },
});

Deno.test("importCanAiCode() calls the answer's first function whatever its name, as upstream does: a misnamed only function passes the value checks", async () => {
  const suite = await importCanAiCode(FIXTURE);
  const task = suite.tasks.find((t) => t.entry === "double")!;
  const r = await run(task, "function twice(x) {\n  return x * 2;\n}\n");
  const statuses = Object.fromEntries(r.cases.map((c) => [c.name.split(":")[0], c.status]));
  // The value checks call twice (upstream's f.call calls the first function it finds)…
  assert.deepEqual(
    r.cases.filter((c) => /f\.call/.test(c.name)).map((c) => c.status),
    ["pass", "pass", "pass"],
    JSON.stringify(r.cases),
  );
  // …and its name checks read it: x is the right parameter name here.
  assert.equal(Object.values(statuses).every((s) => s === "pass"), true, JSON.stringify(r.cases));
  // A helper declared first is the one called, as upstream calls it.
  const helperFirst = await run(
    task,
    "function half(x) {\n  return x / 2;\n}\nfunction double(x) {\n  return x * 2;\n}\n",
  );
  assert.equal(helperFirst.cases.find((c) => /f\.call\(2\)/.test(c.name))?.status, "fail");
});
