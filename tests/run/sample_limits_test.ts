import assert from "node:assert/strict";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { sampleJob } from "../../lib/run/sample_job.ts";
import { sampleLimits, taskCaseLimits } from "../../lib/run/sample_limits.ts";
import { testsParseProblem } from "../../lib/run/task_problem.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { runPythonSample } from "../../lib/sandbox/python.ts";
import { caseLimitsOf } from "../../lib/task/importers/case_limits_line.ts";
import { importEvalPlus } from "../../lib/task/importers/evalplus.ts";
import { pythonExpected } from "../../lib/task/importers/evalplus_expected.ts";
import type { Suite } from "../../lib/task/schema.ts";
import { PYTHON } from "../task/importers/_python_run.ts";
import { fixedAnswer } from "./fixed_answer.ts";

const FIXTURE =
  new URL("../../data/fixtures/importers/evalplus-humaneval.jsonl", import.meta.url).pathname;
/** The case the sleepy answer hangs on, and the answer: right on every other input. */
const SLOW_CASE = "base 2: digit_sum(0)";
const SLEEPY = "import time\n\n\ndef digit_sum(n):\n" +
  "    if n == 0:\n        time.sleep(30)\n    return sum(int(d) for d in str(abs(n)))\n";
// Real sandboxes: CPython under bubblewrap; the import runs the references with /usr/bin/python3.
const ignore = !PYTHON || !(await bwrapAvailable());

/**
 * The fixture imported with only its digit_sum task: its references run for real, each time then
 * read as at least 250 ms and a floor of 50 ms, so that every case's limit is 4 × 250 = 1000 ms (a
 * sleeping case is stopped soon, and a loaded machine cannot stop the honest ones).
 */
async function digitSum(): Promise<Suite> {
  const real = pythonExpected();
  const suite = await importEvalPlus(FIXTURE, {
    minLimitMs: 50,
    computeExpected: async (jobs) =>
      (await real(jobs)).map((r) => ({
        ...r,
        base: r.base.map((o) => ({ ...o, ms: Math.max(o.ms, 250) })),
        plus: r.plus.map((o) => ({ ...o, ms: Math.max(o.ms, 250) })),
      })),
  });
  return { ...suite, tasks: suite.tasks.filter((t) => t.id === "fixture-3") };
}

const pyTask = (limits: string) => ({
  language: "py" as const,
  timeoutMs: 5000,
  testsSource: `# from EvalPlus\n# assay-case-limits: ${limits}\nfrom solution import f\n`,
});

Deno.test("sampleLimits() gives a case the task's own limit over the derived one, and keeps the rest", () => {
  const task = pyTask('{"a": 120, "c": 80}');
  assert.deepEqual(sampleLimits(task), { timeoutMs: 5000, caseTimeoutMs: { a: 120, c: 80 } });
  assert.deepEqual(
    sampleLimits(task, { timeoutMs: 3000, cases: { a: 500, b: 600 } }),
    { timeoutMs: 3000, caseTimeoutMs: { a: 120, b: 600, c: 80 } },
  );
  // A run recorded before per-case limits, and a task without any.
  assert.deepEqual(sampleLimits(task, { timeoutMs: 3000 }), {
    timeoutMs: 3000,
    caseTimeoutMs: { a: 120, c: 80 },
  });
  assert.deepEqual(sampleLimits({ ...task, testsSource: "from solution import f\n" }), {
    timeoutMs: 5000,
  });
});

Deno.test("sampleLimits() reads the limits line of Python tasks only", () => {
  const task = pyTask('{"a": 120}');
  assert.deepEqual(
    sampleLimits({ ...task, language: "ts" }, { timeoutMs: 3000, cases: { a: 500 } }),
    {
      timeoutMs: 3000,
      caseTimeoutMs: { a: 500 },
    },
  );
});

Deno.test("taskCaseLimits() reads no limits from a line that does not parse, and testsParseProblem() names it", () => {
  for (const limits of ['{"a": 120', '{"a": -5}', "[120]"]) {
    const task = pyTask(limits);
    assert.deepEqual(taskCaseLimits(task), {}, limits);
    assert.match(
      testsParseProblem(task) ?? "",
      /^Cannot read the case limits of tests\.py: /,
      limits,
    );
  }
  assert.equal(testsParseProblem(pyTask('{"a": 120}')), null);
});

Deno.test({
  name:
    "runPythonSample() stops an imported EvalPlus case at its tests.py limit and judges the other cases",
  ignore,
  async fn() {
    const [task] = (await digitSum()).tasks;
    const own = caseLimitsOf(task.testsSource);
    assert.equal(own[SLOW_CASE], 1000);
    const limits = sampleLimits(task);
    assert.deepEqual(limits, { timeoutMs: 5000, caseTimeoutMs: own });
    const r = await runPythonSample(
      sampleJob(task, SLEEPY, { python: "cpython" }),
      { python: "cpython", ...limits },
    );
    assert.deepEqual(r.cases.map((c) => [c.name, c.status]), [
      ["base 1: digit_sum(-123)", "pass"],
      [SLOW_CASE, "timeout"],
      ["plus 1: digit_sum(1000000000000000000000000000001)", "pass"],
      ["plus 2: digit_sum(99999999999999999999)", "pass"],
    ]);
    assert.equal(r.cases[1].message, "exceeded its 1000 ms case limit");
    assert.equal(r.outcome, "timeout");
    assert.equal(r.detail, `case "${SLOW_CASE}" exceeded its 1000 ms case limit`);
  },
});

Deno.test({
  name:
    "evaluate() runs an EvalPlus task's cases under its tests.py limits and records them in the manifest",
  ignore,
  async fn() {
    const suite = await digitSum();
    const [task] = suite.tasks;
    const runsDir = await Deno.makeTempDir();
    try {
      const { dir } = await evaluate(suite, {
        models: [fixedAnswer("fixed:sleepy", "```python\n" + SLEEPY + "```\n")],
        runsDir,
        python: "cpython",
        // A sample limit above the cases' own, as a slower reference would derive.
        referenceTimeouts: { floorMs: 4000 },
        resume: false,
      });
      const run = await loadRun(dir);
      // The derived limits (at least the 500 ms case floor) gave way to the task's own.
      const recorded = run.manifest.timeouts!["fixture-3"];
      assert.deepEqual(recorded.cases, caseLimitsOf(task.testsSource));
      const [r] = run.results;
      assert.equal(r.outcome, "timeout");
      assert.equal(r.detail, `case "${SLOW_CASE}" exceeded its 1000 ms case limit`);
      assert.deepEqual(r.cases.map((c) => c.status), ["pass", "timeout", "pass", "pass"]);
    } finally {
      await Deno.remove(runsDir, { recursive: true });
    }
  },
});
