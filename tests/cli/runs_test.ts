import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { tallyRun } from "../../lib/analyze/find_runs.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import type { RunListing } from "../../lib/cli/runs.ts";
import { cli, tinySuite } from "./_cli.ts";

/** A run of `suiteDir` by one synthetic model into `runsDir`; its folder. */
async function makeRun(
  runsDir: string,
  suiteDir: string,
  flavour: "reference" | "sloppy",
  extra: { name?: string; tags?: string[]; origin?: "cli" | "bench" } = {},
): Promise<string> {
  const suite = await loadSuite(suiteDir);
  const model = syntheticProvider(flavour, suite.tasks);
  try {
    return (await evaluate(suite, {
      models: [model],
      runsDir,
      samples: 2,
      isolation: "none",
      ...extra,
    })).dir;
  } finally {
    await model.close();
  }
}

/** Three runs, oldest first: a named, tagged bench run; one with a task error; an interrupted one. */
async function threeRuns() {
  const runsDir = await Deno.makeTempDir();
  const tagged = await makeRun(runsDir, await tinySuite(), "sloppy", {
    name: "a rather long name for the baseline run",
    tags: ["ci", "nightly"],
    origin: "bench",
  });
  const broken = await makeRun(
    runsDir,
    await tinySuite(async (d) => {
      const path = join(d, "clamp/tests.ts");
      const text = await Deno.readTextFile(path);
      await Deno.writeTextFile(path, text.replace('"inside the range": () =>', '"x": () => =>'));
    }),
    "reference",
  );
  const cut = await makeRun(runsDir, await tinySuite(), "sloppy", { origin: "cli" });
  // Interrupted: unfinished manifest, one result kept and a last line cut mid-write.
  const manifest = JSON.parse(await Deno.readTextFile(join(cut, "manifest.json")));
  await Deno.writeTextFile(
    join(cut, "manifest.json"),
    JSON.stringify({ ...manifest, completedAt: null }),
  );
  const lines = (await Deno.readTextFile(join(cut, "results.jsonl"))).trimEnd().split("\n");
  await Deno.writeTextFile(join(cut, "results.jsonl"), `${lines[0]}\n${lines[1].slice(0, 40)}`);
  return { runsDir, tagged, broken, cut };
}

Deno.test("runs lists runs newest first with name, origin, n, k/n recorded, pass rate of the judged samples, tags (issue 16)", async () => {
  const { runsDir, tagged, broken, cut } = await threeRuns();
  const out = await cli(["runs", "--runs-dir", runsDir, "--json"]);
  assert.equal(out.code, 0, out.stderr);
  const listed: RunListing[] = JSON.parse(out.stdout);
  assert.deepEqual(listed.map((r) => r.dir), [cut, broken, tagged], "newest first");
  for (const r of listed) {
    // The listing streams; loadRun reads and validates every record: they must agree.
    const run = await loadRun(r.dir);
    assert.equal(r.judged, run.results.length, `${r.id}: judged`);
    assert.equal(r.passed, run.results.filter((x) => x.passed).length, `${r.id}: passed`);
    assert.equal(r.recorded, run.results.length + run.unjudged.length, `${r.id}: recorded`);
    assert.equal(r.n, run.manifest.expectedSamples);
  }
  const [c, b, t] = listed;
  assert.equal(t.name, "a rather long name for the baseline run");
  assert.deepEqual(t.tags, ["ci", "nightly"]);
  assert.equal(t.origin, "bench");
  assert.equal(t.complete, true);
  assert.equal(b.judged, 2, "the clamp task's samples are not judged");
  assert.equal(b.recorded, 4);
  assert.equal(c.complete, false);
  assert.equal(c.recorded, 1, "the line cut mid-write is not counted");
  assert.equal(c.unreadable, 0, "nor reported as unreadable");

  const table = await cli(["runs", "--runs-dir", runsDir]);
  assert.equal(table.code, 0, table.stderr);
  const text = table.stdout;
  for (const line of text.split("\n")) assert.ok(line.length <= 100, `over 100 columns: ${line}`);
  const rows = text.split("\n").filter((l) => /^\d{8}-\d{6}-/.test(l));
  assert.deepEqual(rows.map((l) => l.split(" ")[0]), [c.id, b.id, t.id]);
  assert.match(rows[0], new RegExp(`  1/${c.n}  `), "an interrupted run says k/n");
  assert.match(
    rows[1],
    new RegExp(`complete +${Math.round((b.passed / b.judged) * 100)}% of 2$`),
    "the pass rate states its denominator",
  );
  assert.match(rows[2], /a rather long n… +bench /, "a long name is cut with …");
  assert.match(text, /tags ci, nightly · suite /);
  assert.match(text, /3 of 3 runs in /);
});

Deno.test("tallyRun() counts a bad line in the middle as unreadable, never as a sample (issue 16)", async () => {
  const runsDir = await Deno.makeTempDir();
  const dir = await makeRun(runsDir, await tinySuite(), "reference");
  const lines = (await Deno.readTextFile(join(dir, "results.jsonl"))).trimEnd().split("\n");
  await Deno.writeTextFile(
    join(dir, "results.jsonl"),
    [lines[0], "{oops", ...lines.slice(1)].join("\n"),
  );
  const tally = await tallyRun(dir);
  assert.deepEqual(tally, {
    recorded: lines.length,
    judged: lines.length,
    passed: lines.length,
    unreadable: 1,
  });
  const table = await cli(["runs", "--runs-dir", runsDir]);
  assert.match(table.stdout, /100% of 4 \(1 unreadable\)/);
});

Deno.test("runs shows the 20 newest without --all and says how many there are (issue 16)", async () => {
  const runsDir = await Deno.makeTempDir();
  const dir = await makeRun(runsDir, await tinySuite(), "reference");
  const manifest = JSON.parse(await Deno.readTextFile(join(dir, "manifest.json")));
  for (let i = 0; i < 21; i++) {
    const id = `20200101-0000${String(i).padStart(2, "0")}-abcd`;
    await Deno.mkdir(join(runsDir, id));
    await Deno.writeTextFile(
      join(runsDir, id, "manifest.json"),
      JSON.stringify({
        ...manifest,
        runId: id,
        createdAt: `2020-01-01T00:00:${String(i).padStart(2, "0")}Z`,
      }),
    );
  }
  const recent = await cli(["runs", "--runs-dir", runsDir]);
  assert.match(recent.stdout, /20 of 22 runs in .* --all lists every one/);
  assert.equal(recent.stdout.split("\n").filter((l) => /^\d{8}-/.test(l)).length, 20);
  const all = await cli(["runs", "--runs-dir", runsDir, "--all"]);
  assert.match(all.stdout, /22 of 22 runs in /);
  const empty = await cli(["runs", "--runs-dir", await Deno.makeTempDir()]);
  assert.match(empty.stdout, /^no runs in .*: \.\/assay eval makes one/);
});
