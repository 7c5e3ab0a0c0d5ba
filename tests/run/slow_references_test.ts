import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { planRun } from "../../lib/run/plan.ts";
import { validateSuite } from "../../lib/run/validate_suite.ts";
import { validationMarkdown } from "../../lib/run/validation_markdown.ts";
import { plain } from "../../lib/prompt/templates.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { tinySuite } from "../cli/_cli.ts";
import { slowSuite } from "./_slow_suite.ts";

async function evaluateSlow(dir: string, ceilingMs?: number) {
  const suite = await loadSuite(dir);
  const model = syntheticProvider("reference", suite.tasks);
  const runsDir = await Deno.makeTempDir();
  try {
    const evaluation = await evaluate(suite, {
      models: [model],
      runsDir,
      isolation: "none",
      resume: false,
      ...(ceilingMs ? { referenceTimeouts: { ceilingMs } } : {}),
    });
    return { evaluation, run: await loadRun(evaluation.dir) };
  } finally {
    await model.close();
  }
}

Deno.test("evaluate() measures a reference slower than its declared timeoutMs and judges a correct answer under the derived limit", async () => {
  const dir = await slowSuite(1500);
  try {
    const { evaluation, run } = await evaluateSlow(dir, 10_000);
    assert.deepEqual(evaluation.taskErrors, {});
    const limits = run.manifest.timeouts!["sum-evens"];
    assert.ok(limits.referenceMs >= 1500, `measured ${limits.referenceMs} ms`);
    assert.ok(limits.timeoutMs >= 15_000, `limit ${limits.timeoutMs} ms`);
    const r = run.results.find((x) => x.task === "sum-evens")!;
    assert.equal(r.outcome, "completed", r.detail);
    assert.equal(r.passed, true);
    assert.deepEqual(run.manifest.slowReferences, [{
      task: "sum-evens",
      referenceMs: limits.referenceMs,
      declaredTimeoutMs: 1000,
      limitMs: limits.timeoutMs,
    }]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("evaluate() makes a reference over the ceiling a task error that says so", async () => {
  const dir = await slowSuite(3000);
  try {
    const { evaluation, run } = await evaluateSlow(dir, 1200);
    assert.match(
      evaluation.taskErrors["sum-evens"],
      /^the reference did not finish within the 1200 ms reference ceiling \(declared timeoutMs 1000\): .*--reference-ceiling-ms/,
    );
    assert.equal(run.manifest.taskErrors?.["sum-evens"], evaluation.taskErrors["sum-evens"]);
    assert.equal(run.results.filter((r) => r.task === "sum-evens").length, 0);
    assert.ok(run.unjudged.every((r) => r.taskError === evaluation.taskErrors["sum-evens"]));
    assert.equal(run.manifest.slowReferences, undefined);
    assert.equal(run.manifest.timeouts?.["sum-evens"], undefined);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("planRun() hashes the reference ceiling with the other reference-limit options", async () => {
  const suite = await loadSuite(await tinySuite());
  const model = syntheticProvider("reference", suite.tasks);
  try {
    const hash = async (referenceTimeouts: unknown) =>
      (await planRun(suite, [model], [plain], {
        perturbations: [],
        samples: 1,
        seed: 0,
        settings: { referenceTimeouts },
      })).configHash;
    assert.notEqual(await hash({ ceilingMs: 1200 }), await hash({ ceilingMs: 120_000 }));
    assert.notEqual(await hash({ ceilingMs: 1200 }), await hash({}));
  } finally {
    await model.close();
    await Deno.remove(suite.dir, { recursive: true });
  }
});

Deno.test("validateSuite() measures a slow reference under the ceiling and lists it as slow", async () => {
  const dir = await slowSuite(1500);
  try {
    const suite = await loadSuite(dir);
    const validations = await validateSuite(
      { ...suite, tasks: suite.tasks.filter((t) => t.id === "sum-evens") },
      { isolation: "none", referenceRuns: 1, referenceCeilingMs: 10_000 },
    );
    const [v] = validations;
    assert.deepEqual(v.problems, []);
    assert.equal(v.referencePasses, 1);
    assert.ok(v.slowReference && v.slowReference.referenceMs >= 1500);
    assert.equal(v.slowReference.declaredTimeoutMs, 1000);
    assert.ok(v.slowReference.limitMs >= 15_000);
    assert.match(
      validationMarkdown(validations),
      /Slow references[^\n]*\n\n- sum-evens: reference \d+ ms, declared timeoutMs 1000, samples limited to \d+ ms/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validateSuite() fails a task whose reference does not finish within the ceiling", async () => {
  const dir = await slowSuite(3000);
  try {
    const suite = await loadSuite(dir);
    const [v] = await validateSuite(
      { ...suite, tasks: suite.tasks.filter((t) => t.id === "sum-evens") },
      { isolation: "none", referenceRuns: 1, referenceCeilingMs: 1200 },
    );
    assert.equal(v.problems.length, 1);
    assert.match(
      v.problems[0],
      /^the task cannot be judged: the reference did not finish within the 1200 ms reference ceiling/,
    );
    assert.equal(v.mutants.length, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
