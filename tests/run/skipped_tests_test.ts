import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { validateSuite } from "../../lib/run/validate_suite.ts";
import { validationMarkdown } from "../../lib/run/validation_markdown.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { tinySuite } from "../cli/_cli.ts";

/** The tiny suite with clamp tagged as the jest importer tags a file with two `it.skip` tests. */
const skippedSuite = () =>
  tinySuite(async (d) => {
    const path = join(d, "clamp/task.json");
    const task = JSON.parse(await Deno.readTextFile(path));
    await Deno.writeTextFile(path, JSON.stringify({ ...task, tags: [...task.tags, "skipped:2"] }));
  });

Deno.test("evaluate() records each task's skipped tests in the manifest", async () => {
  const dir = await skippedSuite();
  const suite = await loadSuite(dir);
  const model = syntheticProvider("reference", suite.tasks);
  try {
    const evaluation = await evaluate(suite, {
      models: [model],
      runsDir: await Deno.makeTempDir(),
      isolation: "none",
      referenceTimeouts: false,
    });
    assert.deepEqual((await loadRun(evaluation.dir)).manifest.skippedTests, { clamp: 2 });
  } finally {
    await model.close();
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validateSuite() counts a task's skipped tests and validationMarkdown() shows them with a legend", async () => {
  const dir = await skippedSuite();
  try {
    const validations = await validateSuite(await loadSuite(dir), {
      isolation: "none",
      referenceRuns: 1,
    });
    assert.deepEqual(validations.map((v) => [v.task, v.skipped]), [
      ["clamp", 2],
      ["sum-evens", undefined],
    ]);
    const md = validationMarkdown(validations);
    assert.match(
      md,
      /^\| task \| reference \| mutants \| killed \| edge kills boundary mutants \| skipped tests \| status \|$/m,
    );
    assert.match(md, /^\| clamp \| 1\/1 pass \| .* \| 2 \| ok \|$/m);
    assert.match(md, /^\| sum-evens \| 1\/1 pass \| .* \| 0 \| ok \|$/m);
    assert.match(md, /^skipped tests: tests the importer left out of the task/m);
    // A suite without skipped tests keeps the table as it was.
    assert.doesNotMatch(
      validationMarkdown(validations.map(({ skipped: _, ...v }) => v)),
      /skipped/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
