import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { summarize } from "../../lib/analyze/summary.ts";
import { fileCache } from "../../lib/model/cache.ts";
import { openaiProvider } from "../../lib/model/openai.ts";
import { startSyntheticServer } from "../../lib/model/synthetic_server.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const suite = await loadSuite(join(ROOT, "data/fixtures/suite-tiny"));

Deno.test("evaluate() serves a real model's repeats from the cache as independent samples with their original latency", async () => {
  const server = startSyntheticServer(suite.tasks);
  const cacheDir = await Deno.makeTempDir();
  const runsDir = await Deno.makeTempDir();
  // A non-synthetic provider (the openai client against the loopback server) is cached.
  const model = () => openaiProvider("sloppy", { baseURL: server.baseURL });
  try {
    const opts = {
      runsDir,
      samples: 3,
      isolation: "none" as const,
      cache: fileCache(cacheDir),
      resume: false,
    };
    const first = await loadRun((await evaluate(suite, { ...opts, models: [model()] })).dir);
    assert.ok(first.generations.every((g) => !g.cached));
    const second = await loadRun((await evaluate(suite, { ...opts, models: [model()] })).dir);
    assert.ok(second.generations.every((g) => g.cached), "every repeat is a hit");
    const byKey = (gs: typeof first.generations) =>
      new Map(gs.map((g) => [`${g.task}/${g.sample}`, g]));
    const a = byKey(first.generations);
    for (const g of second.generations) {
      const orig = a.get(`${g.task}/${g.sample}`)!;
      assert.equal(g.text, orig.text, "same answer per (task, sample)");
      assert.equal(g.ttftMs, orig.ttftMs, "original latency kept");
    }
    const texts = new Set(first.generations.filter((g) => g.task === "clamp").map((g) => g.text));
    assert.ok(texts.size > 1, "samples are independent: not one cached answer served three times");
    const [row] = summarize(second);
    assert.equal(row.ttftP50, null, "cache hits are excluded from latency statistics");
    const refreshed = await loadRun(
      (await evaluate(suite, { ...opts, models: [model()], cacheMode: "refresh" })).dir,
    );
    assert.ok(refreshed.generations.every((g) => !g.cached));
  } finally {
    await server.close();
  }
});

Deno.test("eval resumes after 10 SIGKILLs at random moments and ends with exactly one record per key", async () => {
  const runsDir = await Deno.makeTempDir();
  const args = [
    "run",
    "-A",
    join(ROOT, "lib/cli.ts"),
    "eval",
    "--suite",
    "data/fixtures/suite-tiny",
    "--model",
    "synthetic:default",
    "--model",
    "synthetic:sloppy",
    "--samples",
    "16",
    "--isolation",
    "none",
    "--runs-dir",
    runsDir,
    "--quiet",
  ];
  let kills = 0; // kills that landed while a run folder existed (mid-run)
  for (let attempt = 0; attempt < 20 && kills < 10; attempt++) {
    const child = new Deno.Command(Deno.execPath(), {
      args,
      cwd: ROOT,
      stdout: "null",
      stderr: "null",
    }).spawn();
    const delay = 300 + Math.floor(Math.random() * 1000);
    const timer = setTimeout(() => {
      const midRun = [...Deno.readDirSync(runsDir)].length > 0;
      try {
        child.kill("SIGKILL");
        if (midRun) kills++;
      } catch { /* it finished first */ }
    }, delay);
    const status = await child.status;
    clearTimeout(timer);
    const complete = [...Deno.readDirSync(runsDir)].some((e) =>
      JSON.parse(Deno.readTextFileSync(join(runsDir, e.name, "manifest.json"))).completedAt !== null
    );
    if (status.success || complete) break; // a kill after completion would start a new run on purpose
  }
  const final = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(final.code, 0, new TextDecoder().decode(final.stderr));
  assert.ok(kills >= 10, `at least 10 kills landed mid-run (${kills})`);
  const runs = [...Deno.readDirSync(runsDir)];
  assert.equal(runs.length, 1, "every attempt resumed the same run");
  const dir = join(runsDir, runs[0].name);
  const lines = (name: string) =>
    Deno.readTextFileSync(join(dir, name)).trimEnd().split("\n").map((l) => JSON.parse(l));
  const expected = 2 * 2 * 16;
  for (const name of ["generations.jsonl", "results.jsonl"]) {
    const records = lines(name);
    const keys = records.map((r) => `${r.task}|${r.model}|${r.variant}|${r.sample}`);
    assert.equal(new Set(keys).size, keys.length, `${name}: no duplicates`);
    assert.equal(keys.length, expected, `${name}: every key recorded`);
  }
  const run = await loadRun(dir);
  assert.ok(run.manifest.completedAt !== null);
  assert.ok(run.manifest.resumedAt.length >= 1, "the run was resumed");
});
