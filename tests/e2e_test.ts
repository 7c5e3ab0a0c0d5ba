/**
 * End to end, through the CLI as a user runs it: eval on a tiny suite with
 * synthetic models writes a complete run; report executes the notebook and
 * writes HTML with charts; a broken suite fails with one clear message and
 * writes no run.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import pl from "nodejs-polars";
import { loadRun } from "../lib/analyze/load_run.ts";
import { findJupyter } from "../lib/report/kernel.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const CLI = join(ROOT, "lib", "cli.ts");

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", CLI, ...args],
    cwd: ROOT,
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

const hasJupyter = await findJupyter().then(() => true, (e) => {
  console.warn(`tests/e2e_test.ts: the report step is skipped: ${e.message}`);
  return false;
});

Deno.test("eval + report: a run on synthetic models is stored whole and published as HTML with charts", async () => {
  const runsDir = await Deno.makeTempDir({ prefix: "assay-e2e-" });
  const evalOut = await cli([
    "eval",
    "--suite",
    "data/fixtures/suite-tiny",
    "--model",
    "synthetic:reference",
    "--model",
    "synthetic:sloppy",
    "--samples",
    "2",
    "--runs-dir",
    runsDir,
    "--quiet",
  ]);
  assert.equal(evalOut.code, 0, evalOut.stderr);
  // Synthetic models are marked in the summary (the legend says what the mark means).
  assert.match(evalOut.stdout, /synthetic:reference\* /);
  assert.match(evalOut.stdout, /^\* synthetic: an offline stand-in, not an LLM/m);
  const runs = [...Deno.readDirSync(runsDir)];
  assert.equal(runs.length, 1);
  const dir = join(runsDir, runs[0].name);

  const run = await loadRun(dir);
  assert.equal(run.manifest.suite.tasks, 2);
  assert.deepEqual(run.manifest.models, [{ spec: "synthetic:reference", synthetic: true }, {
    spec: "synthetic:sloppy",
    synthetic: true,
  }]);
  assert.equal(run.generations.length, 2 * 2 * 2);
  assert.equal(run.results.length, 2 * 2 * 2);
  const reference = run.results.filter((r) => r.model === "synthetic:reference");
  assert.ok(
    reference.every((r) => r.passed && r.weightedAccuracy === 1 && r.bucket === "correct"),
    "the reference passes",
  );
  for (const g of run.generations) {
    assert.ok(g.synthetic);
    assert.ok(g.ttftMs !== null && g.ttftMs > 0 && g.totalMs >= g.ttftMs);
    assert.ok(g.tokensOut! > 0);
  }
  const keys = new Set(run.results.map((r) => `${r.task}|${r.model}|${r.sample}`));
  assert.equal(keys.size, run.results.length, "one record per key");

  const df = pl.readParquet(join(dir, "results.parquet"));
  assert.equal(df.height, run.results.length);
  assert.ok(df.columns.includes("weightedAccuracy") && df.columns.includes("ttftMs"));

  if (!hasJupyter) return;
  const reportOut = await cli(["report", "--run", dir]);
  assert.equal(reportOut.code, 0, reportOut.stderr);
  const html = await Deno.readTextFile(join(dir, "report.html"));
  assert.ok(!/Traceback|"ename"|jp-OutputArea-output.*error/.test(html), "no error output");
  const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
  const charts = svgs.filter((s) => /<(rect|circle|path)\b/.test(s) && /aria-label|<g /.test(s));
  assert.ok(charts.length >= 2, `at least two charts with marks, found ${charts.length}`);
  assert.match(html, /synthetic:sloppy/);
});

Deno.test("eval on a suite with a missing field fails with one message naming the file and the field, and writes no run", async () => {
  const runsDir = await Deno.makeTempDir({ prefix: "assay-e2e-" });
  const out = await cli([
    "eval",
    "--suite",
    "data/fixtures/suite-broken",
    "--runs-dir",
    runsDir,
    "--quiet",
  ]);
  assert.equal(out.code, 2);
  assert.match(out.stderr, /suite-broken\/no-entry\/task\.json": entry is required/);
  assert.equal(out.stderr.trim().split("\n").filter((l) => l.includes("task.json")).length, 1);
  assert.deepEqual([...Deno.readDirSync(runsDir)], []);
});

Deno.test("eval refuses an unknown model provider with a clear message", async () => {
  const out = await cli([
    "eval",
    "--suite",
    "data/fixtures/suite-tiny",
    "--model",
    "anthropic:claude",
    "--quiet",
  ]);
  assert.equal(out.code, 2);
  assert.match(out.stderr, /Cannot parse model "anthropic:claude": unknown provider "anthropic"/);
});
