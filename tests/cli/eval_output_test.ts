import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import type { SummaryRow } from "../../lib/analyze/summary.ts";
import { NARROW_COLUMNS, summaryText, WIDE_COLUMNS } from "../../lib/cli/summary_text.ts";
import { cli, evalTiny, onlyRun, ROOT } from "./_cli.ts";

Deno.test("eval records --name and --tag, counts only the run's samples in the sandbox line, ends with the next steps (issue 16)", async () => {
  const runsDir = await Deno.makeTempDir();
  const out = await evalTiny(runsDir, [
    "--model",
    "synthetic:sloppy",
    "--samples",
    "2",
    "--name",
    "nightly baseline",
    "--tag",
    "ci",
    "--tag",
    "nightly",
    "--tag",
    "ci",
  ]);
  assert.equal(out.code, 0, out.stderr);
  const dir = onlyRun(runsDir);
  const manifest = JSON.parse(await Deno.readTextFile(join(dir, "manifest.json")));
  assert.equal(manifest.name, "nightly baseline");
  assert.deepEqual(manifest.tags, ["ci", "nightly"]);
  // 2 tasks × 2 samples; the two reference timings ran in the same pool and are not counted.
  const line = out.stderr.split("\n").find((l) => l.startsWith("assay: sandbox: "));
  assert.ok(line, out.stderr);
  const [, warm, total] = line.match(/^assay: sandbox: (\d+) of (\d+) samples ran in warm hosts/)!;
  assert.equal(Number(total), 4, line);
  assert.ok(Number(warm) <= 4);
  assert.doesNotMatch(line, /the job does/);
  const last = out.stdout.trimEnd().split("\n").slice(-3).join("\n");
  const next = last.match(
    /^next: \.\/assay report --run (\S+)\n {6}\.\/assay runs\n {6}\.\/assay score --run \1 --policy …$/,
  );
  assert.ok(next, last);
  assert.equal(resolve(ROOT, next[1]), dir, "the run folder, relative to where eval ran");
  for (const l of out.stdout.split("\n")) {
    if (!l.startsWith("next:")) assert.ok(l.length <= 100, `over 100 columns: ${l}`);
  }
  assert.doesNotMatch(out.stdout, /ttft p50/, "the default summary is the narrow one");
  const wide = await cli(["score", "--run", dir, "--wide"]);
  assert.ok(wide.code === 0 || wide.code === 1, wide.stderr); // 1: sloppy fails the default policy
  assert.match(wide.stdout, /ttft p50 +total p50 +tok\/s +cached +retries/);
  const withPolicy = await cli(["score", "--run", dir]);
  assert.doesNotMatch(withPolicy.stdout, /tok\/s/);
});

/** A summary row with long names, the widest cells a real run is likely to have. */
function row(over: Partial<SummaryRow> = {}): SummaryRow {
  return {
    model: "openrouter:meta-llama/llama-3.1-405b-instruct",
    variant: "reasoning-first+irrelevant_context",
    synthetic: false,
    samples: 1200,
    generationErrors: 123,
    passRate: 0.61,
    passFraction: 0.7,
    weightedAccuracy: -0.123,
    correct: 732,
    almost: 120,
    wrong: 348,
    ttftP50: 1234,
    totalP50: 98765,
    tokensPerSecP50: 45,
    cached: 0,
    costUsd: 1234.5678,
    costEstimated: true,
    costUncounted: 0,
    costRequests: 1200,
    priceKind: "list",
    retries: 3,
    retryMs: 4000,
    ...over,
  } as SummaryRow;
}

Deno.test("summaryText() fits 100 columns, its cost column included; --wide keeps every column (issue 16)", () => {
  const rows = [row(), row({ model: "synthetic:default", synthetic: true, language: "py" })];
  const narrow = summaryText(rows);
  for (const l of narrow.split("\n")) assert.ok(l.length <= 100, `${l.length}: ${l}`);
  // A usual run (short names, hundreds of samples) fits with room to spare, its cost included.
  const usual = summaryText([
    row({ model: "synthetic:default", variant: "plain", samples: 360, generationErrors: 0 }),
  ]);
  for (const l of usual.split("\n")) assert.ok(l.length <= 100, `${l.length}: ${l}`);
  assert.match(usual.split("\n")[0], / cost$/);
  assert.match(narrow, /openrouter:meta-lla… /, "a long model name is cut with …");
  assert.match(narrow, /synthetic:default\*/);
  assert.match(narrow, /^\* synthetic: an offline stand-in/m);
  const wide = summaryText(rows, { wide: true });
  assert.match(wide, /openrouter:meta-llama\/llama-3\.1-405b-instruct /);
  assert.match(wide, /synthetic:default \(synthetic\)/);
  assert.match(wide, /3 \(4\.0 s\)/);
  assert.deepEqual(
    NARROW_COLUMNS.filter((c) => !WIDE_COLUMNS.includes(c)),
    ["gen err", "c/a/w"],
    "the narrow table is the wide one's columns, the spectrum under a shorter head",
  );
});
