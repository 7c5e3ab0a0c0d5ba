import assert from "node:assert/strict";
import { runSample } from "../../../lib/sandbox/deno.ts";
import { limiter } from "../../../lib/run/limiter.ts";
import { sampleJob } from "../../../lib/run/sample_job.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
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

/** The sandbox the importer collects names in, as the CLI passes it (no bubblewrap here: as `run`). */
const sandbox = (job: Parameters<typeof runSample>[0]) =>
  limit(() => runSample(job, { isolation: "none", timeoutMs: 10_000 }));

Deno.test("importTestFile() carries the modules the test file and the reference import, transitively, as context", async () => {
  const suite = await importTestFile(`${FIXTURES}jest-siblings/cart.test.ts`, {
    runInSandbox: sandbox,
  });
  const [task] = suite.tasks;
  assert.equal(task.entry, "Cart");
  assert.equal(task.context, "context");
  assert.deepEqual(Object.keys(task.contextFiles).sort(), [
    "helpers.ts",
    "pricing/codes.ts",
    "pricing/discount.js",
    "types.ts",
  ]);
  // Exact file names (Deno resolves no extensions); the module under test is solution.ts.
  assert.match(task.contextFiles["helpers.ts"], /import \{ Cart \} from "\.\/solution\.ts";/);
  assert.match(task.contextFiles["pricing/discount.js"], /from "\.\/codes\.ts";/);
  assert.match(task.referenceSource!, /from "\.\/pricing\/discount\.js";/);
  assert.match(task.testsSource, /import \{ cartOf, item \} from "\.\/helpers\.ts";/);
  assert.match(task.testsSource, /import \{ CODES \} from "\.\/pricing\/codes\.ts";/);
  assert.match(task.instructions, /saved as `solution\.ts` beside the existing files shown/);
  assert.match(suite.notes.at(-1)!, /^modules carried as context: helpers\.ts, pricing\/codes\.ts/);
  assert.deepEqual(await statuses(task, task.referenceSource!), allPass(task));
  const bug = task.referenceSource!.replace("sum + i.cents * i.quantity", "sum + i.cents");
  assert.deepEqual(await statuses(task, bug), {
    ...allPass(task),
    "Cart › totals price times quantity": "fail",
  });
});

Deno.test("importTestFile() refuses a sibling module outside the test file's folder, naming the file and the import", async () => {
  const dir = await Deno.makeTempDir();
  await Deno.mkdir(`${dir}/tests`);
  await Deno.writeTextFile(`${dir}/shared.ts`, "export const two = 2;\n");
  await Deno.writeTextFile(`${dir}/tests/thing.ts`, "export const thing = () => 2;\n");
  await Deno.writeTextFile(
    `${dir}/tests/thing.test.ts`,
    'import { thing } from "./thing";\nimport { two } from "../shared";\ntest("two", () => expect(thing()).toBe(two));\n',
  );
  const error = await importTestFile(`${dir}/tests/thing.test.ts`).then(() => null, (e) => e);
  assert.ok(error instanceof ImportError, String(error));
  assert.match(
    error.message,
    /^Cannot import ".*thing\.test\.ts": ".*\/tests\/thing\.test\.ts": line 2: imports: "\.\.\/shared" resolves to ".*\/shared\.ts", outside the test file's folder ".*\/tests": only modules inside it are carried/,
  );
  await Deno.remove(dir, { recursive: true });
});

Deno.test("importTestFile() collects tests registered in helpers and loops by running the registration phase in the sandbox", async () => {
  const file = `${FIXTURES}jest-loops/roman.test.js`;
  // Static reading alone cannot name them: the file is refused, saying why.
  await assert.rejects(
    importTestFile(file),
    /line 6: tests: test\(…\) inside function roundTrip\(…\) cannot be named statically[\s\S]*line 13: tests: it\(…\) inside another statement cannot be named statically[\s\S]*no sandbox was given/,
  );
  const suite = await importTestFile(file, { runInSandbox: sandbox });
  const [task] = suite.tasks;
  assert.deepEqual(task.cases.map((c) => c.name), [
    "toRoman › writes 1 as I",
    "toRoman › writes 4 as IV",
    "toRoman › writes 9 as IX",
    "toRoman › writes 14 as XIV",
    "toRoman › writes 40 as XL",
    "toRoman › writes 1994 as MCMXCIV",
    "toRoman › rejects zero",
    "fromRoman › reads I",
    "fromRoman › reads IV",
    "fromRoman › reads IX",
    "fromRoman › reads XIV",
    "fromRoman › reads XL",
    "fromRoman › reads MCMXCIV",
    "round-trips 3",
    "round-trips 3999",
    "round-trips 3 (2)",
  ]);
  assert.deepEqual(task.tags, ["test-file", "tests-collected:executed", "skipped:1"]);
  assert.deepEqual(suite.notes, [
    "test names collected by executing the file's registration phase in the sandbox (16 tests)",
    "skipped 1: fromRoman › reads lower case (skip)",
  ]);
  assert.deepEqual(await statuses(task, task.referenceSource!), allPass(task));
  const bug = task.referenceSource!.replace('[4, "IV"], ', "");
  assert.deepEqual(await statuses(task, bug), {
    ...allPass(task),
    "toRoman › writes 4 as IV": "fail",
    "toRoman › writes 14 as XIV": "fail",
    "toRoman › writes 1994 as MCMXCIV": "fail",
  });
});

Deno.test("importTestFile() falls back to static reading when the registration phase fails, and says so", async () => {
  const suite = await importTestFile(`${FIXTURES}jest/slugify.spec.ts`, {
    runInSandbox: () => Promise.reject(new Error("no sandbox here")),
  });
  assert.deepEqual(suite.tasks[0].tags, ["test-file", "tests-collected:static", "skipped:3"]);
  assert.equal(
    suite.notes[0],
    "test names collected by static reading: (running the registration phase in the sandbox was not possible: the sandbox could not run it: no sandbox here)",
  );
});
