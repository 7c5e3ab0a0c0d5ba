import assert, { AssertionError } from "node:assert";
import { inspect, isDeepStrictEqual } from "node:util";
import { runSample } from "../../../lib/sandbox/deno.ts";
import { limiter } from "../../../lib/run/limiter.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
import { convertTestFile } from "../../../lib/task/importers/jest.ts";
import { jestRuntime } from "../../../lib/task/importers/jest_runtime.ts";
import { importTestFile } from "../../../lib/task/importers/test_file.ts";
import type { Task } from "../../../lib/task/schema.ts";

const FIXTURES = new URL("../../../data/fixtures/importers/", import.meta.url).pathname;

const limit = limiter(3);
const run = (task: Task, code: string) =>
  limit(() =>
    runSample(
      { code, testsSource: task.testsSource, cases: task.cases, entry: task.entry },
      { isolation: "none", timeoutMs: 5_000 },
    )
  );

Deno.test("convertTestFile() prefixes describe names, lists skipped tests and numbers repeated names", () => {
  const out = convertTestFile(`
const { parse } = require("../lib/parse.js");
describe("parse", function () {
  test("numbers", () => { expect(parse("1")).toBe(1); });
  describe.skip("later", () => {
    it("everything here is skipped", () => {});
  });
  it.each([1, 2])("each %s", (n) => {});
  test.each\`
    a    | b
    \${1} | \${2}
  \`("table $a", ({ a, b }) => {});
  xtest("xtest", () => {});
  it.todo("todo");
  it("numbers", () => {});
  it.only("only runs like a plain test", () => {});
});
test(\`template name\`, async () => {});
`);
  assert.deepEqual(out.problems, []);
  assert.deepEqual(out.tests.map((t) => t.name), [
    "parse › numbers",
    "parse › numbers (2)",
    "parse › only runs like a plain test",
    "template name",
  ]);
  assert.deepEqual(out.skipped.map((s) => `${s.reason}: ${s.name}`), [
    "skip: parse › later › everything here is skipped",
    "each: parse › each %s",
    "each: parse › table $a",
    "skip: parse › xtest",
    "todo: parse › todo",
  ]);
  assert.deepEqual(out.imported, ["parse"]);
  assert.match(out.testsSource, /import \{ parse \} from "\.\/solution\.ts";/);
});

Deno.test("convertTestFile() reads the Deno.test forms", () => {
  const out = convertTestFile(`
import { assertEquals } from "node:assert";
import { f } from "./f.ts";
Deno.test("plain", () => {});
Deno.test("with options", { sanitizeOps: false }, () => {});
Deno.test({ name: "object form", fn() {} });
Deno.test({ fn: () => {}, name: 'name after fn' });
Deno.test(async function namedFunction() {});
Deno.test({ name: "ignored", ignore: true, fn() {} });
Deno.test.ignore("ignored too", () => {});
`);
  assert.deepEqual(out.problems, []);
  assert.deepEqual(out.tests.map((t) => t.name), [
    "plain",
    "with options",
    "object form",
    "name after fn",
    "namedFunction",
  ]);
  assert.deepEqual(out.skipped.map((s) => s.reason), ["ignore", "ignore"]);
  assert.match(out.testsSource, /import \{ assertEquals \} from "node:assert";/);
  assert.match(out.testsSource, /const Deno = __assay\.deno;/);
});

Deno.test("convertTestFile() reports what it cannot convert, with lines", () => {
  const out = convertTestFile(`import { render } from "@testing-library/react";
import { f } from "./f";
const name = "computed";
it(name, () => {});
for (const n of [1, 2]) {
  it("in a loop " + n, () => {});
}
`);
  assert.deepEqual(out.problems, [
    'line 1: imports: cannot import "@testing-library/react": only node: built-ins, the module under test and modules beside it are available in the sandbox',
    "line 4: tests: the name of it(…) must be a string literal",
    "line 6: tests: it(…) inside another statement cannot be named statically (loops and conditions are not supported)",
  ]);
});

Deno.test("jestRuntime() expect supports the common matchers, .not, resolves and rejects", async () => {
  const { expect } = jestRuntime({ AssertionError, isDeepStrictEqual, inspect }).globals;
  class Point {
    constructor(public x: number, public y?: number) {}
  }
  expect(1).toBe(1);
  expect({ a: 1, b: undefined }).toEqual({ a: 1 });
  expect(new Point(1)).toEqual({ x: 1 });
  expect(new Point(1)).not.toStrictEqual({ x: 1, y: undefined });
  expect([1, [2, { c: new Set([3]) }]]).toStrictEqual([1, [2, { c: new Set([3]) }]]);
  expect(1).toBeTruthy();
  expect("").toBeFalsy();
  expect(null).toBeNull();
  expect(undefined).toBeUndefined();
  expect(0).toBeDefined();
  expect([1, 2, 3]).toContain(2);
  expect("team").not.toContain("I");
  expect([{ a: 1 }]).toContainEqual({ a: 1 });
  expect("abc").toHaveLength(3);
  expect(() => {
    throw new RangeError("too big");
  }).toThrow(RangeError);
  expect(() => {
    throw new Error("too big");
  }).toThrow(/big/);
  expect(() => {}).not.toThrow();
  expect(2).toBeGreaterThan(1);
  expect(2).toBeGreaterThanOrEqual(2);
  expect(1).toBeLessThan(2);
  expect(2).toBeLessThanOrEqual(2);
  expect(0.1 + 0.2).toBeCloseTo(0.3);
  expect(0.1 + 0.2).not.toBeCloseTo(0.31, 5);
  expect("hello world").toMatch(/wor/);
  expect("hello").toMatch("ell");
  expect({ a: 1, b: { c: 2, d: 3 } }).toMatchObject({ b: { c: 2 } });
  expect({ a: { b: [1, 2] } }).toHaveProperty("a.b", [1, 2]);
  expect(NaN).toBeNaN();
  expect([]).toBeInstanceOf(Array);
  expect({ id: 7, at: new Date() }).toEqual({ id: expect.any(Number), at: expect.anything() });
  await expect(Promise.resolve(3)).resolves.toBe(3);
  await expect(Promise.reject(new TypeError("no"))).rejects.toThrow(TypeError);
  await expect(Promise.resolve(3)).resolves.not.toBe(4);

  const fails = (fn: () => unknown) => assert.throws(fn, AssertionError);
  fails(() => expect(1).toBe(2));
  fails(() => expect({ a: 1 }).toBe({ a: 1 }));
  fails(() => expect([1, 2]).toEqual([2, 1]));
  fails(() => expect(1).not.toBe(1));
  fails(() => expect(() => {}).toThrow());
  fails(() => expect(3).toBeLessThan(2));
  fails(() => expect("x").toBeGreaterThan(1));
  await assert.rejects(expect(Promise.resolve(1)).rejects.toThrow(), AssertionError);
  await assert.rejects(expect(Promise.reject(new Error("x"))).resolves.toBe(1), AssertionError);
  try {
    expect([1, 2]).toEqual([1, 3]);
  } catch (error) {
    assert.match(
      (error as Error).message,
      /^expect\(received\)\.toEqual\(expected\)\n\nExpected: \[ 1, 3 \]\nReceived: \[ 1, 2 \]/,
    );
  }
});

