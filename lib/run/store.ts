/**
 * The run store: `data/runs/<run-id>/` with `manifest.json`, and append-only
 * `generations.jsonl` and `results.jsonl` written as samples complete (one
 * whole line per write, so a killed run loses at most the line being written).
 *
 * @module
 */
import { join } from "node:path";
import {
  FORMAT_VERSION,
  type GenerationRecord,
  type Manifest,
  type ResultRecord,
} from "./records.ts";

/** File names inside a run folder. */
export const RUN_FILES = {
  manifest: "manifest.json",
  generations: "generations.jsonl",
  results: "results.jsonl",
  parquet: "results.parquet",
  report: "report.html",
} as const;

/** Appends records to one run folder. */
export interface RunWriter {
  /** The run folder. */
  readonly dir: string;
  /** The manifest written at creation. */
  readonly manifest: Manifest;
  /** Append one generation record (one line, flushed). */
  appendGeneration(record: GenerationRecord): Promise<void>;
  /** Append one result record (one line, flushed). */
  appendResult(record: ResultRecord): Promise<void>;
  /** Wait for pending writes and close the files. */
  close(): Promise<void>;
}

/**
 * A new run id: sortable UTC time plus a random suffix, e.g. `20261126-131500-3f9a`.
 *
 * @example
 * ```ts
 * import { newRunId } from "./store.ts";
 * console.assert(/^\d{8}-\d{6}-[0-9a-f]{4}$/.test(newRunId(new Date())));
 * ```
 */
export function newRunId(now: Date = new Date()): string {
  const iso = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const suffix = crypto.getRandomValues(new Uint8Array(2));
  return `${iso}-${Array.from(suffix, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

/** The git revision of the assay checkout, or null outside git. */
export async function gitRevision(cwd: string): Promise<string | null> {
  try {
    const out = await new Deno.Command("git", {
      args: ["rev-parse", "HEAD"],
      cwd,
      stdout: "piped",
      stderr: "null",
    })
      .output();
    return out.success ? new TextDecoder().decode(out.stdout).trim() : null;
  } catch {
    return null;
  }
}

/** Tool versions recorded in every manifest. */
export function toolVersions(): Record<string, string> {
  return {
    deno: Deno.version.deno,
    v8: Deno.version.v8,
    typescript: Deno.version.typescript,
    assay: "0.1.0",
  };
}

/**
 * Create a run folder under `root` with its manifest, and return a writer.
 *
 * @example
 * ```ts
 * import { createRun } from "./store.ts";
 * const root = await Deno.makeTempDir();
 * const run = await createRun(root, {
 *   runId: "r1", createdAt: new Date().toISOString(), gitRevision: null,
 *   suite: { name: "s", dir: "/s", hash: "h", tasks: 0 }, models: [], variants: [], params: {}, tools: {},
 * });
 * await run.close();
 * console.assert(run.dir.endsWith("r1"));
 * ```
 */
export async function createRun(
  root: string,
  manifest: Omit<Manifest, "formatVersion">,
): Promise<RunWriter> {
  const dir = join(root, manifest.runId);
  await Deno.mkdir(dir, { recursive: true });
  const full: Manifest = { formatVersion: FORMAT_VERSION, ...manifest };
  await Deno.writeTextFile(join(dir, RUN_FILES.manifest), JSON.stringify(full, null, 2) + "\n");
  const gens = await Deno.open(join(dir, RUN_FILES.generations), { append: true, create: true });
  const results = await Deno.open(join(dir, RUN_FILES.results), { append: true, create: true });
  let queue: Promise<void> = Promise.resolve();
  const append = (file: Deno.FsFile, record: unknown) => {
    const bytes = new TextEncoder().encode(JSON.stringify(record) + "\n");
    queue = queue.then(async () => {
      let written = 0;
      while (written < bytes.length) written += await file.write(bytes.subarray(written));
    });
    return queue;
  };
  return {
    dir,
    manifest: full,
    appendGeneration: (record) => append(gens, record),
    appendResult: (record) => append(results, record),
    async close() {
      await queue;
      gens.close();
      results.close();
    },
  };
}
