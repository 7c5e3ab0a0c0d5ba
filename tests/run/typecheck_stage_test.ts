import { instantPass } from "./fixed_answer.ts";
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import type { ResultRecord } from "../../lib/record/result.ts";
import { typecheckRun, withDiagnostics } from "../../lib/run/typecheck_stage.ts";
import { RUN_FILES } from "../../lib/run/store.ts";
import type { Task } from "../../lib/task/schema.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const passing = {
  task: "t",
  model: "m",
  variant: "v",
  sample: 0,
  outcome: "completed",
  detail: "",
  stderr: "",
  execMs: 1,
  cases: [{ name: "adds", kind: "core", status: "pass", message: "", ms: 1 }],
  passed: true,
  passFraction: 1,
  weightedAccuracy: 1,
  bucket: "correct",
  failure: null,
} as ResultRecord;
const task = { entry: "add", testsSource: "" };
const CODE = "export const add = (a: number, b: number) => Math.sum(a, b);";
const TS2339 = {
  code: 2339,
  message: "Property 'sum' does not exist on type 'Math'.",
  line: 1,
  column: 51,
  file: "solution" as const,
};

Deno.test("withDiagnostics() in record mode keeps a passing sample passing", () => {
  const r = withDiagnostics(passing, [TS2339], CODE, task, "record");
  assert.deepEqual([r.passed, r.failure, r.diagnostics], [true, null, [TS2339]]);
});

Deno.test("withDiagnostics() in strict mode fails a passing sample with a type error", () => {
  const r = withDiagnostics(passing, [TS2339], CODE, task, "strict");
  assert.deepEqual(
    [r.passed, r.passFraction, r.weightedAccuracy, r.bucket, r.cases[0].status],
    [false, 0, -1, "wrong", "pass"],
  );
  assert.equal(r.failure?.category, "hallucinated_api");
  assert.equal(r.failure?.evidence[0].source, "typecheck");
  assert.equal(withDiagnostics(passing, [], CODE, task, "strict").passed, true);
});

Deno.test("withDiagnostics() adds type-check evidence to a failed sample", () => {
  const failed = {
    ...passing,
    cases: [{
      ...passing.cases[0],
      status: "error",
      message: "TypeError: Math.sum is not a function",
    }],
    passed: false,
    passFraction: 0,
    weightedAccuracy: -1,
    bucket: "wrong",
  } as ResultRecord;
  const r = withDiagnostics(failed, [TS2339], CODE, task, "record");
  assert.equal(r.failure?.category, "hallucinated_api");
  assert(r.failure!.evidence.some((e) => e.source === "typecheck" && e.text.startsWith("TS2339")));
});

Deno.test("evaluate() with typecheck records diagnostics per sample at the end of the run", async () => {
  const suite = await loadSuite(
    new URL("../../data/fixtures/suite-tiny", import.meta.url).pathname,
  );
  const runsDir = await Deno.makeTempDir();
  const model = syntheticProvider("default", suite.tasks);
  // Every case passes at once (instantPass): the type-check stage alone decides in strict mode.
  try {
    const e = await evaluate(suite, {
      models: [model],
      runsDir,
      samples: 2,
      executor: instantPass,
      typecheck: "strict",
    });
    const run = await loadRun(e.dir);
    assert.equal(run.manifest.params.typecheck, "strict");
    const withCode = new Set(
      run.generations.filter((g) => g.code !== null).map((g) => `${g.task}/${g.sample}`),
    );
    assert.equal(run.results.length, e.total);
    for (const r of run.results) {
      if (!withCode.has(`${r.task}/${r.sample}`)) continue;
      assert.ok(Array.isArray(r.diagnostics), `${r.task}/${r.sample} has diagnostics`);
      assert.equal(r.passed, r.diagnostics!.length === 0);
    }
    const lines = (await Deno.readTextFile(join(e.dir, "results.jsonl"))).trim().split("\n");
    assert.ok(lines.length > run.results.length); // appended again, the last record wins
  } finally {
    await model.close?.();
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test("typecheckRun() checks the last result of each sample and skips a torn last line", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const key = { task: "t", model: "m", variant: "v", sample: 0 };
    await Deno.writeTextFile(
      join(dir, RUN_FILES.generations),
      JSON.stringify({ ...key, code: CODE }) + "\n",
    );
    // The sample recorded twice (the last one counts), then a line torn by a kill mid-write.
    await Deno.writeTextFile(
      join(dir, RUN_FILES.results),
      [{ ...passing, passed: false }, passing].map((r) => JSON.stringify(r)).join("\n") +
        '\n{"task":"t","mod',
    );
    const appended: ResultRecord[] = [];
    const tsTask = { ...task, language: "ts", testsSource: "export const cases = {};\n" };
    const out = await typecheckRun(dir, () => tsTask as unknown as Task, {
      mode: "strict",
      append: (r: ResultRecord) => {
        appended.push(r);
        return Promise.resolve();
      },
    });
    assert.deepEqual(out, { checked: 1, failedByTypes: 1 });
    assert.deepEqual(appended[0].diagnostics?.map((d) => d.code), [2339]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
