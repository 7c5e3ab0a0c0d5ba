/**
 * The run store: `data/runs/<run-id>/` with `manifest.json`, and append-only
 * `generations.jsonl` and `results.jsonl` written as samples complete (one
 * whole line per write, so a killed run loses at most the line being written).
 *
 * @module
 */
import { readLines } from "../record/jsonl_lines.ts";
import { join } from "node:path";
import { type GenerationRecord, type PromptRecord } from "../record/generation.ts";
import { FORMAT_VERSION, Manifest } from "../record/manifest.ts";
import { type ResultRecord } from "../record/result.ts";

/** File names inside a run folder. */
export const RUN_FILES = {
  manifest: "manifest.json",
  generations: "generations.jsonl",
  results: "results.jsonl",
  prompts: "prompts.jsonl",
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
  /** Append a prompt to `prompts.jsonl` unless its hash is already there (written before the generations that point at it). */
  appendPrompt(record: PromptRecord): Promise<void>;
  /** Record the tasks that could not be judged, with the reason, in the manifest (written at once). */
  recordTaskErrors(errors: Record<string, string>): Promise<void>;
  /** Record the per-task limits derived from the references in the manifest (written at once). */
  recordTimeouts(timeouts: NonNullable<Manifest["timeouts"]>): Promise<void>;
  /** Record where the samples ran (a fleet: its server without credentials, its workers). */
  recordExecutor(executor: NonNullable<Manifest["executor"]>): Promise<void>;
  /** Mark the run complete in its manifest (after every record is written). */
  complete(): Promise<void>;
  /** Wait for pending writes and close the files. */
  close(): Promise<void>;
}

/**
 * A new run id: sortable UTC time plus a random suffix, e.g. `20261126-131500-3f9a`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { newRunId } from "./store.ts";
 * assert(/^\d{8}-\d{6}-[0-9a-f]{4}$/.test(newRunId(new Date())));
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
 * import assert from "node:assert/strict";
 * import { createRun } from "./store.ts";
 * const root = await Deno.makeTempDir();
 * const run = await createRun(root, {
 *   runId: "r1", createdAt: new Date().toISOString(), gitRevision: null,
 *   suite: { name: "s", dir: "/s", hash: "h", tasks: 0 }, models: [], variants: [], params: {}, tools: {},
 *   configHash: "c", resumedAt: [], completedAt: null,
 * });
 * await run.close();
 * assert(run.dir.endsWith("r1"));
 * ```
 */
export async function createRun(
  root: string,
  manifest: Omit<Manifest, "formatVersion">,
): Promise<RunWriter> {
  const dir = join(root, manifest.runId);
  await Deno.mkdir(dir, { recursive: true });
  const full: Manifest = { formatVersion: FORMAT_VERSION, ...manifest };
  await writeManifest(dir, full);
  return await openWriter(dir, full);
}

/**
 * Reopen an interrupted run for appending. A torn last line (a kill
 * mid-write) is cut off first, so its record is redone; the resume time is
 * added to the manifest.
 */
export async function reopenRun(dir: string): Promise<RunWriter> {
  const manifest = Manifest.parse(
    JSON.parse(await Deno.readTextFile(join(dir, RUN_FILES.manifest))),
  );
  for (const name of [RUN_FILES.generations, RUN_FILES.results, RUN_FILES.prompts]) {
    await cutTornTail(join(dir, name));
  }
  manifest.resumedAt.push(new Date().toISOString());
  await writeManifest(dir, manifest);
  return await openWriter(dir, manifest);
}

/**
 * The newest incomplete run under `root` made with the same configuration
 * hash, or null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { findResumable } from "./store.ts";
 * assert((await findResumable(await Deno.makeTempDir(), "h")) === null);
 * ```
 */
export async function findResumable(root: string, configHash: string): Promise<string | null> {
  for await (const { dir, manifest: m } of manifestsNewestFirst(root)) {
    if (m.configHash === configHash && m.completedAt === null) return dir;
  }
  return null;
}

/** Every run folder under `root` whose manifest reads (older formats and other folders skipped), newest first. */
async function* manifestsNewestFirst(
  root: string,
): AsyncGenerator<{ dir: string; manifest: Manifest }> {
  const names: string[] = [];
  try {
    for await (const e of Deno.readDir(root)) if (e.isDirectory) names.push(e.name);
  } catch {
    return;
  }
  for (const name of names.sort().reverse()) {
    let manifest: Manifest;
    try {
      manifest = Manifest.parse(
        JSON.parse(await Deno.readTextFile(join(root, name, RUN_FILES.manifest))),
      );
    } catch {
      continue; // not a run folder, or a format this code does not read
    }
    yield { dir: join(root, name), manifest };
  }
}

