import assert from "node:assert/strict";
import { join } from "node:path";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { onlyRun, ROOT } from "./_cli.ts";

const isolation = (await bwrapAvailable()) ? "bwrap" : "none";

/** Lines in a file, 0 when it does not exist yet. */
async function lineCount(path: string): Promise<number> {
  try {
    return (await Deno.readTextFile(path)).split("\n").filter(Boolean).length;
  } catch {
    return 0;
  }
}

Deno.test("eval on Ctrl-C says what was recorded and how to resume, removes every temp folder, exits 130; the same command resumes", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "cli-interrupt-" });
  const runsDir = await Deno.makeTempDir();
  const args = [
    "run",
    "-A",
    join(ROOT, "lib/cli.ts"),
    "eval",
    "--model",
    "synthetic:sloppy",
    "--runs-dir",
    runsDir,
    "--isolation",
    isolation,
    "--quiet",
  ];
  try {
    const child = new Deno.Command(Deno.execPath(), {
      args,
      cwd: ROOT,
      env: { TMPDIR: tmp },
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const output = child.output();
    // Wait until a few samples are recorded, then press Ctrl-C.
    const deadline = Date.now() + 120_000;
    let results = "";
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      const runs = [...Deno.readDirSync(runsDir)];
      if (runs.length === 0) continue;
      results = join(runsDir, runs[0].name, "results.jsonl");
      if (await lineCount(results) >= 3) break;
    }
    child.kill("SIGINT");
    const out = await output;
    const stderr = new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 130, stderr);
    const m = stderr.match(
      /assay: interrupted: (\d+) of 60 samples recorded in (\S+); run the same command to resume/,
    );
    assert.ok(m, stderr);
    const recorded = Number(m[1]);
    assert.ok(recorded >= 3 && recorded < 60, stderr);
    assert.equal(await lineCount(results), recorded);
    assert.doesNotMatch(stderr, /internal error|Uncaught/);
    // No warm host's folder, no job folder: nothing of the run is left in the temp folder.
    assert.deepEqual([...Deno.readDirSync(tmp)].map((e) => e.name), []);
    // The same command resumes it and finishes it.
    const again = await new Deno.Command(Deno.execPath(), {
      args,
      cwd: ROOT,
      env: { TMPDIR: tmp },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr2 = new TextDecoder().decode(again.stderr);
    assert.equal(again.code, 0, stderr2);
    assert.match(stderr2, new RegExp(`resuming .*: ${recorded} of 60 samples already recorded`));
    assert.equal(await lineCount(join(onlyRun(runsDir), "results.jsonl")), 60);
  } finally {
    await Deno.remove(tmp, { recursive: true });
    await Deno.remove(runsDir, { recursive: true });
  }
});
