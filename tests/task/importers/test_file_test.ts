import assert from "node:assert/strict";
import { runSample } from "../../../lib/sandbox/deno.ts";
import { limiter } from "../../../lib/run/pool.ts";
import { sampleJob } from "../../../lib/run/sample_job.ts";
import { importTestFile } from "../../../lib/task/importers/test_file.ts";
import type { Task } from "../../../lib/task/schema.ts";

const FIXTURES = new URL("../../../data/fixtures/importers/", import.meta.url).pathname;

const limit = limiter(3);
/** Run `code` against the task in the real sandbox, as an eval would (the task's files included). */
const run = (task: Task, code: string) =>
  limit(() => runSample(sampleJob(task, code), { isolation: "none", timeoutMs: 10_000 }));
const statuses = async (task: Task, code: string) =>
  Object.fromEntries((await run(task, code)).cases.map((c) => [c.name, c.status]));
const allPass = (task: Task) => Object.fromEntries(task.cases.map((c) => [c.name, "pass"]));

Deno.test("importTestFile() keeps a default import beside named ones, and asks for the default export", async () => {
  const [task] = (await importTestFile(`${FIXTURES}jest-default/money.test.ts`)).tasks;
  assert.equal(task.entry, "Money");
  assert.equal(task.signature, "export default class Money");
  assert.match(
    task.instructions,
    /The module must export `Money` as its default export \(`export default`\) and `CurrencyMismatchError`, `NegativeAmountError` by name\./,
  );
  assert.match(
    task.testsSource,
    /^import Money, \{ CurrencyMismatchError, NegativeAmountError \} from "\.\/solution\.ts";$/m,
  );
  assert.deepEqual(await statuses(task, task.referenceSource!), allPass(task));
  const bug = task.referenceSource!.replace(
    "this.cents + other.cents",
    "this.cents + other.cents + 1",
  );
  assert.deepEqual(await statuses(task, bug), {
    ...allPass(task),
    "Money › adds amounts of one currency": "fail",
  });
  // The default export is required: the same class exported by name only does not load.
  const named = await run(
    task,
    task.referenceSource!.replace("export default class", "export class"),
  );
  assert.ok(named.cases.every((c) => c.status !== "pass"), JSON.stringify(named.cases));
});

Deno.test("importTestFile() supports expect.extend matchers: .not, asymmetric and async", async () => {
  const [task] = (await importTestFile(`${FIXTURES}jest-extend/clamp.test.js`)).tasks;
  assert.equal(task.language, "js");
  assert.equal(task.cases.length, 5);
  assert.deepEqual(await statuses(task, task.referenceSource!), allPass(task));
  const bug = task.referenceSource!.replace(
    "Math.min(hi, Math.max(lo, value))",
    "Math.max(lo, value)",
  );
  assert.deepEqual(await statuses(task, bug), {
    ...allPass(task),
    "clamp › clamps values below and above": "fail",
    "clamp › works as an asymmetric matcher": "fail",
    "clamp › async matchers are awaited": "fail",
  });
});
