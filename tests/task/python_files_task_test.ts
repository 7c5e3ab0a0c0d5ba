import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSuite, SuiteError } from "../../lib/task/load_suite.ts";
import { parseFileBundle } from "../../lib/task/tree.ts";

/** A suite folder with one Python files task; `change` edits its files before loading. */
async function pythonFilesSuite(change: (dir: string) => Promise<void> = async () => {}) {
  const root = await Deno.makeTempDir();
  const dir = join(root, "t");
  await Deno.mkdir(join(dir, "context/shop"), { recursive: true });
  await Deno.mkdir(join(dir, "reference/shop"), { recursive: true });
  await Deno.writeTextFile(
    join(dir, "task.json"),
    JSON.stringify({
      id: "t",
      title: "t",
      language: "py",
      answer: "files",
      instructions: "Make inc add one.",
      entry: "inc",
      signature: "def inc(n: int) -> int",
      cases: [{ name: "adds one", kind: "core" }],
    }),
  );
  await Deno.writeTextFile(join(dir, "context/shop/__init__.py"), "");
  await Deno.writeTextFile(join(dir, "context/shop/inc.py"), "def inc(n):\n    return n\n");
  await Deno.writeTextFile(join(dir, "context/shop/util.py"), "ONE = 1\n");
  await Deno.writeTextFile(
    join(dir, "reference/shop/inc.py"),
    "from shop.util import ONE\n\n\ndef inc(n):\n    return n + ONE\n",
  );
  await Deno.writeTextFile(
    join(dir, "tests.py"),
    'from shop.inc import inc\n\n\ndef _one():\n    assert inc(1) == 2\n\n\ncases = {"adds one": _one}\n',
  );
  await change(dir);
  return root;
}

/** The problems a suite folder's load reports (fails when it loads). */
async function problemsOf(root: string): Promise<string[]> {
  const error = await loadSuite(root).then(() => null, (e) => e);
  assert.ok(error instanceof SuiteError, `expected a SuiteError, got ${error}`);
  return error.problems;
}

Deno.test("loadSuite() loads a Python files task: tests.py and the reference folder by default, a # file: bundle", async () => {
  const root = await pythonFilesSuite();
  try {
    const [task] = (await loadSuite(root)).tasks;
    assert.equal(task.language, "py");
    assert.equal(task.tests, "tests.py");
    assert.equal(task.reference, "reference");
    assert.deepEqual(Object.keys(task.contextFiles), [
      "shop/__init__.py",
      "shop/inc.py",
      "shop/util.py",
    ]);
    assert.deepEqual(Object.keys(task.referenceFiles!), ["shop/inc.py"]);
    assert.match(task.referenceSource!, /^# file: shop\/inc\.py\nfrom shop\.util import ONE\n/);
    assert.deepEqual(parseFileBundle(task.referenceSource!), task.referenceFiles);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("loadSuite() names the tests file when a Python files task's tests do not import the tree", async () => {
  const root = await pythonFilesSuite((dir) =>
    Deno.writeTextFile(join(dir, "tests.py"), "from solution import inc\ncases = {}\n")
  );
  try {
    const problems = await problemsOf(root);
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(
      problems[0],
      /"[^"]*\/t\/tests\.py": tests: must import from the tree, e.g\. "from shop import …"$/,
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("loadSuite() rejects a Python files task's reserved, non-.py new and non-context paths, naming file and field", async () => {
  const root = await pythonFilesSuite(async (dir) => {
    await Deno.writeTextFile(join(dir, "context/solution.py"), "X = 1\n");
    await Deno.writeTextFile(join(dir, "reference/shop/new.py"), "Y = 2\n");
  });
  try {
    const problems = await problemsOf(root);
    assert.ok(
      problems.some((p) =>
        /task\.json": context: "solution\.py" is reserved for the harness/.test(p)
      ),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((p) =>
        /task\.json": reference: "shop\/new\.py" is not a context file: add it to "context\/" or set "newFiles": true/
          .test(p)
      ),
      problems.join("\n"),
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
  const data = await pythonFilesSuite(async (dir) => {
    const file = join(dir, "task.json");
    await Deno.writeTextFile(
      file,
      JSON.stringify({ ...JSON.parse(await Deno.readTextFile(file)), newFiles: true }),
    );
    await Deno.writeTextFile(join(dir, "reference/shop/rates.json"), "{}\n");
  });
  try {
    const problems = await problemsOf(data);
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(
      problems[0],
      /task\.json": reference: "shop\/rates\.json" is a new file but not a \.py module: a Python answer may add only \.py files$/,
    );
  } finally {
    await Deno.remove(data, { recursive: true });
  }
});
