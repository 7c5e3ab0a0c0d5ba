import assert from "node:assert/strict";
import { join } from "node:path";
import { DATASETS, ROOT } from "../../_helpers.ts";
import { runSample } from "../../../lib/sandbox/deno.ts";
import { type DependencyStore, resolveDependencies } from "../../../lib/sandbox/dep_store.ts";
import { limiter } from "../../../lib/run/limiter.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
import { importMbxp } from "../../../lib/task/importers/mbxp.ts";
import type { Task } from "../../../lib/task/schema.ts";

const FIXTURES = new URL("../../../data/fixtures/importers/", import.meta.url).pathname;
const DATASET = join(DATASETS, "mxeval/mbtsp_release_v1.2.jsonl");
const SAMPLES = join(DATASETS, "completions/mxeval-mbtsp_samples.jsonl");
const hasDataset = await Deno.stat(DATASET).then(() => Deno.stat(SAMPLES)).then(
  () => true,
  () => false,
);
if (!hasDataset) {
  console.warn(`mbxp_test.ts: ${DATASET} or ${SAMPLES} is missing; the dataset test is skipped`);
}

// The tasks' declared packages, resolved as a run resolves them: from the project's node_modules
// (mathjs, heap-js are devDependencies) or else from the npm registry (lodash), into one cache
// shared by this file's tests.
const cacheDir = await Deno.makeTempDir({ prefix: "assay-mbxp-deps-" });
const stores = new Map<string, Promise<DependencyStore | null>>();
const storeOf = (declared: Record<string, string>) => {
  const key = JSON.stringify(declared);
  if (!stores.has(key)) {
    stores.set(key, resolveDependencies(declared, { cacheDir, projectDir: ROOT }));
  }
  return stores.get(key)!;
};
globalThis.addEventListener("unload", () => {
  new Deno.Command("chmod", { args: ["-R", "u+w", cacheDir] }).outputSync();
  Deno.removeSync(cacheDir, { recursive: true });
});

const limit = limiter(3);
const run = async (task: Task, code: string) => {
  const store = task.dependencies ? await storeOf(task.dependencies) : null;
  return limit(() =>
    runSample(
      {
        code,
        testsSource: task.testsSource,
        cases: task.cases,
        entry: task.entry,
        ...(store ? { dependencies: { nodeModules: store.nodeModules } } : {}),
      },
      { isolation: "none", timeoutMs: 5_000 },
    )
  );
};

Deno.test("importMbxp() groups each actual/expected/assert triple of a TypeScript test into a case", async () => {
  const suite = await importMbxp(`${FIXTURES}mbxp-ts.jsonl`);
  const [totals, gcd] = suite.tasks;
  assert.equal(totals.id, "mbtsp_900");
  assert.equal(totals.language, "ts");
  assert.equal(
    totals.signature,
    "const running_totals = function (xs: Array<number>) : Array<number>",
  );
  assert.deepEqual(totals.cases.map((c) => c.name), [
    "assert 1: running_totals([1, 2, 3]) → [1, 3, 6]",
    "assert 2: running_totals([]) → []",
    "assert 3: running_totals([5, -5, 5]) → [5, 0, 5]",
  ]);
  assert.match(totals.testsSource, /import assert from "node:assert";/);
  assert.doesNotMatch(totals.testsSource, /from 'assert'/, "the bare specifier is rewritten");
  assert.equal(totals.reference, null, "canonical solutions are not kept by default");
  assert.ok(gcd.tags.includes("needs:mathjs"));
  assert.deepEqual(gcd.dependencies, { mathjs: "^11.0.0" }, "the imported package is declared");
  assert.equal(totals.dependencies, undefined, "no package, no dependencies");
});

Deno.test("importMbxp() keeps canonical solutions only with withReference, tagged unverified", async () => {
  const suite = await importMbxp(`${FIXTURES}mbxp-ts.jsonl`, { withReference: true });
  const [totals, gcd] = suite.tasks;
  assert.equal(totals.reference, "reference.ts");
  assert.ok(totals.tags.includes("reference:unverified"));
  const good = await run(totals, totals.referenceSource!);
  assert.deepEqual(good.cases.map((c) => c.status), ["pass", "pass", "pass"]);
  // the fixture's gcd "solution" is wrong on purpose, like many MBTSP ones; it also imports mathjs
  const bad = await run(gcd, gcd.referenceSource!);
  assert.notEqual(bad.outcome === "completed" && bad.cases.every((c) => c.status === "pass"), true);
});

