import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { ROOT } from "../cli/_cli.ts";
import { fixedAnswer } from "./fixed_answer.ts";

const FENCE = "`".repeat(3);

Deno.test("evaluate() records every change the harness made to an answer: the fence stripped, the export added (finding 9)", async () => {
  const suite = await loadSuite(join(ROOT, "data/fixtures/suite-tiny"));
  const source =
    (await Deno.readTextFile(join(ROOT, "data/fixtures/suite-tiny/clamp/reference.ts")))
      .replace(/export\s+function/, "function");
  const model = fixedAnswer(
    "fixed:no-export",
    `Here you go:\n${FENCE}ts\n${source}${FENCE}\nHope it helps.`,
  );
  const evaluation = await evaluate({
    ...suite,
    tasks: suite.tasks.filter((t) => t.id === "clamp"),
  }, {
    models: [model],
    runsDir: await Deno.makeTempDir(),
    isolation: "none",
  });
  const [result] = (await loadRun(evaluation.dir)).results;
  assert.equal(result.passed, true, JSON.stringify(result));
  const changes = result.harnessChanges ?? [];
  assert.ok(
    changes.some((c) => /fenced block/.test(c)),
    `fence recorded: ${JSON.stringify(changes)}`,
  );
  assert.ok(
    changes.some((c) => /export \{ clamp \}/.test(c)),
    `export recorded: ${JSON.stringify(changes)}`,
  );
});
