import assert from "node:assert/strict";
import { join } from "node:path";
import pl from "nodejs-polars";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { cli, ROOT } from "./_cli.ts";

const FIXTURE = join(ROOT, "data/fixtures/run-tiny");
const run = await loadRun(FIXTURE);

/** A copy of run-tiny marked unfinished, with its first result cut. */
async function incompleteCopy(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "assay-export-" });
  for (const f of ["manifest.json", "generations.jsonl", "results.jsonl"]) {
    await Deno.copyFile(join(FIXTURE, f), join(dir, f));
  }
  const manifest = JSON.parse(await Deno.readTextFile(join(dir, "manifest.json")));
  await Deno.writeTextFile(
    join(dir, "manifest.json"),
    JSON.stringify({ ...manifest, completedAt: null, expectedSamples: 12 }),
  );
  const lines = (await Deno.readTextFile(join(dir, "results.jsonl"))).trimEnd().split("\n");
  await Deno.writeTextFile(join(dir, "results.jsonl"), lines.slice(1).join("\n") + "\n");
  return dir;
}

Deno.test("export --format csv writes one properly quoted row per sample, answer and code included", async () => {
  const out = await cli(["export", "--run", FIXTURE, "--format", "csv"]);
  assert.equal(out.code, 0, out.stderr);
  const frame = pl.readCSV(out.stdout, { inferSchemaLength: 0 });
  assert.equal(frame.height, run.generations.length);
  assert.ok(frame.columns.includes("evidence") && frame.columns.includes("taskError"));
  const answers = frame.getColumn("answer").toArray();
  // An empty answer is written as a quoted empty field; polars reads both as empty.
  assert.deepEqual(answers.map((a) => a ?? ""), run.generations.map((g) => g.text));
  assert.ok(answers.some((a) => String(a).includes("\n")), "a multi-line answer survives quoting");
  assert.deepEqual(frame.getColumn("code").toArray(), run.generations.map((g) => g.code ?? null));
  const passed = frame.getColumn("passed").toArray();
  const byKey = new Map(run.results.map((r) => [`${r.task}|${r.model}|${r.sample}`, r.passed]));
  const tasks = frame.getColumn("task").toArray();
  const models = frame.getColumn("model").toArray();
  const samples = frame.getColumn("sample").toArray();
  passed.forEach((p, i) => {
    const expected = byKey.get(`${tasks[i]}|${models[i]}|${samples[i]}`);
    assert.equal(p, expected === undefined ? null : String(expected));
  });
});

Deno.test("export --format jsonl --out writes one JSON object per sample to the file", async () => {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  const out = await cli(["export", "--run", FIXTURE, "--format", "jsonl", "--out", file]);
  assert.equal(out.code, 0, out.stderr);
  assert.equal(out.stdout, "");
  const rows = (await Deno.readTextFile(file)).trimEnd().split("\n").map((l) => JSON.parse(l));
  assert.equal(rows.length, run.generations.length);
  assert.equal(rows[0].runId, "run-tiny");
  const failed = rows.find((r) => r.generationError !== null);
  assert.ok(failed, "the fixture's failed generation is exported");
  assert.equal(failed.outcome, run.results.find((r) => r.outcome === "generation_error")?.outcome);
  await Deno.remove(file);
});

Deno.test("export --format md writes the summary table and each row's policy verdict", async () => {
  const out = await cli([
    "export",
    "--run",
    FIXTURE,
    "--format",
    "md",
    "--policy",
    "internal-tooling",
  ]);
  assert.equal(out.code, 0, out.stderr);
  assert.match(out.stdout, /^### assay run `run-tiny`/);
  assert.match(out.stdout, /\| model \| variant \| n \| pass rate \|/);
  const rows = out.stdout.split("\n").filter((l) => l.startsWith("| `synthetic:"));
  assert.equal(rows.length, 2);
  for (const row of rows) assert.match(row, /\| \d+% \(\d+\/6\) \|.*\| (✅ pass|❌ fail) \|$/);
});

Deno.test("export --format md refuses an incomplete run (exit 2) and marks it with --allow-incomplete", async () => {
  const dir = await incompleteCopy();
  const refused = await cli(["export", "--run", dir, "--format", "md"]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /incomplete: 11 of 12 samples recorded: .*--allow-incomplete/);
  assert.equal(refused.stdout, "");
  const allowed = await cli(["export", "--run", dir, "--format", "md", "--allow-incomplete"]);
  assert.equal(allowed.code, 0, allowed.stderr);
  assert.match(allowed.stdout, /> \[!WARNING\]\n> incomplete: 11 of 12 samples recorded/);
  const csv = await cli(["export", "--run", dir, "--format", "csv"]);
  assert.equal(csv.code, 0, csv.stderr);
  assert.match(csv.stderr, /incomplete: 11 of 12 samples recorded/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("export refuses a bad format, a missing run and --policy outside md with exit 2", async () => {
  for (
    const [args, message] of [
      [["--run", FIXTURE, "--format", "xml"], /Cannot use --format "xml": use csv, jsonl or md/],
      [["--run", "/no/such/run"], /Cannot export run "\/no\/such\/run": .* does not exist/],
      [["--run", FIXTURE, "--policy", "internal-tooling"], /only with --format md/],
    ] as [string[], RegExp][]
  ) {
    const out = await cli(["export", ...args]);
    assert.equal(out.code, 2, out.stderr);
    assert.match(out.stderr, message);
  }
});

Deno.test("export --run takes a bare run id from --runs-dir, and defaults to the newest complete CLI run there", async () => {
  const byId = await cli([
    "export",
    "--runs-dir",
    join(ROOT, "data/fixtures"),
    "--run",
    "run-tiny",
    "--format",
    "jsonl",
  ]);
  assert.equal(byId.code, 0, byId.stderr);
  assert.equal(byId.stdout.trimEnd().split("\n").length, run.generations.length);
  const empty = await Deno.makeTempDir();
  const none = await cli(["export", "--runs-dir", empty]);
  assert.equal(none.code, 2, none.stderr);
  assert.match(none.stderr, /Cannot find a complete run made by "\.\/assay eval"/);
});

Deno.test("export writes each sample's cost (costUsd) and the md summary's cost column", async () => {
  const out = await cli(["export", "--run", FIXTURE, "--format", "jsonl"]);
  assert.equal(out.code, 0, out.stderr);
  const rows = out.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
  // Synthetic models cost nothing; a request without token counts has no cost, never 0.
  for (const row of rows) {
    const counted = row.tokensIn !== null && row.tokensOut !== null;
    assert.equal(row.costUsd, counted ? 0 : null, JSON.stringify(row).slice(0, 200));
  }
  assert.ok(rows.some((r) => r.costUsd === 0));
  const md = await cli(["export", "--run", FIXTURE, "--format", "md"]);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /\| gen errors \| cost \|/);
  assert.match(md.stdout, /\| \$0 \(synthetic\) \|/);
});
