import assert from "node:assert/strict";
import { executeSample } from "../../lib/run/execute_sample.ts";
import { withAnswerNames } from "../../lib/run/answer_names_job.ts";
import { runSample } from "../../lib/sandbox/deno.ts";
import { importCanAiCode } from "../../lib/task/importers/can_ai_code.ts";

const FIXTURE =
  new URL("../../data/fixtures/importers/can-ai-code-tasks.json", import.meta.url).pathname;

Deno.test("withAnswerNames() adds answer_names.ts with the names the entry's function declares", async () => {
  const job = {
    code: "// glork(wrong)\nconst helper = (z) => z;\nconst glork = function (bork, ...rest) {};",
    testsSource: 'import { answerNames } from "./answer_names.ts";',
    cases: [],
    entry: "glork",
    files: { "data.json": "{}" },
  };
  const named = await withAnswerNames(job);
  assert.deepEqual(Object.keys(named.files!), ["data.json", "answer_names.ts"]);
  assert.match(
    named.files!["answer_names.ts"],
    /\{"name":"glork","params":\["bork","\.\.\.rest"\]\}/,
  );
});

Deno.test("executeSample() gives a can-ai-code task's tests the answer's declared names", async () => {
  const task = (await importCanAiCode(FIXTURE)).tasks.find((t) => t.entry === "glork")!;
  const gen = {
    task: task.id,
    model: "m",
    variant: "v",
    sample: 0,
    text: "",
    code: "function glork(n) {\n  return n + 1;\n}",
    error: null,
  };
  const result = await executeSample(
    task,
    gen as never,
    { isolation: "none", timeoutMs: 5_000 },
    runSample,
    () => Promise.resolve("exists" as never),
  );
  assert.deepEqual(result.cases.map((c) => [c.name.split(":")[0], c.status]), [
    ["one_argument", "pass"],
    ["value_1", "pass"],
    ["input_name", "fail"],
    ["func_name", "pass"],
  ]);
});
