import assert from "node:assert/strict";
import { join } from "node:path";
import { newestRun } from "../../lib/analyze/find_runs.ts";
import { cli, evalTiny, onlyRun, ROOT } from "./_cli.ts";

/** An incomplete run: the tiny suite's run with its manifest marked unfinished and a result cut. */
async function incompleteRun(runsDir: string): Promise<string> {
  const out = await evalTiny(runsDir, ["--model", "synthetic:reference", "--samples", "2"]);
  assert.equal(out.code, 0, out.stderr);
  const dir = onlyRun(runsDir);
  const manifest = JSON.parse(await Deno.readTextFile(join(dir, "manifest.json")));
  await Deno.writeTextFile(
    join(dir, "manifest.json"),
    JSON.stringify({ ...manifest, completedAt: null }),
  );
  const results = (await Deno.readTextFile(join(dir, "results.jsonl"))).trimEnd().split("\n");
  await Deno.writeTextFile(join(dir, "results.jsonl"), results.slice(0, 1).join("\n") + "\n");
  return dir;
}

Deno.test("score refuses an incomplete run with exit 2 and the count, and says so with --allow-incomplete (finding 6)", async () => {
  const dir = await incompleteRun(await Deno.makeTempDir());
  const refused = await cli(["score", "--run", dir]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(
    refused.stderr,
    /incomplete: 1 of 4 samples recorded: rerun the eval command to resume, or pass --allow-incomplete/,
  );
  const allowed = await cli(["score", "--run", dir, "--allow-incomplete"]);
  assert.equal(allowed.code, 0, allowed.stderr);
  assert.match(allowed.stdout, /incomplete: 1 of 4 samples recorded/);
  const report = await cli(["report", "--run", dir]);
  assert.equal(report.code, 2, report.stderr);
  assert.match(report.stderr, /incomplete: 1 of 4 samples recorded/);
});

Deno.test("newestRun() picks the newest complete CLI run, never a notebook slice or an interrupted run (finding 6)", async () => {
  const root = await Deno.makeTempDir();
  const write = async (id: string, origin: string, completedAt: string | null) => {
    await Deno.mkdir(join(root, id));
    const base = JSON.parse(
      await Deno.readTextFile(join(ROOT, "data/fixtures/run-tiny/manifest.json")),
    );
    await Deno.writeTextFile(
      join(root, id, "manifest.json"),
      JSON.stringify({ ...base, runId: id, origin, completedAt }),
    );
  };
  await write("20261201-000000-aaaa", "cli", "2026-12-01T00:01:00Z");
  await write("20261202-000000-bbbb", "notebook", "2026-12-02T00:01:00Z");
  await write("20261203-000000-cccc", "cli", null);
  assert.equal((await newestRun(root))?.manifest.runId, "20261201-000000-aaaa");
});

Deno.test("eval rejects a bad --policy, --junit folder, --suite file or model spec before any request, exit 2, no stack trace (finding 10)", async () => {
  const runsDir = await Deno.makeTempDir();
  const cases: [string[], RegExp][] = [
    [["--policy", "nosuch"], /Cannot find policy "nosuch"/],
    [
      ["--policy", "internal-tooling", "--junit", "/no/such/folder/policy.xml"],
      /Cannot write --junit "\/no\/such\/folder\/policy\.xml"/,
    ],
    [["--suite", "README.md"], /Cannot load suite "README\.md": it is a file/],
    [["--model", "nosuch:model"], /Cannot parse model "nosuch:model": unknown provider "nosuch"/],
  ];
  for (const [args, message] of cases) {
    const out = await evalTiny(runsDir, [...args]);
    assert.equal(out.code, 2, `${args.join(" ")}: ${out.stderr}`);
    assert.match(out.stderr, message);
    assert.doesNotMatch(out.stderr, /^\s+at /m, `${args.join(" ")}: no stack trace`);
    assert.deepEqual([...Deno.readDirSync(runsDir)], [], `${args.join(" ")}: no run was made`);
  }
});

Deno.test("score with a policy violated exits 1; with an unwritable --junit exits 2 (finding 10)", async () => {
  const runsDir = await Deno.makeTempDir();
  const out = await evalTiny(runsDir, ["--model", "synthetic:sloppy", "--samples", "3"]);
  assert.equal(out.code, 0, out.stderr);
  const dir = onlyRun(runsDir);
  const strict = join(await Deno.makeTempDir(), "strict.json");
  await Deno.writeTextFile(
    strict,
    JSON.stringify({ name: "strict", thresholds: { passRate: { min: 1.01 } } }),
  );
  const violated = await cli(["score", "--run", dir, "--policy", strict]);
  assert.equal(violated.code, 1, violated.stderr);
  const junit = await cli(["score", "--run", dir, "--junit", "/no/such/folder/x.xml"]);
  assert.equal(junit.code, 2, junit.stderr);
});
