import assert from "node:assert/strict";
import { join } from "node:path";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { PERTURBATIONS, perturbTask } from "../../lib/prompt/perturb.ts";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { runSample } from "../../lib/sandbox/deno.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const builtin = await loadSuite(join(ROOT, "tasks/builtin"));
const tiny = await loadSuite(join(ROOT, "data/fixtures/suite-tiny"));

Deno.test("perturbTask() is deterministic and changes what the model sees", () => {
  for (const name of PERTURBATIONS) {
    let changed = 0;
    for (const task of builtin.tasks) {
      const a = perturbTask(task, name, 7);
      assert.deepEqual(a, perturbTask(task, name, 7), `${name} on ${task.id} is deterministic`);
      if (a.instructions !== task.instructions || a.signature !== task.signature) changed++;
      assert.equal(a.id, task.id);
      assert.deepEqual(a.cases, task.cases, "the tests' cases never change");
    }
    assert.ok(
      changed >= builtin.tasks.length / 2,
      `${name} changed ${changed} of ${builtin.tasks.length} prompts`,
    );
  }
});

Deno.test("perturbTask() keeps every instruction word for reorder and formatting", () => {
  const words = (s: string) => (s.match(/\w+/g) ?? []).sort().join(" ");
  for (const task of builtin.tasks) {
    for (const name of ["reorder", "formatting"] as const) {
      assert.equal(
        words(perturbTask(task, name, 3).instructions),
        words(task.instructions),
        `${name} on ${task.id}`,
      );
    }
  }
});

Deno.test("perturbTask() rename_entry: the tests follow, so the renamed reference still passes in the sandbox", async () => {
  for (const task of builtin.tasks.filter((t) => t.answer === "code").slice(0, 4)) {
    const p = perturbTask(task, "rename_entry", 1);
    assert.notEqual(p.entry, task.entry);
    assert.ok(p.signature.includes(p.entry));
    const renamed = task.referenceSource!.replace(new RegExp(`\\b${task.entry}\\b`, "g"), p.entry);
    const r = await runSample({
      code: renamed,
      testsSource: p.testsSource,
      cases: p.cases,
      entry: p.entry,
    }, { isolation: "none" });
    assert.ok(
      r.cases.every((c) => c.status === "pass"),
      `${task.id}: ${r.detail} ${r.cases.map((c) => c.message).join(" ")}`,
    );
    const old = await runSample({
      code: task.referenceSource!,
      testsSource: p.testsSource,
      cases: p.cases,
      entry: p.entry,
    }, { isolation: "none" });
    assert.equal(old.outcome, "load_error", "the old name no longer satisfies the tests");
  }
});

Deno.test("evaluate() with perturbations: the reference model stays correct under every one, as <variant>+<perturbation>", async () => {
  const model = syntheticProvider("reference", tiny.tasks);
  try {
    const evaluation = await evaluate(tiny, {
      models: [model],
      runsDir: await Deno.makeTempDir(),
      perturbations: [...PERTURBATIONS],
      isolation: "none",
      resume: false,
    });
    const run = await loadRun(evaluation.dir);
    const variants = new Set(run.results.map((r) => r.variant));
    assert.deepEqual(
      [...variants].sort(),
      ["plain", ...PERTURBATIONS.map((p) => `plain+${p}`)].sort(),
    );
    assert.equal(run.results.length, tiny.tasks.length * (1 + PERTURBATIONS.length));
    const failing = run.results.filter((r) => !r.passed).map((r) =>
      `${r.task} ${r.variant}: ${r.detail}`
    );
    assert.deepEqual(failing, []);
  } finally {
    await model.close();
  }
});
