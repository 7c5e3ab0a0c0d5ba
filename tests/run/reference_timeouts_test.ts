import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { referenceTimeouts } from "../../lib/run/reference_timeouts.ts";
import { runSample } from "../../lib/sandbox/deno.ts";
import type { SandboxJob } from "../../lib/sandbox/sandbox.ts";
import { loadSuite } from "../../lib/task/load.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const suite = await loadSuite(join(ROOT, "data/fixtures/suite-tiny"));

Deno.test("referenceTimeouts() scales each task's limit with its reference's measured time", async () => {
  const seen: SandboxJob[] = [];
  // A machine on which every reference takes 400 ms: the limits follow it.
  const slow = (job: SandboxJob) => {
    seen.push(job);
    return runSample(job, { isolation: "none" }).then((r) => ({ ...r, execMs: 400 }));
  };
  const limits = await referenceTimeouts(suite.tasks, slow, { factor: 10, floorMs: 1000 });
  const withReference = suite.tasks.filter((t) => t.referenceSource !== null);
  assert.equal(seen.length, withReference.length);
  for (const t of withReference) {
    assert.deepEqual(limits[t.id], { referenceMs: 400, timeoutMs: 4000 });
  }
  // A fast machine: the floor holds.
  const fast = await referenceTimeouts(
    suite.tasks,
    (job) => runSample(job, { isolation: "none" }).then((r) => ({ ...r, execMs: 3 })),
  );
  for (const t of withReference) assert.equal(fast[t.id].timeoutMs, 1000);
  // A reference that does not pass here derives nothing: the declared limit stays.
  const failing = await referenceTimeouts(
    suite.tasks,
    (job) => runSample({ ...job, code: "export {};" }, { isolation: "none" }),
  );
  assert.deepEqual(failing, {});
});

Deno.test("evaluate() records the derived limits in the manifest and runs samples under them", async () => {
  const runsDir = await Deno.makeTempDir();
  const model = syntheticProvider("reference", suite.tasks);
  try {
    const run = await loadRun(
      (await evaluate(suite, {
        models: [model],
        runsDir,
        isolation: "none",
        sandbox: "pooled",
        referenceTimeouts: { floorMs: 1500 },
        resume: false,
      })).dir,
    );
    const timeouts = run.manifest.timeouts!;
    assert.deepEqual(Object.keys(timeouts).sort(), suite.tasks.map((t) => t.id).sort());
    for (const t of Object.values(timeouts)) assert.ok(t.timeoutMs >= 1500 && t.referenceMs >= 0);
    assert.ok(run.results.every((r) => r.outcome === "completed"));
    assert.equal(run.manifest.params.sandbox, "pooled");
  } finally {
    await model.close();
    await Deno.remove(runsDir, { recursive: true });
  }
});
