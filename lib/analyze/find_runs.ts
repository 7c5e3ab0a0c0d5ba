/**
 * Finding runs in a runs folder: which are complete, who made them, which is the newest that a
 * report should read by default (a complete CLI run, never a notebook's slice or an interrupted run).
 *
 * @module
 */
import { join } from "node:path";
import { Manifest } from "../record/manifest.ts";

/** One run folder and what its manifest says. */
export interface RunEntry {
  /** The run folder. */
  dir: string;
  /** Its manifest. */
  manifest: Manifest;
  /** True when every sample was recorded (`completedAt` set). */
  complete: boolean;
}

/**
 * Every run folder under `root` whose manifest reads, newest first (by run id, which starts with
 * the creation time). Folders without a readable manifest are left out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { listRuns } from "./find_runs.ts";
 * assert.deepEqual(await listRuns(await Deno.makeTempDir()), []);
 * ```
 */
export async function listRuns(root: string): Promise<RunEntry[]> {
  const names: string[] = [];
  try {
    for await (const e of Deno.readDir(root)) if (e.isDirectory) names.push(e.name);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  const out: RunEntry[] = [];
  for (const name of names.sort().reverse()) {
    try {
      const manifest = Manifest.parse(
        JSON.parse(await Deno.readTextFile(join(root, name, "manifest.json"))),
      );
      out.push({ dir: join(root, name), manifest, complete: manifest.completedAt !== null });
    } catch { /* not a run folder */ }
  }
  return out;
}

/** Options for {@link newestRun}. */
export interface NewestRunOptions {
  /** Only runs made by these origins (a run recorded before origins existed counts as `cli`). @default ["cli"] */
  origins?: readonly NonNullable<Manifest["origin"]>[];
  /** Only complete runs. @default true */
  complete?: boolean;
}

/**
 * The newest run a report should read by default: complete and made by the CLI, unless asked
 * otherwise; null when there is none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { newestRun } from "./find_runs.ts";
 * assert.equal(await newestRun(await Deno.makeTempDir()), null);
 * ```
 */
export async function newestRun(
  root: string,
  options: NewestRunOptions = {},
): Promise<RunEntry | null> {
  const origins = options.origins ?? ["cli"];
  const complete = options.complete ?? true;
  return (await listRuns(root)).find((r) =>
    (!complete || r.complete) && origins.includes(r.manifest.origin ?? "cli")
  ) ?? null;
}
