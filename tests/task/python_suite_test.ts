import assert from "node:assert/strict";
import { loadSuite } from "../../lib/task/load_suite.ts";
import type { Suite } from "../../lib/task/schema.ts";

const PYTHON = new URL("../../tasks/python", import.meta.url).pathname;

/** The Python traps the suite must cover, each by at least three tasks. */
const TRAPS = [
  "mutable-default",
  "generators",
  "recursion-depth",
  "big-integers",
  "unicode",
  "division",
  "dict-ordering",
  "identity",
  "rounding",
  "sorting-stability",
  "string-immutability",
  "copying",
  "float-precision",
  "default-dict",
  "closures",
];

let loaded: Promise<Suite> | null = null;
const suite = (): Promise<Suite> => loaded ??= loadSuite(PYTHON);

/** The keys of the `cases = {...}` dict of a tests.py, read as text (one `"name": _fn,` a line). */
function caseKeys(testsSource: string): string[] {
  const block = testsSource.match(/^cases = \{\n([\s\S]*?)^\}/m);
  assert.ok(block, "tests.py has no `cases = {` block");
  return [...block[1].matchAll(/^\s*("(?:[^"\\]|\\.)*"):\s*\w+,?\s*$/gm)].map((m) =>
    JSON.parse(m[1]) as string
  );
}

/** The tree's top-level modules and packages of a files task (`inventory/stock.py` → inventory). */
const treeModules = (task: { contextFiles: Record<string, string> }) =>
  new Set(Object.keys(task.contextFiles).map((p) => p.split("/")[0].replace(/\.py$/, "")));

Deno.test("loadSuite(tasks/python) loads at least 30 Python tasks with version 1.2.0", async () => {
  const { tasks, version, name } = await suite();
  assert.equal(name, "python");
  assert.equal(version, "1.2.0");
  assert.ok(tasks.length >= 30, `${tasks.length} tasks`);
  for (const task of tasks) {
    assert.equal(task.language, "py", task.id);
    assert.match(task.signature, new RegExp(`^def ${task.entry}\\(.*\\) -> .+$`), task.id);
    assert.match(task.referenceSource ?? "", new RegExp(`^def ${task.entry}\\(`, "m"), task.id);
    // A files task's tests import the entry from a module of its tree, not from `solution`.
    assert.match(
      task.testsSource,
      task.answer === "files"
        ? new RegExp(`^from [\\w.]+ import (?:.*, )?${task.entry}\\b`, "m")
        : new RegExp(`^from solution import ${task.entry}$`, "m"),
      task.id,
    );
  }
});

Deno.test("loadSuite(tasks/python) loads a multi-file task whose tests import its package", async () => {
  const task = (await suite()).tasks.find((t) => t.answer === "files");
  assert.ok(task, "tasks/python has a files task");
  assert.ok(Object.keys(task.contextFiles).some((p) => p.endsWith("/__init__.py")), task.id);
  assert.ok(Object.keys(task.referenceFiles ?? {}).every((p) => p.endsWith(".py")), task.id);
  assert.match(task.referenceSource ?? "", /^# file: /, "a Python bundle marks files with #");
});

Deno.test("loadSuite(tasks/python): every task declares at least 8 cases, at least 3 of them edge", async () => {
  for (const task of (await suite()).tasks) {
    const edge = task.cases.filter((c) => c.kind === "edge").length;
    assert.ok(task.cases.length >= 8, `${task.id}: ${task.cases.length} cases`);
    assert.ok(edge >= 3, `${task.id}: ${edge} edge cases`);
  }
});

Deno.test("loadSuite(tasks/python): the cases dict of tests.py has exactly the declared case names, in order", async () => {
  for (const task of (await suite()).tasks) {
    assert.deepEqual(caseKeys(task.testsSource), task.cases.map((c) => c.name), task.id);
  }
});

Deno.test("loadSuite(tasks/python): every Python trap is tagged on at least three tasks", async () => {
  const { tasks } = await suite();
  for (const trap of TRAPS) {
    const tagged = tasks.filter((t) => t.tags.includes(trap)).map((t) => t.id);
    assert.ok(tagged.length >= 3, `${trap}: only ${tagged.join(", ") || "no task"}`);
  }
  const difficulties = new Set(tasks.map((t) => t.difficulty));
  assert.deepEqual([...difficulties].sort(), ["easy", "hard", "medium"]);
});

Deno.test("loadSuite(tasks/python): tests stay within the stdlib and print nothing", async () => {
  const stdlib = new Set([
    "collections",
    "decimal",
    "fractions",
    "itertools",
    "math",
    "typing",
    "unicodedata",
    "functools",
  ]);
  for (const task of (await suite()).tasks) {
    const own = treeModules(task);
    for (const source of [task.testsSource, task.referenceSource ?? ""]) {
      assert.doesNotMatch(source, /\bprint\(|\bopen\(|\btime\.sleep\(/, task.id);
      for (const m of source.matchAll(/^(?:from (\w+)(?:\.\w+)* import|import (\w+))/gm)) {
        const module = m[1] ?? m[2];
        if (module !== "solution" && !own.has(module)) {
          assert.ok(stdlib.has(module), `${task.id} imports ${module}`);
        }
      }
    }
  }
});
