import assert from "node:assert/strict";
import { basename } from "node:path";
import { runSample, writeJobFiles } from "../../lib/sandbox/deno.ts";
import { RUNNER_FILES } from "../../lib/sandbox/inside_sources.ts";
import { makeJobDir, sweepStaleJobDirs } from "../../lib/sandbox/job_files.ts";

Deno.test("runSample() writes a job's files into nested folders and the tests import them", async () => {
  const result = await runSample({
    code: "",
    testsSource:
      'import { total } from "./src/cart.ts";\nexport const cases = { "sums": () => { if (total([1, 2]) !== 3) throw new Error("no"); } };\n',
    cases: [{ name: "sums", kind: "core", tags: [] }],
    entry: "total",
    files: {
      "src/cart.ts":
        'import { add } from "./lib/math.ts";\nexport const total = (xs: number[]) => xs.reduce(add, 0);\n',
      "src/lib/math.ts": "export const add = (a: number, b: number) => a + b;\n",
    },
  }, { isolation: "none" });
  assert.equal(result.outcome, "completed");
  assert.equal(result.cases[0].status, "pass");
});

Deno.test("writeJobFiles() throws on a path that escapes the job folder or replaces the harness", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await assert.rejects(
      writeJobFiles(dir, { "../evil.ts": "" }),
      /Cannot write job file "\.\.\/evil\.ts": .*escapes the tree/,
    );
    await assert.rejects(writeJobFiles(dir, { "/tmp/x.ts": "" }), /absolute/);
    await assert.rejects(writeJobFiles(dir, { "runner.ts": "" }), /reserved for the harness/);
    // The strict runner's files as the job folder holds them (lib/sandbox/inside_sources.ts).
    for (const name of Object.keys(RUNNER_FILES)) {
      await assert.rejects(writeJobFiles(dir, { [name]: "" }), /reserved for the harness/);
    }
    const left = [];
    for await (const e of Deno.readDir(dir)) left.push(e.name);
    assert.deepEqual(left, [], "nothing is written when any path is unsafe");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** The pid of a process that has ended (a `true` that was waited for). */
async function deadPid(): Promise<number> {
  const child = new Deno.Command("true").spawn();
  await child.status;
  return child.pid;
}

Deno.test("makeJobDir() names the folder for this process", async () => {
  const dir = await makeJobDir();
  try {
    assert.match(basename(dir), new RegExp(`^assay-job-${Deno.pid}-[0-9a-f]+$`));
  } finally {
    await Deno.remove(dir);
  }
});

Deno.test("sweepStaleJobDirs() removes only old folders of dead processes and old unnamed ones", async () => {
  const root = await Deno.makeTempDir();
  try {
    const dead = await deadPid();
    const now = Date.now();
    const aged = async (name: string, ageMs: number, kind: "dir" | "file" = "dir") => {
      const path = `${root}/${name}`;
      if (kind === "dir") {
        await Deno.mkdir(path);
        await Deno.writeTextFile(`${path}/solution.ts`, "");
      } else await Deno.writeTextFile(path, "");
      const when = new Date(now - ageMs);
      await Deno.utime(path, when, when);
    };
    await aged(`assay-job-${dead}-a1`, 120_000); // dead parent, old: removed
    await aged(`assay-job-${Deno.pid}-a2`, 7_200_000); // live parent: kept
    await aged(`assay-job-${dead}-a3`, 10_000); // dead parent, young: kept
    await aged("assay-job-beef", 7_200_000); // old-style, over an hour: removed
    await aged("assay-job-cafe", 1_800_000); // old-style, half an hour: kept
    await aged("other-folder", 7_200_000); // not a job folder: kept
    await aged(`assay-job-${dead}-a4`, 120_000, "file"); // not a folder: kept
    await aged("target", 7_200_000);
    await Deno.symlink(`${root}/target`, `${root}/assay-job-${dead}-a5`); // a symlink: kept
    const removed = await sweepStaleJobDirs(root, now);
    assert.deepEqual(removed.sort(), [`${root}/assay-job-${dead}-a1`, `${root}/assay-job-beef`]);
    const left = [];
    for await (const e of Deno.readDir(root)) left.push(e.name);
    assert.deepEqual(
      left.sort(),
      [
        `assay-job-${Deno.pid}-a2`,
        `assay-job-${dead}-a3`,
        `assay-job-${dead}-a4`,
        `assay-job-${dead}-a5`,
        "assay-job-cafe",
        "other-folder",
        "target",
      ].sort(),
    );
    assert.equal(await Deno.readTextFile(`${root}/target/solution.ts`), "");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("sweepStaleJobDirs() does not throw when the root is missing", async () => {
  assert.deepEqual(await sweepStaleJobDirs("/nonexistent/assay-sweep-root"), []);
});
