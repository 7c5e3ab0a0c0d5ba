import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { startSyntheticServer } from "../../lib/model/synthetic_server.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import { cli, evalTiny, onlyRun, ROOT, TINY_SUITE } from "./_cli.ts";

/** A price file in a temp folder; its path. */
async function priceFile(content: unknown): Promise<string> {
  const file = join(await Deno.makeTempDir(), "prices.json");
  await Deno.writeTextFile(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
}

Deno.test("eval --budget with a model that has no price exits 2 before any work", async () => {
  const runsDir = await Deno.makeTempDir();
  const out = await evalTiny(runsDir, ["--model", "openai:my-model", "--budget", "0.50"]);
  assert.equal(out.code, 2, out.stderr);
  assert.match(
    out.stderr,
    /^error: Cannot keep to a budget of \$0.50 with "openai:my-model": it has no price .*--prices FILE/m,
  );
  assert.deepEqual([...Deno.readDirSync(runsDir)], [], "no run folder");
  const bad = await evalTiny(runsDir, ["--budget", "0"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /Cannot use --budget "0": use an amount in USD > 0/);
});

Deno.test("eval and score --prices with a bad file exit 2 naming the file, the field and the fix", async () => {
  const runsDir = await Deno.makeTempDir();
  const file = await priceFile({ asOf: "2026-01", source: "s", models: { m: { input: "cheap" } } });
  for (
    const out of [
      await evalTiny(runsDir, ["--prices", file]),
      await cli(["score", "--prices", file]),
    ]
  ) {
    assert.equal(out.code, 2, out.stderr);
    assert.ok(
      out.stderr.includes(`Cannot read prices "${file}": field models.m.input: `),
      out.stderr,
    );
    assert.match(out.stderr, /write \{"asOf": "YYYY-MM"/);
    assert.doesNotMatch(out.stderr, /^\s+at /m, "no stack trace");
  }
});

Deno.test("eval --budget stops before a request could exceed it (exit 1, resumable), and a larger budget resumes the run", async () => {
  const suite = await loadSuite(join(ROOT, TINY_SUITE));
  const server = startSyntheticServer(suite.tasks);
  const runsDir = await Deno.makeTempDir();
  try {
    // Output at $100 per 1M tokens: a request's estimate (max_tokens 1000) is $0.10.
    const prices = await priceFile({
      asOf: "2026-01",
      source: "test",
      models: { reference: { input: 0, output: 100 } },
    });
    const env = { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: "test" };
    const args = ["--model", "openai:reference?max_tokens=1000", "--prices", prices, "--no-cache"];
    const stopped = await evalTiny(runsDir, [...args, "--budget", "0.05"], env);
    assert.equal(stopped.code, 1, stopped.stderr);
    assert.match(
      stopped.stderr,
      /assay: stopped at the budget \(spent \$0 of \$0.05; the next request could cost up to \$0.10\): 0 of 2 samples recorded in .*; run the same command to resume, with a larger budget/,
    );
    const dir = onlyRun(runsDir);
    assert.equal((await loadRun(dir)).incomplete?.recorded, 0);

    const resumed = await evalTiny(runsDir, [...args, "--budget", "1"], env);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(onlyRun(runsDir), dir, "the same run, resumed");
    const run = await loadRun(dir);
    assert.equal(run.incomplete, null);
    const spent = run.generations.reduce((sum, g) => sum + g.tokensOut! * 100 / 1e6, 0);
    assert.ok(spent > 0 && spent <= 1, `spent ${spent}`);
    assert.match(resumed.stdout, /^cost: \$[\d.]+ spent by 2 requests; list prices as of/m);
    assert.match(resumed.stdout, /\s\$0\.\d+\n/, "the cost column");
    assert.equal(run.manifest.prices?.models["openai:reference?max_tokens=1000"]?.source, "test");
  } finally {
    await server.close();
    await Deno.remove(runsDir, { recursive: true });
  }
});
