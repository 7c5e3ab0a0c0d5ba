/**
 * Read a run folder (`data/runs/<run-id>/`) back into validated records.
 *
 * @module
 */
import { join } from "node:path";
import type { z } from "zod";
import { GenerationRecord } from "../record/generation.ts";
import { Manifest } from "../record/manifest.ts";
import { ResultRecord } from "../record/result.ts";
import { readLastRecords } from "../record/last_records.ts";
import { type SampleKey, sampleKey } from "../record/sample_key.ts";

/** A run read back from its folder: the manifest and every record, validated. */
export interface Run {
  /** The run folder, as given to {@link loadRun}. */
  dir: string;
  /** `manifest.json`. */
  manifest: Manifest;
  /** Every line of `generations.jsonl`, in file order (one per sample key). */
  generations: GenerationRecord[];
  /**
   * The judged results, in file order (one per sample key): every sample of a task that could be
   * judged, a failed generation included (outcome `generation_error`). What every score counts.
   */
  results: ResultRecord[];
  /** Results that could not be judged (`taskError`, or an infrastructure error: `executionError`): recorded, never scored. */
  unjudged: ResultRecord[];
  /** Null when the run completed; else how many samples it holds of how many it should. */
  incomplete: Incompleteness | null;
}

/** How far an incomplete run got. */
export interface Incompleteness {
  /** Samples with a result (judged or not). */
  recorded: number;
  /** Samples the complete run holds (null when an old manifest does not say). */
  expected: number | null;
}

/**
 * "incomplete: 13 of 60 samples recorded" (or without the total when unknown).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { incompleteLabel } from "./load_run.ts";
 * assert.equal(incompleteLabel({ recorded: 13, expected: 60 }), "incomplete: 13 of 60 samples recorded");
 * ```
 */
export function incompleteLabel(i: Incompleteness): string {
  return `incomplete: ${i.recorded}${
    i.expected === null ? "" : ` of ${i.expected}`
  } samples recorded`;
}

/**
 * Load a run folder: `manifest.json`, `generations.jsonl` and `results.jsonl`,
 * each line validated against its zod schema.
 *
 * - A truncated last line (the run was killed mid-write: it is not valid JSON)
 *   is skipped silently; any other bad line throws, naming the file, the line
 *   and the field.
 * - A missing `generations.jsonl` or `results.jsonl` reads as empty (a run that
 *   has not finished a sample yet); a missing `manifest.json` throws.
 * - When a key (task, model, variant, sample) appears twice, the last record
 *   wins, kept at the position of the first.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun, type Run } from "./load_run.ts";
 * const run: Run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * assert(run.manifest.runId === "run-tiny" && run.results.length === 12);
 * ```
 *
 * @param dir The run folder.
 * @returns The validated run.
 * @throws {Error} `Cannot load run "<dir>": generations.jsonl line 12: <field>: <message>`.
 */
export async function loadRun(dir: string): Promise<Run> {
  const fail = (detail: string): never => {
    throw new Error(`Cannot load run "${dir}": ${detail}`);
  };
  const manifestPath = join(dir, "manifest.json");
  let manifestText: string;
  try {
    manifestText = await Deno.readTextFile(manifestPath);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      return fail(`manifest.json not found ("${manifestPath}")`);
    }
    return fail(`manifest.json: ${(error as Error).message}`);
  }
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(manifestText);
  } catch (error) {
    return fail(`manifest.json: invalid JSON: ${(error as Error).message}`);
  }
  const manifest = Manifest.safeParse(manifestJson);
  if (!manifest.success) return fail(`manifest.json: ${describeIssue(manifest.error)}`);

  const generations = await readJsonl(dir, "generations.jsonl", GenerationRecord, fail);
  const all = await readJsonl(dir, "results.jsonl", ResultRecord, fail);
  // Format 1 kept no result for a failed generation: give it one, so it stays in `n`.
  // (A format-1 result recorded beside a failed generation becomes a generation error too.)
  if (manifest.data.formatVersion === 1) {
    const at = new Map(all.map((r, i) => [sampleKey(r), i]));
    for (const g of generations) {
      if (g.error === null) continue;
      const i = at.get(sampleKey(g));
      const failed = formatOneGenerationError(g);
      // A result recorded beside it keeps its cases (missing: nothing ran) and its scores.
      if (i === undefined) all.push(failed);
      else {
        all[i] = {
          ...all[i],
          outcome: failed.outcome,
          detail: failed.detail,
          failure: failed.failure,
        };
      }
    }
  }
  // A task error or an infrastructure error (executionError): recorded, never scored.
  const judged = (r: ResultRecord) => r.taskError === undefined && r.executionError === undefined;
  const results = all.filter(judged);
  const unjudged = all.filter((r) => !judged(r));
  const m = manifest.data;
  const expected = m.expectedSamples ??
    (typeof m.params.samples === "number"
      ? m.suite.tasks * m.models.length * m.variants.length * m.params.samples
      : null);
  const incomplete = m.completedAt === null ? { recorded: all.length, expected } : null;
  return { dir, manifest: m, generations, results, unjudged, incomplete };
}

/** The result a format-1 run lacks for a failed generation (every case unknown: none listed). */
function formatOneGenerationError(g: GenerationRecord): ResultRecord {
  return {
    task: g.task,
    model: g.model,
    variant: g.variant,
    sample: g.sample,
    outcome: "generation_error",
    detail: g.error ?? "the request failed",
    cases: [],
    passed: false,
    passFraction: 0,
    weightedAccuracy: -1,
    bucket: "wrong",
    execMs: 0,
    failure: {
      category: "generation_error",
      secondary: [],
      evidence: [{ category: "generation_error", source: "generation", text: g.error ?? "" }],
    },
    stderr: "",
  };
}

/** Read and validate one JSONL file of the run (the last record per key); missing reads as []. */
function readJsonl<T extends z.ZodType<SampleKey>>(
  dir: string,
  name: string,
  schema: T,
  fail: (detail: string) => never,
): Promise<z.infer<T>[]> {
  return readLastRecords<z.infer<T>>(join(dir, name), {
    parse(json) {
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new Error(describeIssue(parsed.error));
      return parsed.data;
    },
    fail: (detail, line) =>
      fail(line === undefined ? `${name}: ${detail}` : `${name} line ${line}: ${detail}`),
  });
}

/** `field.path: message` for the first issue of a zod error. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map(String).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}
