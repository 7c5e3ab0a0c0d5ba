/**
 * Finding runs in a runs folder: which are complete, who made them, which is the newest that a
 * report should read by default (a complete CLI run, never a notebook's slice or an interrupted run),
 * and what each holds, counted by streaming its results (for `./assay runs`).
 *
 * @module
 */
import { readLines } from "../record/jsonl_lines.ts";
import { join } from "node:path";
import { Manifest } from "../record/manifest.ts";
import { sampleKey } from "../record/sample_key.ts";

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
 * Every run folder under `root` whose manifest reads, newest first (by creation time, then run
 * id). Folders without a readable manifest are left out.
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
  // Newest first by creation time (to the millisecond; ids share a second), then by id.
  out.sort((a, b) =>
    b.manifest.createdAt.localeCompare(a.manifest.createdAt) ||
    b.manifest.runId.localeCompare(a.manifest.runId)
  );
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

/** What a run's results hold, counted line by line (no record is kept). */
export interface RunTally {
  /** Samples with a result (one per sample key; the last record of a key wins). */
  recorded: number;
  /** Recorded samples of tasks that could be judged (generation errors included): the pass rate's denominator. */
  judged: number;
  /** Judged samples that passed every case. */
  passed: number;
  /** Lines that could not be read (a truncated last line, from a kill mid-write, is not counted). */
  unreadable: number;
}

/**
 * Count a run's samples without loading its records: `results.jsonl` streamed line by line,
 * keeping one small entry per sample key (the last record of a key wins, as in `loadRun`); a
 * format-1 run's failed generations (which had no result) count as judged failures.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tallyRun } from "./find_runs.ts";
 * const dir = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;
 * const tally = await tallyRun(dir);
 * assert.equal(tally.recorded, 12);
 * assert(tally.passed <= tally.judged && tally.judged <= tally.recorded);
 * ```
 *
 * @param dir The run folder.
 * @param formatVersion The manifest's format version. @default 2
 */
export async function tallyRun(dir: string, formatVersion = 2): Promise<RunTally> {
  // Per key: 0 failed, 1 passed, 2 not judged (its task could not be judged).
  const state = new Map<string, 0 | 1 | 2>();
  let unreadable = 0;
  await readLines(join(dir, "results.jsonl"), (line, _n, last) => {
    try {
      const r = JSON.parse(line);
      state.set(sampleKey(r), r.taskError !== undefined ? 2 : r.passed === true ? 1 : 0);
    } catch {
      if (!last) unreadable++;
    }
  });
  if (formatVersion === 1) {
    await readLines(join(dir, "generations.jsonl"), (line) => {
      try {
        const g = JSON.parse(line);
        if (g.error !== null && g.error !== undefined) {
          const key = sampleKey(g);
          if (!state.has(key)) state.set(key, 0);
        }
      } catch { /* counted with the results */ }
    });
  }
  let judged = 0;
  let passed = 0;
  for (const v of state.values()) {
    if (v !== 2) judged++;
    if (v === 1) passed++;
  }
  return { recorded: state.size, judged, passed, unreadable };
}
