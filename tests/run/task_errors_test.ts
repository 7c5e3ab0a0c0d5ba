import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { summarize } from "../../lib/analyze/summary.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { validateSuite } from "../../lib/run/validate_suite.ts";
import { undefinedCasesProblem } from "../../lib/run/task_problem.ts";
import { tinySuite } from "../cli/_cli.ts";

async function evaluateTiny(dir: string) {
  const suite = await loadSuite(dir);
  const model = syntheticProvider("reference", suite.tasks);
  try {
    const evaluation = await evaluate(suite, {
      models: [model],
      runsDir: await Deno.makeTempDir(),
      samples: 2,
      isolation: "none",
    });
    return { evaluation, run: await loadRun(evaluation.dir), suite };
  } finally {
    await model.close();
  }
}

Deno.test("evaluate() charges a tests file with a syntax error to the task, not to the model (finding 5)", async () => {
  const dir = await tinySuite(async (d) => {
    const path = join(d, "clamp/tests.ts");
    await Deno.writeTextFile(
      path,
      (await Deno.readTextFile(path)).replace(
        '"inside the range": () =>',
        '"inside the range": () => =>',
      ),
    );
  });
  const { evaluation, run } = await evaluateTiny(dir);
  assert.match(evaluation.taskErrors.clamp, /^tests\.ts does not parse: .* at line \d+:\d+/);
  assert.equal(
    run.results.filter((r) => r.task === "clamp").length,
    0,
    "no clamp sample is scored",
  );
  assert.equal(run.unjudged.length, 2, "its samples are recorded apart");
  assert.ok(run.unjudged.every((r) => r.taskError === evaluation.taskErrors.clamp));
  const [row] = summarize(run);
  assert.equal(row.samples, 2, "n counts only the judged task's samples");
  assert.equal(row.passRate, 1, "the reference model passes every task that can be judged");
  assert.match(run.manifest.taskErrors?.clamp ?? "", /does not parse/);
});

Deno.test("evaluate() makes a declared case that tests.ts does not define a task error, not a model crash (finding 5)", async () => {
  const dir = await tinySuite(async (d) => {
    const path = join(d, "sum-evens/task.json");
    const task = JSON.parse(await Deno.readTextFile(path));
    task.cases.push({ name: "a case nobody wrote", kind: "core" });
    await Deno.writeTextFile(path, JSON.stringify(task));
  });
  const { evaluation, run } = await evaluateTiny(dir);
  assert.equal(
    evaluation.taskErrors["sum-evens"],
    "declared case(s) not defined in tests.ts: a case nobody wrote",
  );
  assert.ok(run.results.every((r) => r.task === "clamp" && r.passed));
  assert.equal(run.unjudged.length, 2);
});

Deno.test("validateSuite() fails a task whose tests do not parse instead of claiming its mutants killed (finding 5)", async () => {
  const dir = await tinySuite(async (d) => {
    const path = join(d, "clamp/tests.ts");
    await Deno.writeTextFile(
      path,
      (await Deno.readTextFile(path)) + "\nexport const broken = {;\n",
    );
  });
  const validations = await validateSuite(await loadSuite(dir), {
    isolation: "none",
    referenceRuns: 1,
  });
  const clamp = validations.find((v) => v.task === "clamp")!;
  assert.equal(clamp.killRate, null, "no kill rate from tests that cannot run");
  assert.equal(clamp.mutants.length, 0);
  assert.match(clamp.problems.join("\n"), /the task cannot be judged: tests\.ts does not parse/);
  const evens = validations.find((v) => v.task === "sum-evens")!;
  assert.deepEqual(evens.problems, []);
});

Deno.test("undefinedCasesProblem() trusts only the runner's own words: a candidate's look-alike error stays the model's failure", () => {
  const verdict = (
    message: string,
  ) => [{ name: "a", kind: "core" as const, status: "error" as const, message, ms: 0 }];
  assert.equal(
    undefinedCasesProblem(verdict('test case "a" is not defined in tests.ts')),
    "declared case(s) not defined in tests.ts: a",
  );
  assert.equal(
    undefinedCasesProblem(verdict('Error: test case "a" is not defined in tests.ts')),
    null,
  );
  assert.equal(
    undefinedCasesProblem(
      verdict('thrown non-Error value: test case "a" is not defined in tests.ts'),
    ),
    null,
  );
});
