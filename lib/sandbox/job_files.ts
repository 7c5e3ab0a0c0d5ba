/**
 * A job folder and writing a task's tree into it.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { treePathProblem } from "../task/tree.ts";
import type { Isolation } from "./sandbox.ts";

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
/** The one sweep of stale job folders this process makes (the first makeJobDir call runs it). */
let swept: Promise<unknown> | undefined;

/** What every job folder's name begins with. */
const PREFIX = "assay-job-";
/** A job folder named for the process that made it: `assay-job-<parentpid>-<random>`. */
const WITH_PID = /^assay-job-(\d+)-[0-9a-f]+$/;
/** A job folder from before names carried a pid: `assay-job-<random>`. */
const WITHOUT_PID = /^assay-job-[0-9a-f]+$/;
/** A folder whose parent is gone is left alone this long (its pid may be reused; it may be starting). */
const DEAD_PARENT_AGE_MS = 60_000;
/** An old-style folder (no pid to check) is left alone this long. */
const NO_PID_AGE_MS = 60 * 60_000;

/**
 * A new, private (mode 0700) job folder named `assay-job-<this pid>-<random>`: under /dev/shm (a
 * tmpfs) when it is a writable folder, else in the system's temporary folder. A job's files and
 * its DENO_DIR's SQLite caches live there for one sample: on a disk, creating and syncing them
 * cost the strict runner several ms a sample (bench/strict_profile.ts). The caller removes it.
 * The first call in a process also removes, from the same folder, the job folders a killed
 * process left behind ({@linkcode sweepStaleJobDirs}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { basename } from "node:path";
 * import { makeJobDir } from "./job_files.ts";
 * const dir = await makeJobDir();
 * assert((await Deno.stat(dir)).isDirectory);
 * assert.equal((await Deno.stat(dir)).mode! & 0o777, 0o700);
 * assert(basename(dir).startsWith(`assay-job-${Deno.pid}-`));
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
  const where = await root;
  const dir = await Deno.makeTempDir({
    prefix: `${PREFIX}${Deno.pid}-`,
    ...(where ? { dir: where } : {}),
  });
  swept ??= sweepStaleJobDirs(dirname(dir));
  await swept;
  return dir;
}

/**
 * Remove the job folders in `root` that a killed process left behind, and return their paths:
 * a folder `assay-job-<pid>-<random>` whose process no longer exists (no `/proc/<pid>`) and
 * whose mtime is more than 60 s before `now` (a pid may be reused; a young folder may belong to
 * a process that is starting), and an old-style `assay-job-<random>` older than 1 hour. Where
 * there is no /proc it removes nothing. It never follows a symlink, touches nothing else, and
 * never throws: a folder that vanishes meanwhile or cannot be read or removed is skipped.
 *
 * @param root the folder job folders are made in (`/dev/shm` or the temporary folder)
 * @param now the time ages are measured from, in ms since the epoch. @default Date.now()
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sweepStaleJobDirs } from "./job_files.ts";
 * const root = await Deno.makeTempDir();
 * await Deno.mkdir(`${root}/assay-job-${Deno.pid}-1a2b`);
 * await Deno.mkdir(`${root}/keep-me`);
 * assert.deepEqual(await sweepStaleJobDirs(root, Date.now() + 7_200_000), []);
 * await Deno.remove(root, { recursive: true });
 * ```
 */
export async function sweepStaleJobDirs(root: string, now: number = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  try {
    if (!(await Deno.stat("/proc/self")).isDirectory) return removed;
    for await (const entry of Deno.readDir(root)) {
      if (!entry.isDirectory || entry.isSymlink || !entry.name.startsWith(PREFIX)) continue;
      const path = join(root, entry.name);
      try {
        if (await isStale(path, entry.name, now)) {
          await Deno.remove(path, { recursive: true });
          removed.push(path);
        }
      } catch {
        // vanished meanwhile, or not ours to read or remove: leave it
      }
    }
  } catch {
    // no /proc, or the root cannot be read: sweep nothing (more)
  }
  return removed;
}

/** Whether the job folder `path` (named `name`) is stale at `now`; throws when it cannot tell. */
async function isStale(path: string, name: string, now: number): Promise<boolean> {
  const pid = WITH_PID.exec(name)?.[1];
  const limit = pid !== undefined
    ? DEAD_PARENT_AGE_MS
    : WITHOUT_PID.test(name)
    ? NO_PID_AGE_MS
    : undefined;
  if (limit === undefined) return false;
  const info = await Deno.lstat(path);
  if (!info.isDirectory || info.isSymlink || info.mtime === null) return false;
  if (now - info.mtime.getTime() <= limit) return false;
  return pid === undefined || !(await processExists(Number(pid)));
}

/** Whether a process `pid` exists (by /proc); true when that cannot be told. */
async function processExists(pid: number): Promise<boolean> {
  try {
    await Deno.stat(`/proc/${pid}`);
    return true;
  } catch (error) {
    return !(error instanceof Deno.errors.NotFound);
  }
}

/**
 * Give the job folder `jobDir` the dependency store `nodeModules` at `node_modules`, where the
 * sandboxed Deno finds it: under bubblewrap an empty mount point (isolate.ts binds the store
 * there, read-only), without isolation a symlink to the store.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { placeStore } from "./job_files.ts";
 * const dir = await Deno.makeTempDir();
 * await placeStore(dir, "/nowhere/node_modules", "none");
 * assert.equal(await Deno.readLink(`${dir}/node_modules`), "/nowhere/node_modules");
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function placeStore(
  jobDir: string,
  nodeModules: string,
  isolation: Isolation,
): Promise<void> {
  if (isolation === "bwrap") await Deno.mkdir(join(jobDir, "node_modules"));
  else await Deno.symlink(nodeModules, join(jobDir, "node_modules"));
}
