import assert from "node:assert/strict";
import { join } from "node:path";
import { DATASETS } from "../../_helpers.ts";
import { runSample } from "../../../lib/sandbox/deno.ts";
import { limiter } from "../../../lib/run/limiter.ts";
import { ImportError } from "../../../lib/task/importers/import_error.ts";
import { importMultiplE } from "../../../lib/task/importers/multipl_e.ts";
import type { Task } from "../../../lib/task/schema.ts";

const FIXTURE =
  new URL("../../../data/fixtures/importers/multipl-e.jsonl", import.meta.url).pathname;
const DATASET = join(DATASETS, "multipl-e/humaneval-ts.jsonl");
const hasDataset = await Deno.stat(DATASET).then(() => true, () => false);
if (!hasDataset) {
  console.warn(`multipl_e_test.ts: ${DATASET} is missing; the dataset tests are skipped`);
}

const limit = limiter(3);
const run = (task: Task, code: string) =>
  limit(() =>
    runSample(
      { code, testsSource: task.testsSource, cases: task.cases, entry: task.entry },
      { isolation: "none", timeoutMs: 5_000 },
    )
  );

Deno.test("importMultiplE() turns each assert of test() into a named core case", async () => {
  const suite = await importMultiplE(FIXTURE);
  assert.equal(suite.name, "multipl-e");
  assert.match(suite.hash, /^[0-9a-f]{64}$/);
  assert.deepEqual(suite.tasks.map((t) => t.id), [
    "humaneval_900_add",
    "humaneval_901_pairs_summing_to",
    "mbpp_902_shout",
    "mbpp_903_count_lines",
  ]);
  const pairs = suite.tasks[1];
  assert.equal(pairs.entry, "pairs_summing_to");
  assert.equal(
    pairs.signature,
    "function pairs_summing_to(xs: number[], target: number): number[][]",
  );
  assert.equal(pairs.reference, null);
  assert.equal(pairs.referenceSource, null);
  assert.deepEqual(pairs.tags, ["multipl-e", "humaneval"]);
  assert.deepEqual(pairs.cases.map((c) => c.name), [
    "assert 1: candidate([1, 2, 3, 4], 5) → [[1, 4], [2, 3]]",
    "assert 2: candidate( [10, -2, 12, 0], 10) → [[-2, 12], [0, 10]]",
    "assert 3: candidate([], 3) → []",
    'assert 4: candidate(["not", "); numbers"].map((w) => w.length), 9) → []',
  ]);
  assert.ok(pairs.cases.every((c) => c.kind === "core"));
  assert.match(pairs.testsSource, /import assert from "node:assert";/);
  assert.match(pairs.testsSource, /const candidate = pairs_summing_to;/);
  assert.match(pairs.instructions, /^Complete the TypeScript function `pairs_summing_to` below/);
});

Deno.test("importMultiplE() fixes the tsthon/jsthon defect unless told not to, and says so in a tag", async () => {
  const fixed = await importMultiplE(FIXTURE);
  const shout = fixed.tasks.find((t) => t.id === "mbpp_902_shout")!;
  assert.match(shout.instructions, /Write a TypeScript function/);
  assert.ok(shout.tags.includes("fixed:terminology"));
  const js = fixed.tasks.find((t) => t.id === "mbpp_903_count_lines")!;
  assert.match(js.instructions, /Write a JavaScript function/);
  assert.ok(js.tags.includes("fixed:string-newline"), "a raw newline in a test string is escaped");
  assert.match(js.testsSource, /candidate\("one\\ntwo"\)/);
  assert.match(js.testsSource, /^\/\/ @ts-nocheck\n/, "JavaScript tests are not type-checked");
  assert.doesNotMatch(shout.testsSource, /@ts-nocheck/);

  const raw = await importMultiplE(FIXTURE, { fixTerminology: false });
  const rawShout = raw.tasks.find((t) => t.id === "mbpp_902_shout")!;
  assert.match(rawShout.instructions, /Write a tsthon function/);
  assert.ok(rawShout.tags.includes("defect:terminology"));
  assert.notEqual(raw.hash, fixed.hash, "options that change the tasks change the hash");
  assert.equal((await importMultiplE(FIXTURE)).hash, fixed.hash, "the hash is stable");
});

Deno.test("importMultiplE() takes the first N records with limit", async () => {
  const suite = await importMultiplE(FIXTURE, { limit: 2 });
  assert.equal(suite.tasks.length, 2);
});

