import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSuite, SuiteError } from "../../lib/task/load_suite.ts";
import { parseFileBundle, treePathProblem } from "../../lib/task/tree.ts";

const BUILTIN = new URL("../../tasks/builtin", import.meta.url).pathname;

/** A suite folder with one files task; `change` edits its files before loading. */
async function filesSuite(change: (dir: string) => Promise<void> = async () => {}) {
  const root = await Deno.makeTempDir();
  const dir = join(root, "t");
  await Deno.mkdir(join(dir, "context/src"), { recursive: true });
  await Deno.mkdir(join(dir, "reference/src"), { recursive: true });
  await Deno.writeTextFile(
    join(dir, "task.json"),
    JSON.stringify({
      id: "t",
      title: "t",
      answer: "files",
      instructions: "Make inc add one.",
      entry: "inc",
      signature: "export function inc(n: number): number",
      cases: [{ name: "adds one", kind: "core" }],
    }),
  );
  await Deno.writeTextFile(
    join(dir, "context/src/inc.ts"),
    "export function inc(n: number) {\n  return n;\n}\n",
  );
  await Deno.writeTextFile(join(dir, "context/src/util.ts"), "export const one = 1;\n");
  await Deno.writeTextFile(
    join(dir, "reference/src/inc.ts"),
    'import { one } from "./util.ts";\nexport function inc(n: number) {\n  return n + one;\n}\n',
  );
  await Deno.writeTextFile(
    join(dir, "tests.ts"),
    'import { inc } from "./src/inc.ts";\nexport const cases = { "adds one": () => { if (inc(1) !== 2) throw new Error("no"); } };\n',
  );
  await change(dir);
  return root;
}

Deno.test("loadSuite() loads a files task with its context and reference files by tree path", async () => {
  const suite = await loadSuite(await filesSuite());
  const [task] = suite.tasks;
  assert.equal(task.answer, "files");
  assert.equal(task.context, "context", "a files answer defaults to the context/ folder");
  assert.equal(task.reference, "reference", "and to the reference/ folder");
  assert.deepEqual(Object.keys(task.contextFiles), ["src/inc.ts", "src/util.ts"]);
  assert.deepEqual(Object.keys(task.referenceFiles!), ["src/inc.ts"]);
  assert.deepEqual(parseFileBundle(task.referenceSource!), task.referenceFiles);
  assert.deepEqual(task.editable, []);
});

Deno.test("loadSuite() gives a code task an empty context and no reference files", async () => {
  const suite = await loadSuite(
    join(new URL("../../data/fixtures", import.meta.url).pathname, "suite-tiny"),
  );
  assert.deepEqual(suite.tasks[0].contextFiles, {});
  assert.equal(suite.tasks[0].referenceFiles, null);
  assert.equal(suite.tasks[0].answer, "code");
});

Deno.test("loadSuite() changes the suite hash when a context file changes", async () => {
  const a = await loadSuite(await filesSuite());
  const b = await loadSuite(
    await filesSuite((dir) =>
      Deno.writeTextFile(join(dir, "context/src/util.ts"), "export const one = 2;\n")
    ),
  );
  assert.notEqual(a.hash, b.hash);
});

Deno.test("loadSuite() rejects a files task whose reference, editable list or tests leave the tree", async () => {
  const root = await filesSuite(async (dir) => {
    const meta = JSON.parse(await Deno.readTextFile(join(dir, "task.json")));
    await Deno.writeTextFile(
      join(dir, "task.json"),
      JSON.stringify({ ...meta, editable: ["src/util.ts", "src/nope.ts"] }),
    );
    await Deno.writeTextFile(join(dir, "reference/src/extra.ts"), "export {};\n");
    await Deno.writeTextFile(join(dir, "tests.ts"), 'import { inc } from "./solution.ts";\n');
  });
  const error = await loadSuite(root).then(() => null, (e) => e);
  assert.ok(error instanceof SuiteError);
  const text = error.problems.join("\n");
  assert.match(text, /t\/task\.json": editable: "src\/nope\.ts" is not a file of the context/);
  assert.match(
    text,
    /reference: "src\/extra\.ts" is not a context file: add it to "context\/" or set "newFiles": true/,
  );
  assert.match(text, /reference: "src\/inc\.ts" changes a file not listed in editable/);
  assert.match(text, /tests\.ts": tests: must import from the tree, e\.g\. "\.\/src\/inc\.ts"/);
});

Deno.test("loadSuite() names a missing context folder", async () => {
  const root = await filesSuite((dir) => Deno.remove(join(dir, "context"), { recursive: true }));
  const error = await loadSuite(root).then(() => null, (e) => e);
  assert.ok(error instanceof SuiteError);
  assert.match(error.problems.join("\n"), /context: folder "context" does not exist/);
});

Deno.test("treePathProblem() rejects escaping, absolute and reserved paths", () => {
  assert.equal(treePathProblem("src/a/b.ts"), null);
  assert.match(treePathProblem("src/../../x.ts")!, /escapes the tree/);
  assert.match(treePathProblem("/tmp/x.ts")!, /absolute/);
  assert.match(treePathProblem("C:/x.ts")!, /absolute/);
  assert.match(treePathProblem("./src/x.ts")!, /write it as "src\/x\.ts"/);
  assert.match(treePathProblem("tests.ts")!, /reserved/);
  assert.match(treePathProblem(".deno/x")!, /reserved/);
  assert.equal(treePathProblem("src/tests.ts"), null);
});

Deno.test("the built-in suite has at least 10 multi-file tasks, each with edge cases", async () => {
  const suite = await loadSuite(BUILTIN);
  const files = suite.tasks.filter((t) => t.answer === "files");
  assert.ok(files.length >= 10, `${files.length} files tasks`);
  for (const t of files) {
    assert.ok(t.tags.includes("multi-file"), t.id);
    assert.ok(t.cases.length >= 8, t.id);
    assert.ok(t.cases.filter((c) => c.kind === "edge").length >= 3, t.id);
    const count = Object.keys(t.contextFiles).length;
    assert.ok(count >= 2 && count <= 5, `${t.id}: ${count} context files`);
    const lines = Object.values(t.contextFiles).join("").split("\n").length;
    assert.ok(lines >= 20 && lines <= 160, `${t.id}: ${lines} lines`);
  }
});
