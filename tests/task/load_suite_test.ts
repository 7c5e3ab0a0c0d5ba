import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSuite, SuiteError } from "../../lib/task/load_suite.ts";

const FIXTURES = new URL("../../data/fixtures/", import.meta.url).pathname;

Deno.test("loadSuite() loads a folder suite sorted by id with sources and a content hash", async () => {
  const suite = await loadSuite(join(FIXTURES, "suite-tiny"));
  assert.deepEqual(suite.tasks.map((t) => t.id), ["clamp", "sum-evens"]);
  assert.equal(suite.name, "suite-tiny");
  assert.match(suite.hash, /^[0-9a-f]{64}$/);
  assert.match(suite.tasks[0].referenceSource!, /export function clamp/);
  assert.match(suite.tasks[0].testsSource, /\.\/solution\.ts/);
  assert.equal(suite.tasks[0].timeoutMs, 5_000, "defaults are applied");
});

Deno.test("loadSuite() names the file and the field when a field is missing", async () => {
  const error = await loadSuite(join(FIXTURES, "suite-broken")).then(() => null, (e) => e);
  assert.ok(error instanceof SuiteError);
  assert.equal(error.problems.length, 1);
  assert.match(error.problems[0], /suite-broken\/no-entry\/task\.json": entry is required/);
});

Deno.test("loadSuite() reports every problem at once: bad JSON, missing files, duplicate ids and case names", async () => {
  const dir = await Deno.makeTempDir();
  const task = (id: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id,
      title: "t",
      instructions: "do it",
      entry: "f",
      signature: "export function f(): void",
      cases: [{ name: "a", kind: "core" }],
      ...extra,
    });
  await Deno.mkdir(join(dir, "a"));
  await Deno.writeTextFile(join(dir, "a", "task.json"), "{ not json");
  await Deno.mkdir(join(dir, "b"));
  await Deno.writeTextFile(
    join(dir, "b", "task.json"),
    task("b", { cases: [{ name: "x", kind: "core" }, { name: "x", kind: "side" }] }),
  );
  await Deno.mkdir(join(dir, "c"));
  await Deno.writeTextFile(join(dir, "c", "task.json"), task("c"));
  const error = await loadSuite(dir).then(() => null, (e) => e) as SuiteError;
  const text = error.problems.join("\n");
  assert.match(text, /a\/task\.json": not valid JSON/);
  assert.match(text, /b\/task\.json": cases\.1\.kind: /);
  assert.match(text, /c\/task\.json": reference: file "reference\.ts" does not exist/);
  assert.match(text, /c\/task\.json": tests: file "tests\.ts" does not exist/);
});

Deno.test("loadSuite() hash changes when a test file changes", async () => {
  const dir = await Deno.makeTempDir();
  await new Deno.Command("cp", { args: ["-r", join(FIXTURES, "suite-tiny"), dir] }).output();
  const root = join(dir, "suite-tiny");
  const before = (await loadSuite(root)).hash;
  await Deno.writeTextFile(join(root, "clamp", "tests.ts"), "\n// changed", { append: true });
  assert.notEqual((await loadSuite(root)).hash, before);
});

Deno.test("loadSuite() rejects a folder without tasks", async () => {
  const dir = await Deno.makeTempDir();
  await assert.rejects(loadSuite(dir), /no task folders/);
});

Deno.test("loadSuite() accepts a task without a reference (reference: null)", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "t"));
  await Deno.writeTextFile(
    join(dir, "t", "task.json"),
    JSON.stringify({
      id: "t",
      title: "t",
      instructions: "do it",
      entry: "f",
      signature: "export function f(): void",
      reference: null,
      cases: [{ name: "a", kind: "core" }],
    }),
  );
  await Deno.writeTextFile(
    join(dir, "t", "tests.ts"),
    'import { f } from "./solution.ts";\nexport const cases = { a: () => f() };\n',
  );
  const suite = await loadSuite(dir);
  assert.equal(suite.tasks[0].referenceSource, null);
});
