import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { Dependencies, taskDependencies, TaskFile } from "../../lib/task/schema.ts";

const TASK = {
  id: "gcd",
  title: "gcd",
  instructions: "Compute the gcd.",
  entry: "gcd",
  signature: "function gcd(a: number, b: number): number",
  cases: [{ name: "small", kind: "core" }],
};

async function suiteWith(taskJson: Record<string, unknown>, suiteJson?: Record<string, unknown>) {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(join(dir, "gcd"));
  await Deno.writeTextFile(join(dir, "gcd", "task.json"), JSON.stringify(taskJson));
  await Deno.writeTextFile(
    join(dir, "gcd", "tests.ts"),
    'import { gcd } from "./solution.ts";\nexport const cases = { small: () => gcd(2, 4) };',
  );
  await Deno.writeTextFile(join(dir, "gcd", "reference.ts"), "export const gcd = () => 2;");
  if (suiteJson) await Deno.writeTextFile(join(dir, "suite.json"), JSON.stringify(suiteJson));
  return dir;
}

Deno.test("TaskFile.parse() keeps declared dependencies and leaves them absent when none", () => {
  assert.equal(TaskFile.parse(TASK).dependencies, undefined);
  assert.deepEqual(TaskFile.parse({ ...TASK, dependencies: { mathjs: "^11.0.0" } }).dependencies, {
    mathjs: "^11.0.0",
  });
  assert.equal(Dependencies.safeParse({ "@scope/pkg": "1.x" }).success, true);
});

Deno.test("loadSuite() names the file and field of a bad dependency", async () => {
  const dir = await suiteWith({ ...TASK, dependencies: { mathjs: "latest" } });
  await assert.rejects(loadSuite(dir), /task\.json": dependencies\.mathjs: must be a semver range/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadSuite() reads suite.json dependencies, and they change the suite hash", async () => {
  const plain = await suiteWith({ ...TASK, dependencies: { "heap-js": "^2.2.0" } });
  const withSuite = await suiteWith(
    { ...TASK, dependencies: { "heap-js": "^2.2.0" } },
    { name: "s", version: "1.0.0", dependencies: { mathjs: "^11.0.0" } },
  );
  const a = await loadSuite(plain);
  const b = await loadSuite(withSuite);
  assert.equal(a.dependencies, undefined);
  assert.deepEqual(b.dependencies, { mathjs: "^11.0.0" });
  assert.notEqual(a.hash, b.hash);
  assert.deepEqual(taskDependencies(b, b.tasks[0]), { "heap-js": "^2.2.0", mathjs: "^11.0.0" });
  const bad = await suiteWith(TASK, {
    name: "s",
    version: "1.0.0",
    dependencies: { x: "file:.." },
  });
  await assert.rejects(loadSuite(bad), /suite\.json": dependencies\.x: must be a semver range/);
  for (const d of [plain, withSuite, bad]) await Deno.remove(d, { recursive: true });
});
