import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { parseFileBundle } from "../../lib/task/tree.ts";
import { fixedAnswer } from "./fixed_answer.ts";

const builtin = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);

Deno.test("evaluate() runs a files task on its tree: synthetic:reference passes every case in both answer forms", async () => {
  const suite = { ...builtin, tasks: builtin.tasks.filter((t) => t.id === "cart-discount") };
  const model = syntheticProvider("reference", suite.tasks);
  const runsDir = await Deno.makeTempDir();
  try {
    const run = await evaluate(suite, {
      models: [model],
      runsDir,
      samples: 2,
      isolation: "none",
      resume: false,
    });
    const { generations, results } = await loadRun(run.dir);
    assert.equal(results.length, 2);
    for (const r of results) {
      assert.equal(r.outcome, "completed");
      assert.ok(r.cases.every((c) => c.status === "pass"), JSON.stringify(r.cases));
      assert.equal(r.failure, null);
    }
    const texts = generations.map((g) => g.text);
    assert.ok(texts.some((t) => t.includes("```diff")), "one sample answered with a diff");
    assert.ok(texts.some((t) => t.includes("### src/cart.ts")), "one with whole files");
    for (const g of generations) {
      assert.deepEqual(parseFileBundle(g.code!), suite.tasks[0].referenceFiles);
    }
  } finally {
    await model.close();
  }
});

Deno.test("evaluate() records a diff that does not apply as no_code with the hunk as evidence", async () => {
  const task = builtin.tasks.find((t) => t.id === "cart-discount")!;
  const suite = { ...builtin, tasks: [task] };
  const bad =
    "```diff\n--- a/src/cart.ts\n+++ b/src/cart.ts\n@@ -3,1 +3,1 @@\n-const nothing = 1;\n+const nothing = 2;\n```\n";
  const model = fixedAnswer("stub:bad-diff", bad);
  const runsDir = await Deno.makeTempDir();
  const run = await evaluate(suite, {
    models: [model],
    runsDir,
    isolation: "none",
    resume: false,
  });
  const { results } = await loadRun(run.dir);
  assert.equal(results[0].outcome, "no_code");
  assert.match(
    results[0].detail,
    /^no changed files could be taken: hunk 1 of src\/cart\.ts \(@@ -3,1 \+3,1 @@\) does not apply/,
  );
  assert.equal(results[0].failure?.category, "no_code");
  assert.match(results[0].failure?.evidence[0].text ?? "", /hunk 1 of src\/cart\.ts/);
});
