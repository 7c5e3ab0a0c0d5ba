import assert from "node:assert/strict";
import { join } from "node:path";
import { parseEvalArgs } from "../../lib/cli/eval_args.ts";
import { DEMO_PYTHON_TASKS, demoSuite } from "../../lib/cli/demo.ts";
import { evalTiny, onlyRun } from "./_cli.ts";

/** The manifests of every run under `runsDir`. */
async function manifests(runsDir: string): Promise<Record<string, any>[]> {
  const out = [];
  for await (const e of Deno.readDir(runsDir)) {
    out.push(JSON.parse(await Deno.readTextFile(join(runsDir, e.name, "manifest.json"))));
  }
  return out;
}

/** Mark a run interrupted: no completedAt, its last result cut. */
async function interrupt(dir: string): Promise<void> {
  const manifest = JSON.parse(await Deno.readTextFile(join(dir, "manifest.json")));
  await Deno.writeTextFile(
    join(dir, "manifest.json"),
    JSON.stringify({ ...manifest, completedAt: null }),
  );
  const lines = (await Deno.readTextFile(join(dir, "results.jsonl"))).trimEnd().split("\n");
  await Deno.writeTextFile(join(dir, "results.jsonl"), lines.slice(0, -1).join("\n") + "\n");
}

Deno.test("eval --tasks makes a run of its own, records the selection, and resumes only into the same selection", async () => {
  const runsDir = await Deno.makeTempDir();
  const one = await evalTiny(runsDir, ["--tasks", "clamp", "--samples", "2"]);
  assert.equal(one.code, 0, one.stderr);
  const picked = (await manifests(runsDir))[0];
  assert.deepEqual(picked.params.selection, { tasks: ["clamp"] });
  assert.equal(picked.suite.tasks, 1);
  await interrupt(onlyRun(runsDir));
  // Neither every task nor another selection of the same task resumes into the interrupted run.
  for (const args of [[], ["--limit", "1"]]) {
    const other = await evalTiny(runsDir, [...args, "--samples", "2"]);
    assert.equal(other.code, 0, other.stderr);
    assert.doesNotMatch(other.stderr, /assay: resuming/);
    assert.match(
      other.stderr,
      /not resuming .*: the (task selection|suite's content or the task selection) changed/,
    );
  }
  const runs = await manifests(runsDir);
  assert.equal(runs.length, 3);
  const whole = runs.find((m) => !m.params.selection)!;
  const limited = runs.find((m) => m.params.selection?.limit === 1)!;
  assert.equal(whole.suite.tasks, 2);
  assert.equal(limited.suite.tasks, 1);
  assert.equal(new Set(runs.map((m) => m.configHash)).size, 3);
  assert.equal(new Set(runs.map((m) => m.suite.hash)).size, 3);
  // The same selection resumes.
  const again = await evalTiny(runsDir, ["--tasks", "clamp", "--samples", "2"]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /assay: resuming .*: 1 of 2 samples already recorded/);
  assert.equal((await manifests(runsDir)).length, 3);
});

Deno.test("eval --tasks with an unknown id exits 2 with the nearest id before any run folder exists", async () => {
  const runsDir = await Deno.makeTempDir();
  const cases: [string[], RegExp][] = [
    [
      ["--tasks", "clamp,sum-even"],
      /Cannot select task "sum-even": it is not in ".*suite-tiny": did you mean "sum-evens"\?/,
    ],
    [["--tags", "nosuch"], /Cannot select tag "nosuch": .*use one of its tags \(algorithms/],
    [["--difficulty", "extreme"], /Cannot select difficulty "extreme": use easy, medium or hard/],
    [["--difficulty", "hard"], /Cannot select tasks from ".*": difficulty hard leaves no task/],
    [["--limit", "0"], /Cannot use --limit "0": use an integer >= 1/],
    [["--tasks", ","], /Cannot use --tasks ",": it names nothing/],
  ];
  for (const [args, message] of cases) {
    const out = await evalTiny(runsDir, args);
    assert.equal(out.code, 2, `${args.join(" ")}: ${out.stderr}`);
    assert.match(out.stderr, message);
    assert.doesNotMatch(out.stderr, /\n\s+at /, "no stack trace");
    assert.deepEqual([...Deno.readDirSync(runsDir)], [], "no run folder");
  }
});

Deno.test("parseEvalArgs() selects from a suite already loaded (demo's mixed TypeScript and Python suite)", async () => {
  const suite = await demoSuite();
  const args = await parseEvalArgs(
    ["--tasks", `chunk,${DEMO_PYTHON_TASKS[0]}`, "--unsafe-no-isolation"],
    { suite },
  );
  assert.deepEqual(args.suite.tasks.map((t) => [t.id, t.language]), [
    ["chunk", "ts"],
    [DEMO_PYTHON_TASKS[0], "py"],
  ]);
  assert.deepEqual(args.selection, { tasks: ["chunk", DEMO_PYTHON_TASKS[0]] });
  const hard = await parseEvalArgs([
    "--difficulty",
    "easy",
    "--limit",
    "3",
    "--unsafe-no-isolation",
  ], { suite });
  assert.equal(hard.suite.tasks.length, 3);
  assert.ok(hard.suite.tasks.every((t) => t.difficulty === "easy"));
  assert.equal((await parseEvalArgs(["--unsafe-no-isolation"], { suite })).selection, undefined);
});

Deno.test("eval --json prints exactly one JSON document on stdout: the run, counts, summary and policy verdicts", async () => {
  const runsDir = await Deno.makeTempDir();
  const out = await evalTiny(runsDir, [
    "--model",
    "synthetic:sloppy",
    "--samples",
    "2",
    "--json",
    "--policy",
    "internal-tooling",
  ]);
  assert.ok(out.code === 0 || out.code === 1, out.stderr);
  const doc = JSON.parse(out.stdout);
  const dir = onlyRun(runsDir);
  assert.equal(doc.dir, dir);
  assert.equal(doc.runId, dir.split("/").pop());
  assert.equal(doc.complete, true);
  assert.equal(doc.counts.expected, 4);
  assert.equal(doc.counts.recorded, 4);
  assert.equal(doc.summary.length, 1);
  assert.equal(doc.summary[0].samples, doc.counts.judged);
  assert.equal(doc.policy.name, "internal-tooling");
  assert.equal(doc.policy.ok, out.code === 0);
  assert.equal(doc.policy.verdicts.length, 1);
  assert.match(out.stderr, /policy internal-tooling/);
  assert.match(out.stderr, /gen err/);
});
