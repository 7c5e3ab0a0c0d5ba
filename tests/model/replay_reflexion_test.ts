import assert from "node:assert/strict";
import { sharedDatasets } from "../_helpers.ts";
import { replayProvider } from "../../lib/model/replay.ts";
import { readReflexionAnswers, reflexionSolved } from "../../lib/model/replay_reflexion.ts";
import { importHumanEvalPy } from "../../lib/task/importers/humaneval_py.ts";
import { importMbppPy } from "../../lib/task/importers/mbpp_py.ts";

const WHO = "replay_reflexion_test.ts";
const PROMPT = 'def inc(x):\n    """Add one."""\n';

async function logFile(records: Record<string, unknown>[]): Promise<string> {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  await Deno.writeTextFile(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return file;
}

Deno.test("replayProvider() serves a Reflexion log's solutions under the imported task ids", async () => {
  const file = await logFile([
    {
      task_id: "HumanEval/5",
      prompt: PROMPT,
      entry_point: "inc",
      solution: "    return x + 1",
      is_solved: true,
    },
    { task_id: "HumanEval/6", prompt: PROMPT, entry_point: "inc", solution: "", is_solved: false },
    {
      name: "mbpp_2_similar_elements",
      prompt: "def similar_elements(a, b):\n",
      entry_point: "similar_elements",
      solution: "def similar_elements(a, b):\n    return set(a) & set(b)",
      is_solved: true,
    },
  ]);
  const replay = replayProvider(file);
  const answer = (task: string) => replay.generate({ messages: [], sample: 0, task });
  assert.equal(
    (await answer("humaneval-5")).text,
    PROMPT + "    return x + 1\n",
    "a body follows its prompt",
  );
  assert.equal((await answer("humaneval-6")).text, "", "an empty solution is an empty answer");
  assert.equal(
    (await answer("mbpp-2")).text,
    "def similar_elements(a, b):\n    return set(a) & set(b)\n",
  );
  assert.match((await answer("humaneval-7")).error!, /no recorded answer for task "humaneval-7"/);
  assert.deepEqual(
    reflexionSolved(file),
    new Map([["humaneval-5", true], ["humaneval-6", false], ["mbpp-2", true]]),
  );
});

Deno.test("readReflexionAnswers() leaves other files to replay and names a broken line", async () => {
  const plain = await logFile([{ task: "t", text: "x" }]);
  assert.equal(readReflexionAnswers(plain), null);
  assert.equal(
    (await replayProvider(plain).generate({ messages: [], sample: 0, task: "t" })).text,
    "x",
  );
  const broken = await logFile([
    { task_id: "HumanEval/1", prompt: "", solution: "", is_solved: false },
    { task_id: "HumanEval/2", prompt: "" },
  ]);
  assert.throws(
    () => readReflexionAnswers(broken),
    /Cannot replay ".*": line 2: a Reflexion record needs "solution"/,
  );
  assert.throws(() => reflexionSolved(plain), /Cannot read ".*" as a Reflexion log/);
});

Deno.test("readReflexionAnswers() reads every shared Reflexion log: one answer per imported task, the recorded solved counts", async () => {
  const logs: Record<string, number> = {
    "humaneval-py_simple_gpt-4_run1.jsonl": 134,
    "humaneval-py_simple_gpt-4_run2.jsonl": 141,
    "humaneval-py_simple_gpt-3.5-turbo.jsonl": 42,
    "humaneval-py_simple_text-davinci-003.jsonl": 96,
    "humaneval-py_reflexion_gpt-4.jsonl": 150,
    "mbpp-py_simple_gpt-4.jsonl": 318,
  };
  const paths = await sharedDatasets(
    WHO,
    "humaneval/HumanEval.jsonl",
    ...Object.keys(logs).map((f) => `completions/reflexion/${f}`),
  );
  if (!paths) return;
  const [humaneval, ...files] = paths;
  const humanevalIds = (await importHumanEvalPy(humaneval)).tasks.map((t) => t.id).sort();
  for (const [k, file] of files.entries()) {
    const name = Object.keys(logs)[k];
    const answers = readReflexionAnswers(file)!;
    const ids = name.startsWith("mbpp")
      ? (await importMbppPy(file)).tasks.map((t) => t.id).sort()
      : humanevalIds;
    assert.deepEqual(answers.map((a) => a.task).sort(), ids, name);
    const solved = [...reflexionSolved(file).values()].filter(Boolean).length;
    assert.equal(solved, logs[name], name);
    // every answer Reflexion judged solved is a whole program defining a function
    assert.ok(answers.filter((a) => a.solved).every((a) => /^def /m.test(a.text)), name);
    console.log(
      `${WHO}: ${name}: ${answers.length} answers for ${ids.length} tasks, ${solved} solved`,
    );
  }
});
