import assert from "node:assert/strict";
import { join } from "node:path";
import { session } from "../lib/notebook.ts";
import { loadSuite } from "../lib/task/load_suite.ts";
import { sha256 } from "../lib/task/hash.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const TINY = join(ROOT, "data", "fixtures", "suite-tiny");
const RUN_TINY = join(ROOT, "data", "fixtures", "run-tiny");

Deno.test("session() cuts the slice from the options and hashes it apart from its parent", async () => {
  const s = await session({ tasks: ["group-by", "chunk"], samples: 2, env: {} });
  try {
    const parent = await loadSuite(join(ROOT, "tasks", "builtin"));
    assert.deepEqual(s.taskIds, ["group-by", "chunk"]);
    // The slice keeps the parent's order; the hash covers the parent and the ids as given.
    assert.deepEqual(
      s.suite.tasks.map((t) => t.id),
      parent.tasks.map((t) => t.id).filter((id) => id === "chunk" || id === "group-by"),
    );
    assert.equal(s.suite.hash, await sha256(`${parent.hash}|group-by,chunk`));
    assert.notEqual(s.suite.hash, parent.hash);
    assert.equal(s.parent.tasks.length, parent.tasks.length);
    assert.equal(s.samples, 2);
    assert.deepEqual(s.modelSpecs, ["synthetic:default", "synthetic:sloppy"]);
    assert.deepEqual(s.models.map((m) => m.spec), ["synthetic:default", "synthetic:sloppy"]);
  } finally {
    await s.close();
  }
});

Deno.test("session() lets ASSAY_TASKS, ASSAY_SAMPLES, ASSAY_MODELS and ASSAY_RUNS_DIR override the options", async () => {
  const s = await session({
    suite: TINY,
    tasks: ["clamp"],
    samples: 2,
    models: ["synthetic:default"],
    runsDir: "somewhere",
    isolation: "none",
    env: {
      ASSAY_TASKS: "sum-evens",
      ASSAY_SAMPLES: "5",
      ASSAY_MODELS: "synthetic:reference, synthetic:sloppy",
      ASSAY_RUNS_DIR: "/tmp/elsewhere",
    },
  });
  try {
    assert.deepEqual(s.suite.tasks.map((t) => t.id), ["sum-evens"]);
    assert.equal(s.samples, 5);
    assert.deepEqual(s.models.map((m) => m.spec), ["synthetic:reference", "synthetic:sloppy"]);
    assert.equal(s.runsDir, "/tmp/elsewhere");
    const html = s.settingsHTML([{ setting: "extra", value: "shown last" }]);
    assert.match(html, /<strong>Synthetic models\.<\/strong>/);
    assert.match(html, /Configuration/);
    assert.match(html, /1 of 2: sum-evens/);
    assert.match(html, /5 per task × model × variant/);
    assert.match(html, /no Deno permissions \(bubblewrap not found\)/);
    assert.ok(html.indexOf("shown last") > html.indexOf("/tmp/elsewhere"));
  } finally {
    await s.close();
  }
});

Deno.test("session() reads a count in ASSAY_TASKS as the first n of the notebook's list", async () => {
  const s = await session({
    tasks: ["lru-cache", "chunk", "group-by"],
    env: { ASSAY_TASKS: "2", ASSAY_MODELS: "" },
  });
  assert.deepEqual(s.taskIds, ["lru-cache", "chunk"]);
  assert.deepEqual(s.models, []);
  await s.close();
  const all = await session({ suite: TINY, tasks: 1, env: { ASSAY_MODELS: "" } });
  assert.equal(all.suite.tasks.length, 1);
  await all.close();
});

Deno.test("session() names ASSAY_TASKS for a task id not in the suite, and ASSAY_SAMPLES for a bad count", async () => {
  await assert.rejects(
    session({ env: { ASSAY_TASKS: "chunk,no-such-task" } }),
    (error: Error) => {
      assert.match(error.message, /^Cannot select task "no-such-task": it is not in "[^"]+"/);
      assert.match(error.message, /\(check ASSAY_TASKS\)$/);
      return true;
    },
  );
  await assert.rejects(
    session({ env: { ASSAY_SAMPLES: "two" } }),
    /Cannot use ASSAY_SAMPLES "two": use an integer >= 1/,
  );
});

Deno.test("session().close() closes every model, once", async () => {
  const s = await session({ suite: TINY, env: { ASSAY_MODELS: "synthetic:reference" } });
  let closed = 0;
  const close = s.models[0].close.bind(s.models[0]);
  s.models[0].close = async () => {
    closed++;
    await close();
  };
  await s.close();
  await s.close();
  assert.equal(closed, 1);
});