Deno.test("importMbxp() converts JavaScript tests: the real lodash compares, thrown strings become AssertionErrors", async () => {
  const suite = await importMbxp(`${FIXTURES}mbxp-js.jsonl`, { withReference: true });
  const [vowels, zip] = suite.tasks;
  assert.equal(vowels.language, "js");
  assert.deepEqual(vowels.dependencies, { lodash: "^4.17.21" }, "lodash is declared");
  assert.ok(vowels.tags.includes("needs:lodash"));
  assert.ok(!vowels.tags.includes("shim:lodash"));
  assert.match(vowels.testsSource, /^import _ from "lodash";$/m);
  assert.deepEqual(vowels.cases.map((c) => c.name), [
    'assert 1: countVowels("banana") → 3',
    'assert 2: countVowels("") → 0',
    'assert 3: countVowels("rhythm") → 0',
  ]);
  assert.doesNotMatch(vowels.testsSource, /require\(/);
  assert.equal(zip.reference, null, "a null canonical_solution gives no reference");
  const r = await run(vowels, vowels.referenceSource!);
  assert.deepEqual(r.cases.map((c) => c.status), ["pass", "pass", "pass"]);
  const wrong = await run(zip, "function zipToObject(keys, values) { return { a: 1 }; }");
  assert.deepEqual(wrong.cases.map((c) => c.status), ["fail", "fail"]);
  assert.match(
    wrong.cases[0].message,
    /^AssertionError: Error at 1th assert statement\. Value = \{ a: 1 \}/,
  );
});

Deno.test("importMbxp() JavaScript tests compare as lodash does: sets equal in any order", async () => {
  const suite = await importMbxp(`${FIXTURES}mbxp-js.jsonl`, { withReference: true });
  const distinct = suite.tasks.find((t) => t.entry === "distinctValues")!;
  // lodash's isEqual compares sets as unordered collections (the former hand-written shim did not)
  const r = await run(distinct, distinct.referenceSource!);
  assert.equal(r.outcome, "completed", r.detail);
  assert.deepEqual(r.cases.map((c) => c.status), ["pass"]);
  const wrong = await run(distinct, "function distinctValues(xs) { return new Set([1, 2]); }");
  assert.deepEqual(wrong.cases.map((c) => c.status), ["fail"]);
  assert.match(
    wrong.cases[0].message,
    /^AssertionError: Error at 1th assert statement\. Value = Set\(2\)/,
  );
});

Deno.test("importMbxp() reports a record whose entry_point the prompt does not declare", async () => {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  const [first] = (await Deno.readTextFile(`${FIXTURES}mbxp-ts.jsonl`)).split("\n");
  await Deno.writeTextFile(
    file,
    `${first}\n${
      JSON.stringify({ ...JSON.parse(first), task_id: "MBTSP/2", entry_point: "other" })
    }\n`,
  );
  const error = await importMbxp(file).then(() => null, (e) => e);
  assert.ok(error instanceof ImportError);
  assert.deepEqual(error.problems, [
    'line 2: entry_point: "other" but the prompt declares "running_totals"',
  ]);
});

Deno.test({
  name:
    "importMbxp() mbtsp: the recorded sample completions of the first 100 problems run in the sandbox",
  ignore: !hasDataset,
  fn: async () => {
    const suite = await importMbxp(DATASET);
    assert.equal(suite.tasks.length, 968);
    const samples = new Map<string, string>();
    for (const line of (await Deno.readTextFile(SAMPLES)).split("\n")) {
      if (line.trim() === "") continue;
      const s = JSON.parse(line);
      samples.set(s.task_id, s.completion);
    }
    // the first 100 problems in file order (ids such as "MBTSP/1"), each with its sample
    const records = (await Deno.readTextFile(DATASET)).split("\n").filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as { task_id: string; prompt: string });
    const byTitle = new Map(suite.tasks.map((t) => [t.title.split(" ")[0], t]));
    const first = records.filter((r) => samples.has(r.task_id)).slice(0, 100);
    const results = await Promise.all(first.map(async (r) => {
      const task = byTitle.get(r.task_id)!;
      return [task, await run(task, r.prompt + samples.get(r.task_id))] as const;
    }));
    const passed = results.filter(([, r]) => r.cases.every((c) => c.status === "pass")).length;
    const needs = results.filter(([t]) => t.tags.some((g) => g.startsWith("needs:")));
    const needsPassed = needs.filter(([, r]) => r.cases.every((c) => c.status === "pass")).length;
    console.log(
      `mbtsp: ${suite.tasks.length} tasks imported; samples of the first 100 problems pass ${passed}/100 ` +
        `(${needs.length} of them import an npm package in the prompt: ${needsPassed} pass); ` +
        `load errors: ${results.filter(([, r]) => r.outcome === "load_error").length}`,
    );
    assert.ok(passed >= 60, `only ${passed}/100 samples pass`);
  },
});
