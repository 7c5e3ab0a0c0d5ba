import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { referenceTimeouts } from "../../lib/run/reference_timeouts.ts";
import { runSample } from "../../lib/sandbox/deno.ts";
import type { SandboxJob } from "../../lib/sandbox/sandbox.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { fixedAnswer } from "./fixed_answer.ts";

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
    // The cases take well under 50 ms each: every case gets the 500 ms case floor.
    const cases = Object.fromEntries(t.cases.map((c) => [c.name, 500]));
    assert.deepEqual(limits[t.id], { referenceMs: 400, timeoutMs: 4000, cases });
  }
  // Slow cases scale their own limits, never above the sample's.
  const slowCases = await referenceTimeouts(
    suite.tasks,
    (job) =>
      runSample(job, { isolation: "none" }).then((r) => ({
        ...r,
        execMs: 150,
        cases: r.cases.map((c, i) => ({ ...c, ms: i === 0 ? 120 : 80 })),
      })),
    { caseFloorMs: 100 },
  );
  for (const t of withReference) {
    const [first, second] = t.cases.map((c) => slowCases[t.id].cases[c.name]);
    assert.deepEqual([slowCases[t.id].timeoutMs, first, second], [1500, 1200, 800]);
  }
  // (The sample's time is fixed: on a loaded machine a real 1 s would lift the cap above 9 000 ms.)
  const capped = await referenceTimeouts(
    suite.tasks,
    (job) =>
      runSample(job, { isolation: "none" }).then((r) => ({
        ...r,
        execMs: 500,
        cases: r.cases.map((c) => ({ ...c, ms: 900 })),
      })),
  );
  for (const t of withReference) {
    assert.ok(Object.values(capped[t.id].cases).every((ms) => ms === capped[t.id].timeoutMs));
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
    for (const [id, t] of Object.entries(timeouts)) {
      assert.ok(t.timeoutMs >= 1500 && t.referenceMs >= 0);
      const task = suite.tasks.find((x) => x.id === id)!;
      assert.deepEqual(Object.keys(t.cases!), task.cases.map((c) => c.name));
      assert.ok(Object.values(t.cases!).every((ms) => ms >= 500 && ms <= t.timeoutMs));
    }
    assert.ok(run.results.every((r) => r.outcome === "completed"));
    assert.equal(run.manifest.params.sandbox, "pooled");
  } finally {
    await model.close();
    await Deno.remove(runsDir, { recursive: true });
  }
});

/** Answers clamp with code that hangs on exactly one edge case ("at the bounds": x === lo). */
const hangsAtBounds = () =>
  fixedAnswer(
    "test:hangs-at-bounds",
    "```ts\n" + `export function clamp(x: number, lo: number, hi: number): number {
  if (lo > hi) throw new RangeError("lo must not exceed hi");
  if (x === lo) for (;;) {}
  return Math.min(hi, Math.max(lo, x));
}` + "\n```",
  );

for (const sandbox of ["pooled", "strict"] as const) {
  Deno.test(`evaluate() [${sandbox}] stops a case at its derived limit and judges the cases after it`, async () => {
    const runsDir = await Deno.makeTempDir();
    const clamp = { ...suite, tasks: suite.tasks.filter((t) => t.id === "clamp") };
    try {
      const run = await loadRun(
        (await evaluate(clamp, {
          models: [hangsAtBounds()],
          runsDir,
          isolation: "none",
          sandbox,
          referenceTimeouts: { floorMs: 4000, caseFloorMs: 300 },
          resume: false,
        })).dir,
      );
      const limits = run.manifest.timeouts!.clamp;
      assert.equal(limits.cases!["at the bounds"], 300);
      const [r] = run.results;
      assert.equal(r.outcome, "timeout");
      assert.equal(r.detail, 'case "at the bounds" exceeded its 300 ms case limit');
      assert.deepEqual(
        r.cases.map((c) => `${c.name}: ${c.status}`),
        [
          "inside the range: pass",
          "below the range: pass",
          "above the range: pass",
          "at the bounds: timeout",
          "throws when lo > hi: pass",
          "negative range: pass",
          "a single-point range: pass",
        ],
      );
      // One failed edge case of seven: the spectrum says "almost", not "wrong".
      assert.equal(r.bucket, "almost");
      assert.equal(r.weightedAccuracy, (6 - 0.5) / 7);
      assert.equal(r.failure?.category, "timeout");
      assert.match(
        r.failure!.evidence[0].text,
        /case "at the bounds" exceeded its 300 ms case limit/,
      );
    } finally {
      await Deno.remove(runsDir, { recursive: true });
    }
  });
}