Deno.test("jestRuntime() runs hooks around each test and afterAll after a block's last test", async () => {
  const rt = jestRuntime({ AssertionError, isDeepStrictEqual, inspect });
  const { describe, it, beforeAll, afterAll, beforeEach, afterEach } = rt.globals;
  const log: string[] = [];
  describe("outer", () => {
    beforeAll(() => log.push("beforeAll"));
    beforeEach(() => log.push("beforeEach"));
    afterEach(() => log.push("afterEach"));
    afterAll(() => log.push("afterAll"));
    it("one", () => log.push("one"));
    it("two with done", (done: () => void) => {
      log.push("two");
      setTimeout(done, 1);
    });
  });
  await rt.run("outer › one");
  await rt.run("outer › two with done");
  assert.deepEqual(log, [
    "beforeAll",
    "beforeEach",
    "one",
    "afterEach",
    "beforeEach",
    "two",
    "afterEach",
    "afterAll",
  ]);
  await assert.rejects(rt.run("missing"), /test "missing" was not registered/);
});

Deno.test("importTestFile() jest fixture: the module under test is the reference and passes in the sandbox", async () => {
  const suite = await importTestFile(`${FIXTURES}jest/slugify.spec.ts`, {
    edge: /edge cases/,
    runInSandbox: (job) => runSample(job, { isolation: "none", timeoutMs: 10_000 }),
  });
  const [task] = suite.tasks;
  assert.equal(suite.name, "slugify");
  assert.equal(task.id, "slugify");
  assert.equal(task.signature, 'export function slugify(title: string, separator = "-"): string');
  assert.equal(task.reference, "slugify.ts");
  assert.deepEqual(task.tags, ["test-file", "tests-collected:executed", "skipped:3"]);
  assert.deepEqual(suite.notes.slice(1), [
    "skipped 3: slugify › edge cases › keeps emoji (not yet) (skip); slugify › is skipped with xit (skip); slugify › handles right-to-left scripts (todo)",
  ]);
  assert.deepEqual(task.cases.map((c) => c.kind), [
    "core",
    "core",
    "edge",
    "edge",
    "edge",
    "core",
    "core",
    "core",
  ]);
  const good = await run(task, task.referenceSource!);
  assert.equal(good.outcome, "completed", good.stderr);
  assert.deepEqual(good.cases.map((c) => c.status), task.cases.map(() => "pass"));
  const bad = await run(task, task.referenceSource!.replace(".join(separator)", '.join("-")'));
  assert.deepEqual(bad.cases.filter((c) => c.status !== "pass").map((c) => c.name), [
    "slugify › uses a custom separator",
  ]);
});

Deno.test("importTestFile() Deno.test fixture: passes with the reference, fails with a wrong answer", async () => {
  const suite = await importTestFile(`${FIXTURES}deno/word_count_spec.ts`);
  const [task] = suite.tasks;
  assert.equal(task.entry, "wordCount");
  assert.deepEqual(task.cases.map((c) => c.name), [
    "counts repeated words",
    "is case-insensitive",
    "empty text has no words",
    "keepsApostrophes",
    "steps run in order",
  ]);
  const good = await run(task, task.referenceSource!);
  assert.deepEqual(good.cases.map((c) => c.status), task.cases.map(() => "pass"));
  const bad = await run(
    task,
    "export const wordCount = (text: string) => new Map(text.split(' ').map((w) => [w, 1]));",
  );
  assert.deepEqual(bad.cases.map((c) => c.status), ["fail", "fail", "fail", "pass", "pass"]);
});

Deno.test("importTestFile() throws an ImportError naming the file and line", async () => {
  const file = await Deno.makeTempFile({ suffix: ".test.ts" });
  await Deno.writeTextFile(
    file,
    'import { x } from "./x";\nimport lodash from "lodash";\ntest("a", () => {});\n',
  );
  const error = await importTestFile(file).then(() => null, (e) => e);
  assert.ok(error instanceof ImportError);
  assert.match(
    error.message,
    /^Cannot import ".*\.test\.ts": line 2: imports: cannot import "lodash"/,
  );
});
