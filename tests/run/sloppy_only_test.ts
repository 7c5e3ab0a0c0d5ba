/**
 * `script` tasks through evaluate(): the benchmark's verdict stands, a pass that needs sloppy
 * mode is labelled `sloppy_only` with the variable's name, and `semantics` overrides the tasks'
 * own for a run and is recorded in the manifest.
 */
import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { join } from "node:path";
import { Task } from "../../lib/task/schema.ts";
import type { Suite } from "../../lib/task/schema.ts";
import { fixedAnswer } from "./fixed_answer.ts";

const TESTS = `import assert from "node:assert";
import { swap } from "./solution.ts";
export const cases = {
  numbers: () => assert.deepEqual(swap(1, 2), [2, 1]),
  strings: () => assert.deepEqual(swap("x", "y"), ["y", "x"]),
};`;

function suite(semantics: "module" | "script"): Suite {
  const task = Task.parse({
    id: "swap",
    title: "swap",
    language: "js",
    semantics,
    instructions: "Swap two values.",
    entry: "swap",
    signature: "function swap(a, b)",
    reference: null,
    referenceSource: null,
    testsSource: TESTS,
    cases: [{ name: "numbers", kind: "core" }, { name: "strings", kind: "core" }],
    dir: "/nonexistent",
  });
  return { name: "sloppy", dir: "/nonexistent", hash: `h-${semantics}`, tasks: [task] };
}

const manifest = async (dir: string) =>
  JSON.parse(await Deno.readTextFile(join(dir, "manifest.json")));

const LEAKY = "function swap(a, b) {\n  temp = a;\n  a = b;\n  b = temp;\n  return [a, b];\n}";
const CLEAN = "function swap(a, b) {\n  return [b, a];\n}";

for (const sandbox of ["strict", "pooled"] as const) {
  Deno.test(`evaluate() keeps a script task's pass that needs sloppy mode and labels it sloppy_only with the variable's name (${sandbox})`, async () => {
    const runsDir = await Deno.makeTempDir();
    const leaky = await evaluate(suite("script"), {
      models: [fixedAnswer("fixed:leaky", LEAKY)],
      runsDir,
      isolation: "none",
      sandbox,
    });
    const [result] = (await loadRun(leaky.dir)).results;
    assert.equal(result.passed, true, JSON.stringify(result));
    assert.deepEqual(result.labels, [{
      label: "sloppy_only",
      cases: ["numbers", "strings"],
      names: ["temp"],
      evidence: ["ReferenceError: temp is not defined"],
    }]);
    assert.equal((await manifest(leaky.dir)).params.semantics, "task");

    const clean = await evaluate(suite("script"), {
      models: [fixedAnswer("fixed:clean", CLEAN)],
      runsDir,
      isolation: "none",
      sandbox,
    });
    const [cleanResult] = (await loadRun(clean.dir)).results;
    assert.equal(cleanResult.passed, true);
    assert.equal(cleanResult.labels, undefined);
  });
}

Deno.test("evaluate() with semantics: module runs a script task as an ES module: the leaky answer fails, and the manifest says module", async () => {
  const runsDir = await Deno.makeTempDir();
  const run = await evaluate(suite("script"), {
    models: [fixedAnswer("fixed:leaky", LEAKY)],
    runsDir,
    isolation: "none",
    semantics: "module",
  });
  const [result] = (await loadRun(run.dir)).results;
  assert.equal(result.passed, false);
  assert.match(result.cases[0].message ?? "", /temp is not defined/);
  assert.equal(result.labels, undefined);
  assert.equal((await manifest(run.dir)).params.semantics, "module");
  // The override is part of the run's identity: the same run without it is another run.
  const again = await evaluate(suite("script"), {
    models: [fixedAnswer("fixed:leaky", LEAKY)],
    runsDir,
    isolation: "none",
  });
  assert.notEqual(again.dir, run.dir);
  assert.equal((await loadRun(again.dir)).results[0].passed, true);
});

Deno.test("runGaps(), the CLI summary and the report's notices count sloppy_only samples and name the variables", async () => {
  const { runGaps } = await import("../../lib/analyze/run_gaps.ts");
  const { gapsText } = await import("../../lib/cli/summary_text.ts");
  const { gapsHTML } = await import("../../lib/plot/run_notices.ts");
  const run = await evaluate(suite("script"), {
    models: [fixedAnswer("fixed:leaky", LEAKY)],
    runsDir: await Deno.makeTempDir(),
    isolation: "none",
  });
  const gaps = runGaps(await loadRun(run.dir));
  assert.deepEqual(gaps.sloppyOnly, { samples: 1, names: ["temp"] });
  assert.match(gapsText(gaps), /1 sample pass cases only in non-strict mode .*temp/);
  assert.match(
    gapsHTML(gaps),
    /1 sample\(s\) pass cases only in non-strict mode.*<code>temp<\/code>/s,
  );
});