Deno.test({
  name: "session().evaluate() evaluates the slice with the session's settings and shows progress",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const runsDir = await Deno.makeTempDir({ prefix: "assay-session-" });
    const shown: string[] = [];
    const s = await session({
      suite: TINY,
      samples: 2,
      models: ["synthetic:reference"],
      runsDir,
      isolation: "none",
      env: {},
    });
    try {
      let samples = 0;
      const { evaluation, run } = await s.evaluate({
        label: "tiny",
        progress: { display: (html) => void shown.push(html), intervalMs: 0 },
        onSample: () => samples++,
      });
      assert.ok(evaluation !== null && evaluation.dir.startsWith(runsDir));
      assert.equal(run.results.length, 2 * 2, "2 tasks × 1 model × 2 samples");
      assert.equal(samples, 4, "the caller's onSample is called too");
      assert.ok(run.results.every((r) => r.passed), "the reference passes");
      assert.match(shown.at(-1)!, /<strong>tiny<\/strong> \(done\): 4 \/ 4 samples \(100%\)/);
    } finally {
      await s.close();
      await Deno.remove(runsDir, { recursive: true });
    }
  },
});

Deno.test("session({ readRun: true }) reads the run ASSAY_RUN names instead of evaluating", async () => {
  const s = await session({ readRun: true, env: { ASSAY_RUN: RUN_TINY, ASSAY_TASKS: "nope" } });
  try {
    assert.deepEqual(s.models, [], "no model is created for a run that is only read");
    assert.ok(s.run !== null);
    const { evaluation, run } = await s.evaluate();
    assert.equal(evaluation, null);
    assert.equal(run, s.run);
    assert.match(s.settingsHTML(), /\(read, not evaluated again\)/);
  } finally {
    await s.close();
  }
  const ignored = await session({ suite: TINY, env: { ASSAY_RUN: RUN_TINY, ASSAY_MODELS: "" } });
  assert.equal(ignored.run, null, "without readRun, ASSAY_RUN is not this notebook's knob");
});

Deno.test("session().evaluate() stops on SIGINT (the kernel's interrupt): the display says interrupted (k of n), the process lives on, the cell run again resumes", async () => {
  // In a process of its own (the test runner stops on SIGINT), as a kernel runs a notebook.
  const runsDir = await Deno.makeTempDir();
  const script = join(runsDir, "cells.ts");
  await Deno.writeTextFile(
    script,
    `import { session } from ${JSON.stringify(join(ROOT, "lib/notebook.ts"))};
const s = await session({ tasks: 8, samples: 2, models: ["synthetic:sloppy"], runsDir: ${
      JSON.stringify(runsDir)
    }, env: {}, isolation: "none" });
const shown = [];
const progress = { display: (html, _u, state) => { shown.push({ html, interrupted: state.interrupted === true }); } };
let seen = 0;
// What Jupyter's Kernel ▸ Interrupt sends the kernel's process.
const error = await s.evaluate({ label: "cell", progress, onSample: () => ++seen === 3 && Deno.kill(Deno.pid, "SIGINT") })
  .then(() => null, (e) => e);
const again = await s.evaluate({ label: "again", progress });
await s.close();
console.log(JSON.stringify({
  name: error?.name, message: error?.message, recorded: error?.recorded, last: shown.find((x) => x.interrupted),
  resumed: again.evaluation.resumed, resumedFrom: again.evaluation.recorded, results: again.run.results.length,
  complete: again.run.manifest.completedAt !== null,
}));
`,
  );
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--config", join(ROOT, "deno.json"), script],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, stderr);
    const r = JSON.parse(new TextDecoder().decode(out.stdout).trim().split("\n").at(-1)!);
    assert.equal(r.name, "RunInterrupted", stderr);
    assert.match(r.message, /of 16 samples recorded in .*; run the cell again to resume$/);
    assert.ok(r.recorded >= 3 && r.recorded < 16, String(r.recorded));
    assert.match(r.last.html, new RegExp(`interrupted \\(${r.recorded} of 16\\)`));
    // The process lived on, and the same call resumed and finished the run.
    assert.equal(r.resumed, true);
    assert.equal(r.resumedFrom, r.recorded);
    assert.equal(r.results, 16);
    assert.equal(r.complete, true);
  } finally {
    await Deno.remove(runsDir, { recursive: true });
  }
});
