import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { noReferenceStub, validateSuite } from "../../lib/run/validate_suite.ts";
import { validationMarkdown } from "../../lib/run/validation_markdown.ts";

/** A one-task suite without a reference whose tests file is `tests`. */
async function referenceless(tests: string): Promise<string> {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "add"));
  await Deno.writeTextFile(
    join(dir, "add", "task.json"),
    JSON.stringify({
      id: "add",
      title: "add",
      instructions: "Add two numbers.",
      entry: "add",
      signature: "export function add(a: number, b: number): number",
      reference: null,
      cases: [{ name: "adds", kind: "core" }, { name: "adds negatives", kind: "edge" }],
    }),
  );
  await Deno.writeTextFile(join(dir, "add", "tests.ts"), tests);
  return dir;
}

Deno.test("validateSuite() runs the tests of a task without a reference against a stub and reports it without failing", async () => {
  const dir = await referenceless(`import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = {
  "adds": () => assert.equal(add(1, 2), 3),
  "adds negatives": () => assert.equal(add(-1, -2), -3),
};`);
  const [v] = await validateSuite(await loadSuite(dir), { isolation: "none" });
  assert.deepEqual(v.problems, []);
  assert.equal(v.referenceRuns, 0);
  assert.deepEqual(v.mutants, []);
  assert.match(v.notes![0], /no reference solution: the tests load and all 2 case\(s\) run/);
  assert.match(
    validationMarkdown([v]),
    /\| add \| none \| 0 \| — \| — of 0 \| no reference solution: the tests load/,
  );
});

Deno.test("validateSuite() fails a task without a reference whose tests do not load", async () => {
  const dir = await referenceless(`import { add } from "./solution.ts";
export const cases = { "adds": () => { add(1, 2) ) }, "adds negatives": () => {} };`);
  const [v] = await validateSuite(await loadSuite(dir), { isolation: "none" });
  assert.equal(v.problems.length, 1);
  assert.match(v.problems[0], /no reference solution, and the tests do not load/);
});

Deno.test("validateSuite() fails a task without a reference whose tests lack a declared case", async () => {
  const dir = await referenceless(`import { add } from "./solution.ts";
export const cases = { "adds": () => { try { add(1, 2); } catch { /* the stub throws */ } } };`);
  const [v] = await validateSuite(await loadSuite(dir), { isolation: "none" });
  assert.equal(v.problems.length, 1);
  assert.match(
    v.problems[0],
    /1 declared case\(s\) are not defined in the tests file: adds negatives/,
  );
});

Deno.test("noReferenceStub() exports the entry as a function that throws", async () => {
  const file = await Deno.makeTempFile({ suffix: ".ts" });
  await Deno.writeTextFile(file, noReferenceStub("add"));
  const mod = await import(`file://${file}`);
  assert.throws(() => mod.add(1, 2), /no reference solution: add is a stub/);
});
