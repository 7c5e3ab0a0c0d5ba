import assert from "node:assert/strict";
import { join } from "node:path";
import { slowSuite } from "../run/_slow_suite.ts";
import { cli } from "./_cli.ts";

/** The slow suite with clamp imported from a jest file that had two `it.skip` tests. */
async function slowSuiteWithSkips(): Promise<string> {
  const dir = await slowSuite(1500);
  const path = join(dir, "clamp/task.json");
  const task = JSON.parse(await Deno.readTextFile(path));
  await Deno.writeTextFile(path, JSON.stringify({ ...task, tags: [...task.tags, "skipped:2"] }));
  return dir;
}

Deno.test("validate shows each task's skipped tests and lists references slower than declared", async () => {
  const dir = await slowSuiteWithSkips();
  try {
    const out = await cli([
      "validate",
      "--suite",
      dir,
      "--unsafe-no-isolation",
      "--reference-ceiling-ms",
      "10000",
    ]);
    assert.equal(out.code, 0, out.stderr);
    const lines = out.stdout.split("\n");
    const header = lines.find((l) => l.startsWith("| task |"))!;
    const cells = (l: string) => l.split("|").slice(1, -1).map((c) => c.trim());
    const column = cells(header).indexOf("skipped tests");
    assert.ok(column > 0, header);
    const row = (task: string) => cells(lines.find((l) => l.startsWith(`| ${task} |`))!);
    assert.equal(row("clamp")[column], "2");
    assert.equal(row("sum-evens")[column], "0");
    assert.match(row("sum-evens")[1], /^3\/3 pass \(slow\)$/);
    assert.match(out.stdout, /skipped tests: tests the importer left out of the task/);
    assert.match(
      out.stdout,
      /Slow references .*\n\n- sum-evens: reference \d+ ms, declared timeoutMs 1000, samples limited to \d+ ms/,
    );
    assert.match(
      out.stderr,
      /note: 1 task\(s\) have a reference slower than their declared timeoutMs[^\n]*\n {2}- sum-evens: reference \d+ ms/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("validate refuses a --reference-ceiling-ms that is not a positive integer (exit 2)", async () => {
  const out = await cli(["validate", "--reference-ceiling-ms", "2s", "--unsafe-no-isolation"]);
  assert.equal(out.code, 2);
  assert.match(out.stderr, /Cannot use --reference-ceiling-ms "2s": use an integer >= 1/);
});
