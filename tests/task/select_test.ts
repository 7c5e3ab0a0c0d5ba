import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "../_helpers.ts";
import { sha256 } from "../../lib/task/hash.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { mixSuites } from "../../lib/task/mix_suites.ts";
import { selectTasks } from "../../lib/task/select.ts";

const builtin = await loadSuite(join(ROOT, "tasks/builtin"));
const python = await loadSuite(join(ROOT, "tasks/python"));

Deno.test("selectTasks() by ids keeps suite order and hashes as session()'s slice did", async () => {
  const picked = await selectTasks(builtin, { tasks: ["group-by", "chunk"] });
  assert.deepEqual(picked.tasks.map((t) => t.id), ["chunk", "group-by"]);
  assert.equal(picked.hash, await sha256(`${builtin.hash}|group-by,chunk`));
  assert.equal(picked.name, builtin.name);
  assert.equal(picked.dir, builtin.dir);
});

Deno.test("selectTasks() with a tag keeps the tasks that have ANY of the tags", async () => {
  const tags = ["strings", "stateful"];
  const picked = await selectTasks(builtin, { tags });
  const expected = builtin.tasks.filter((t) => t.tags.some((tag) => tags.includes(tag)));
  assert.ok(expected.length > 0 && expected.length < builtin.tasks.length);
  assert.deepEqual(picked.tasks.map((t) => t.id), expected.map((t) => t.id));
});

Deno.test("selectTasks() with a difficulty and a limit keeps the first N of that difficulty", async () => {
  const picked = await selectTasks(builtin, { difficulty: ["easy", "hard"], limit: 3 });
  const expected = builtin.tasks.filter((t) => t.difficulty !== "medium").slice(0, 3);
  assert.deepEqual(picked.tasks.map((t) => t.id), expected.map((t) => t.id));
});

Deno.test("selectTasks() gives a different hash to every different selection, the same to the same", async () => {
  const hashes = await Promise.all([
    { tasks: ["chunk"] },
    { tasks: ["chunk"], limit: 1 },
    { limit: 1 },
    { limit: 2 },
    { tags: ["strings"] },
    { difficulty: ["easy"] },
    { difficulty: ["easy"], tags: ["strings"] },
  ].map(async (s) => (await selectTasks(builtin, s)).hash));
  assert.equal(new Set([...hashes, builtin.hash]).size, hashes.length + 1);
  assert.equal(
    (await selectTasks(builtin, { tags: ["strings", "stateful"] })).hash,
    (await selectTasks(builtin, { tags: ["stateful", "strings"] })).hash,
  );
});

Deno.test("selectTasks() refuses an unknown id with the nearest one, an unknown tag with the suite's tags", async () => {
  await assert.rejects(
    selectTasks(builtin, { tasks: ["chunk", "gruop-by"] }),
    {
      name: "SelectionError",
      message:
        /Cannot select task "gruop-by": it is not in ".*tasks\/builtin": did you mean "group-by"\?$/,
    },
  );
  await assert.rejects(
    selectTasks(builtin, { tasks: ["zzzzzzzzzzzzzzzzzzzz"] }),
    /Cannot select task "zzzzzzzzzzzzzzzzzzzz": it is not in ".*": use one of its \d+ task ids \(/,
  );
  await assert.rejects(
    selectTasks(builtin, { tags: ["nosuchtag"] }),
    /Cannot select tag "nosuchtag": no task in ".*" has it: use one of its tags \(.*strings/,
  );
});

Deno.test("selectTasks() refuses a bad difficulty, a bad limit and a selection that leaves nothing", async () => {
  await assert.rejects(
    selectTasks(builtin, { difficulty: ["Easy"] }),
    /difficulty "Easy": use easy, medium or hard/,
  );
  await assert.rejects(
    selectTasks(builtin, { limit: 0 }),
    /Cannot select limit "0": use an integer >= 1/,
  );
  const chunk = builtin.tasks.find((t) => t.id === "chunk")!;
  const other = builtin.tasks.flatMap((t) => t.tags).find((tag) => !chunk.tags.includes(tag))!;
  await assert.rejects(
    selectTasks(builtin, { tasks: ["chunk"], tags: [other] }),
    new RegExp(
      `Cannot select tasks from ".*": tasks chunk · tags ${other} leaves no task: widen the selection$`,
    ),
  );
  await assert.rejects(selectTasks(builtin, { tasks: [] }), /leaves no task/);
});

Deno.test("selectTasks() works on Python suites and mixed suites", async () => {
  const py = await selectTasks(python, { limit: 2 });
  assert.deepEqual(py.tasks.map((t) => t.id), python.tasks.slice(0, 2).map((t) => t.id));
  assert.ok(py.tasks.every((t) => t.language === "py"));
  const mixed = await mixSuites([{ suite: builtin, tasks: ["chunk"] }, { suite: python }], {
    name: "mixed",
    dir: "tasks",
  });
  const picked = await selectTasks(mixed, { tasks: ["chunk", python.tasks[0].id] });
  assert.deepEqual(picked.tasks.map((t) => t.language).sort(), ["py", "ts"]);
  assert.equal(picked.name, "mixed");
  assert.notEqual(picked.hash, mixed.hash);
});
