import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { summarize } from "../../lib/analyze/summary.ts";
import { deadPort, evalTiny, onlyRun, ROOT, TINY_SUITE } from "./_cli.ts";

Deno.test("eval against a dead model server exits 3, names the base URL, and shows every sample as a generation error (finding 3)", async () => {
  const runsDir = await Deno.makeTempDir();
  const port = deadPort();
  const out = await evalTiny(runsDir, ["--model", "ollama:foo", "--no-cache"], {
    OLLAMA_BASE_URL: `http://127.0.0.1:${port}/v1`,
  });
  assert.equal(out.code, 3, out.stderr);
  assert.match(
    out.stderr,
    new RegExp(`no answer from http://127\\.0\\.0\\.1:${port}/v1: .* — is Ollama running\\?`),
  );
  assert.doesNotMatch(out.stderr, /^\s+at /m, "no stack trace");
  assert.match(out.stdout, /2 of 2 samples got no answer/);
  const dir = onlyRun(runsDir);
  const run = await loadRun(dir);
  const [row] = summarize(run);
  assert.equal(row.samples, 2, "failed generations stay in n");
  assert.equal(row.generationErrors, 2);
  assert.equal(row.passRate, 0);
  assert.equal(row.weightedAccuracy, -1, "scored as no runnable code");
  assert.ok(
    run.results.every((r) =>
      r.outcome === "generation_error" && r.failure?.category === "generation_error"
    ),
  );
  assert.ok(run.generations.every((g) => g.endpoint === `http://127.0.0.1:${port}/v1`));
});

Deno.test("a replay file that lacks answers for some tasks scores them as generation errors, not as absent (finding 4)", async () => {
  const runsDir = await Deno.makeTempDir();
  const file = join(await Deno.makeTempDir(), "answers.jsonl");
  const reference = await Deno.readTextFile(join(ROOT, TINY_SUITE, "clamp/reference.ts"));
  await Deno.writeTextFile(file, JSON.stringify({ task: "clamp", text: reference }) + "\n");
  const out = await evalTiny(runsDir, ["--model", `replay:${file}`]);
  assert.equal(out.code, 0, out.stderr);
  const row = out.stdout.split("\n").find((l) => l.startsWith("replay:"))!;
  assert.match(
    row,
    /^replay:\S+\s+plain\s+2\s+1\s+50%/,
    `n 2, 1 generation error, pass 50%: ${out.stdout}`,
  );
  assert.match(out.stdout, /1 of 2 samples got no answer/);
  assert.match(out.stdout, /no recorded answer for task "sum-evens"/);
});

Deno.test("a malformed last line in a user-written replay file is an error naming the line, exit 2, before any work (finding 4)", async () => {
  const runsDir = await Deno.makeTempDir();
  const file = join(await Deno.makeTempDir(), "answers.jsonl");
  await Deno.writeTextFile(
    file,
    JSON.stringify({ task: "clamp", text: "x" }) + '\n{"task": "sum-evens", "text": \n',
  );
  const out = await evalTiny(runsDir, ["--model", `replay:${file}`]);
  assert.equal(out.code, 2, out.stderr);
  assert.match(out.stderr, /line 2 is not JSON/);
  assert.deepEqual([...Deno.readDirSync(runsDir)], [], "no run folder was written");
});