Deno.test("importMultiplE() reports every malformed record with its line and field", async () => {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  const good = (await Deno.readTextFile(FIXTURE)).split("\n")[0];
  const record = JSON.parse(good);
  await Deno.writeTextFile(
    file,
    [
      good,
      JSON.stringify({
        ...record,
        name: "HumanEval_1_x",
        tests: "function test() { let candidate = add;",
      }),
      JSON.stringify({ ...record, name: "HumanEval_2_y", prompt: undefined }),
      "{broken",
      JSON.stringify({
        ...record,
        name: "HumanEval_3_z",
        tests: record.tests.replace("= add", "= other"),
      }),
    ].join("\n"),
  );
  const error = await importMultiplE(file).then(() => null, (e) => e);
  assert.ok(error instanceof ImportError);
  assert.match(error.message, new RegExp(`^Cannot import "${file}": 4 problems:`));
  assert.deepEqual(error.problems.map((p: string) => p.replace(/: .*/, ": …")), [
    "line 4: …",
    "line 2: …",
    "line 3: …",
    "line 5: …",
  ]);
  assert.match(error.problems[1], /^line 2: tests: line 1: "}" expected before the end/);
  assert.equal(error.problems[2], "line 3: prompt is required");
  assert.match(
    error.problems[3],
    /line 5: tests: binds candidate to "other" but the prompt declares "add"/,
  );
});

Deno.test("importMultiplE() fixture: correct solutions pass every case in the sandbox, wrong ones fail", async () => {
  const suite = await importMultiplE(FIXTURE);
  const byId = new Map(suite.tasks.map((t) => [t.id, t]));
  const solutions: Record<string, string> = {
    humaneval_900_add: "function add(x: number, y: number): number { return x + y; }",
    humaneval_901_pairs_summing_to:
      `function pairs_summing_to(xs: number[], target: number): number[][] {
  const sorted = [...xs].sort((a, b) => a - b);
  const out: number[][] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (sorted[i] + sorted[j] === target && sorted[i] < sorted[j]) out.push([sorted[i], sorted[j]]);
    }
  }
  return out;
}`,
    mbpp_902_shout: "function shout(s: string): string { return s.toUpperCase() + '!'; }",
    mbpp_903_count_lines:
      "function count_lines(text) { return text === '' ? 0 : text.split('\\n').length; }",
  };
  const results = await Promise.all(
    Object.entries(solutions).map(([id, code]) => run(byId.get(id)!, code)),
  );
  for (const r of results) {
    assert.deepEqual(
      r.cases.map((c) => c.status),
      r.cases.map(() => "pass"),
    );
  }
  const wrong = await run(
    byId.get("humaneval_900_add")!,
    "function add(x: number, y: number) { return x - y; }",
  );
  assert.deepEqual(wrong.cases.map((c) => c.status), ["pass", "fail", "fail"]);
});

const HAND_WRITTEN: Record<string, string> = {
  HumanEval_23_strlen: "function strlen(string: string): number {\n  return [...string].length;\n}",
  HumanEval_53_add: "function add(x: number, y: number): number {\n  return x + y;\n}",
  HumanEval_13_greatest_common_divisor:
    `function greatest_common_divisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}`,
  HumanEval_0_has_close_elements:
    `function has_close_elements(numbers: number[], threshold: number): boolean {
  const s = [...numbers].sort((a, b) => a - b);
  return s.some((x, i) => i > 0 && x - s[i - 1] < threshold);
}`,
  HumanEval_48_is_palindrome: `function is_palindrome(text: string): boolean {
  return text === [...text].reverse().join("");
}`,
};

Deno.test({
  name:
    "importMultiplE() humaneval-ts: imports every record and 5 hand-written solutions pass every case",
  ignore: !hasDataset,
  fn: async () => {
    const suite = await importMultiplE(DATASET);
    const cases = suite.tasks.reduce((n, t) => n + t.cases.length, 0);
    console.log(`humaneval-ts: ${suite.tasks.length} tasks, ${cases} cases`);
    assert.equal(suite.tasks.length, 159);
    const byTitle = new Map(suite.tasks.map((t) => [t.title, t]));
    const results = await Promise.all(
      Object.entries(HAND_WRITTEN).map(async ([name, code]) => {
        const task = byTitle.get(name);
        assert.ok(task, `${name} is imported`);
        return [name, await run(task, code)] as const;
      }),
    );
    let passed = 0;
    for (const [name, r] of results) {
      assert.equal(r.outcome, "completed", `${name}: ${r.detail}`);
      assert.ok(r.cases.every((c) => c.status === "pass"), `${name}: ${JSON.stringify(r.cases)}`);
      passed++;
    }
    const wrong = await run(
      byTitle.get("HumanEval_48_is_palindrome")!,
      "function is_palindrome(text: string): boolean { return text.length % 2 === 1; }",
    );
    const failed = wrong.cases.filter((c) => c.status === "fail").length;
    console.log(
      `humaneval-ts: ${passed}/5 hand-written solutions pass every case; the wrong one fails ${failed}/${wrong.cases.length}`,
    );
    assert.ok(failed > 0 && failed < wrong.cases.length);
  },
});

Deno.test({
  name: "importMultiplE() imports all four MultiPL-E files without a problem",
  ignore: !hasDataset,
  fn: async () => {
    const counts: string[] = [];
    for (const name of ["humaneval-ts", "mbpp-ts", "humaneval-js", "mbpp-js"]) {
      const suite = await importMultiplE(join(DATASETS, `multipl-e/${name}.jsonl`));
      counts.push(`${name} ${suite.tasks.length}`);
      assert.ok(suite.tasks.every((t) => t.cases.length > 0));
    }
    console.log(`multipl-e: ${counts.join(", ")}`);
  },
});
