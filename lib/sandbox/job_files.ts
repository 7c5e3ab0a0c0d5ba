/**
 * Writing a task's tree into a job folder.
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
