/**
 * A job folder and writing a task's tree into it.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { treePathProblem } from "../task/tree.ts";

/**
 * Write a job's extra files (a task's tree) under `jobDir`, creating parent folders. Throws
 * `Cannot write job file "<path>": …` on a path that is not safe (the caller should have
 * rejected it): that is a harness error, not a failing sample.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { writeJobFiles } from "./job_files.ts";
 * const dir = await Deno.makeTempDir();
 * await writeJobFiles(dir, { "src/a.ts": "export const a = 1;\n" });
 * assert.equal(await Deno.readTextFile(`${dir}/src/a.ts`), "export const a = 1;\n");
 * await assert.rejects(writeJobFiles(dir, { "../x.ts": "" }), /Cannot write job file/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeJobFiles(
  jobDir: string,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  for (const path of Object.keys(files)) {
    const problem = treePathProblem(path);
    if (problem) throw new RangeError(`Cannot write job file "${path}": ${problem}`);
  }
  for (const [path, source] of Object.entries(files)) {
    const target = join(jobDir, ...path.split("/"));
    await Deno.mkdir(dirname(target), { recursive: true });
    await Deno.writeTextFile(target, source);
  }
}

/** Where job folders go: a tmpfs when the machine has one (no disk write, no fsync). */
let root: Promise<string | undefined> | undefined;

/**
 * A new, private (mode 0700) job folder: under /dev/shm (a tmpfs) when it is a writable folder,
 * else in the system's temporary folder. A job's files and its DENO_DIR's SQLite caches live
 * there for one sample: on a disk, creating and syncing them cost the strict runner several ms a
 * sample (bench/strict_profile.ts). The caller removes it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { makeJobDir } from "./job_files.ts";
 * const dir = await makeJobDir();
 * assert((await Deno.stat(dir)).isDirectory);
 * assert.equal((await Deno.stat(dir)).mode! & 0o777, 0o700);
 * await Deno.remove(dir);
 * ```
 */
export async function makeJobDir(): Promise<string> {
  root ??= (async () => {
    try {
      const probe = await Deno.makeTempDir({ dir: "/dev/shm", prefix: "assay-probe-" });
      await Deno.remove(probe);
      return "/dev/shm";
    } catch {
      return undefined;
    }
  })();
  const dir = await root;
  return await Deno.makeTempDir({ prefix: "assay-job-", ...(dir ? { dir } : {}) });
}