/**
 * The newest incomplete run under `root` of the same suite and variant names whose configuration
 * hash differs (an edited template, changed parameters), with what changed; null when none. Lets
 * a user who expected a resume hear why a new run started.
 */
export async function findSuperseded(
  root: string,
  next: Pick<Manifest, "configHash" | "variants" | "suite" | "templates">,
): Promise<{ dir: string; reason: string } | null> {
  for await (const { dir, manifest: m } of manifestsNewestFirst(root)) {
    if (
      m.completedAt !== null || m.configHash === next.configHash ||
      m.suite.name !== next.suite.name ||
      JSON.stringify(m.variants) !== JSON.stringify(next.variants)
    ) continue;
    const before = new Map((m.templates ?? []).map((t) => [t.name, t.promptsHash]));
    const edited = (next.templates ?? []).filter((t) =>
      before.has(t.name) && before.get(t.name) !== t.promptsHash
    ).map((t) => `"${t.name}"`);
    // A changed suite (or task selection) renders different prompts too: name the cause.
    const reason = m.suite.tasks !== next.suite.tasks
      ? `the task selection changed (${m.suite.tasks} task${
        m.suite.tasks === 1 ? "" : "s"
      } then, ${next.suite.tasks} now)`
      : m.suite.hash !== next.suite.hash
      ? "the suite's content or the task selection changed"
      : edited.length
      ? `template ${edited.join(", ")} renders different prompts`
      : "the models, parameters or sandbox settings changed";
    return { dir, reason };
  }
  return null;
}

/** Write the manifest atomically (temp file, then rename). */
async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const tmp = join(dir, `.${RUN_FILES.manifest}.tmp`);
  await Deno.writeTextFile(tmp, JSON.stringify(manifest, null, 2) + "\n");
  await Deno.rename(tmp, join(dir, RUN_FILES.manifest));
}

/** Cut a JSONL file back to its last complete line. */
async function cutTornTail(path: string): Promise<void> {
  let bytes: Uint8Array;
  try {
    bytes = await Deno.readFile(path);
  } catch {
    return;
  }
  if (bytes.length === 0 || bytes[bytes.length - 1] === 0x0a) return;
  const keep = bytes.lastIndexOf(0x0a) + 1;
  await Deno.truncate(path, keep);
}

async function openWriter(dir: string, manifest: Manifest): Promise<RunWriter> {
  const gens = await Deno.open(join(dir, RUN_FILES.generations), { append: true, create: true });
  const results = await Deno.open(join(dir, RUN_FILES.results), { append: true, create: true });
  const promptsPath = join(dir, RUN_FILES.prompts);
  const promptHashes = new Set<string>();
  await readRecords(promptsPath, (p: PromptRecord) => promptHashes.add(p.hash));
  const prompts = await Deno.open(promptsPath, { append: true, create: true });
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
    manifest,
    appendGeneration: (record) => append(gens, record),
    appendResult: (record) => append(results, record),
    appendPrompt(record) {
      if (promptHashes.has(record.hash)) return queue;
      promptHashes.add(record.hash);
      return append(prompts, record);
    },
    async recordTaskErrors(errors) {
      manifest.taskErrors = errors;
      await writeManifest(dir, manifest);
    },
    async recordTimeouts(timeouts) {
      manifest.timeouts = timeouts;
      await writeManifest(dir, manifest);
    },
    async recordExecutor(executor) {
      manifest.executor = executor;
      await writeManifest(dir, manifest);
    },
    async complete() {
      await queue;
      manifest.completedAt = new Date().toISOString();
      await writeManifest(dir, manifest);
    },
    async close() {
      await queue;
      gens.close();
      results.close();
      prompts.close();
    },
  };
}

/**
 * Stream a JSONL file's records to `onRecord`, one line at a time (memory
 * does not grow with the file). Blank lines are skipped; a missing file has
 * no records. Lines are parsed, not validated.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readRecords } from "./store.ts";
 * const file = await Deno.makeTempFile();
 * await Deno.writeTextFile(file, '{"a":1}\n\n{"a":2}\n');
 * const seen: number[] = [];
 * await readRecords(file, (r: { a: number }) => seen.push(r.a));
 * assert.deepEqual(seen, [1, 2]);
 * ```
 */
export async function readRecords<T>(path: string, onRecord: (record: T) => void): Promise<void> {
  await readLines(path, (line, lineNo) => {
    try {
      onRecord(JSON.parse(line) as T);
    } catch (error) {
      throw new SyntaxError(`Cannot read "${path}": line ${lineNo}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
}
