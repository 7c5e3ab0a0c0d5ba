import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { slowSuite } from "../run/_slow_suite.ts";
import { evalTiny, onlyRun } from "./_cli.ts";

Deno.test("eval judges a slow reference's correct answers and names the task at the end of the run", async () => {
  const dir = await slowSuite(1500);
  const runsDir = await Deno.makeTempDir();
  try {
    const out = await evalTiny(runsDir, [
      "--suite",
      dir,
      "--model",
      "synthetic:reference",
      "--sandbox",
      "strict",
      "--reference-ceiling-ms",
      "10000",
    ]);
    assert.equal(out.code, 0, out.stderr);
    assert.match(
      out.stdout,
      /note: 1 task\(s\) have a reference slower than their declared timeoutMs[^\n]*\n {2}- sum-evens: reference \d+ ms, declared timeoutMs 1000, samples limited to \d+ ms/,
    );
    const run = await loadRun(onlyRun(runsDir));
    assert.ok(run.results.every((r) => r.passed), "every correct answer passes");
    assert.deepEqual(run.manifest.slowReferences?.map((s) => s.task), ["sum-evens"]);
    assert.ok(run.manifest.command?.includes("--reference-ceiling-ms"));
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(runsDir, { recursive: true });
  }
});
