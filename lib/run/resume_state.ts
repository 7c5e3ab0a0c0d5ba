/**
 * What an interrupted run already holds, read back when it resumes: the keys with a result, and
 * the generations still waiting for one (their program runs; the model is not asked again).
 * Keys only, plus those generations: memory does not grow with the run's size.
 *
 * @module
 */
import { join } from "node:path";
import { GenerationRecord } from "../record/generation.ts";
import type { ResultRecord } from "../record/result.ts";
import { sampleKey } from "../record/sample_key.ts";
import type { RunBudget } from "./budget.ts";
import type { Job } from "./plan.ts";
import { readRecords, RUN_FILES } from "./store.ts";

/** A resumed run's records, by sample key. */
export interface ResumeState {
  /** Samples with a result: not run again. */
  haveResult: Set<string>;
  /** Generations without a result yet: executed, not asked again. */
  haveGeneration: Map<string, GenerationRecord>;
}

/**
 * Read a run folder's records for a resume (`dir` null: a new run, nothing held). A budget
 * counts the run's earlier spend.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resumeState } from "./resume_state.ts";
 * const { haveResult, haveGeneration } = await resumeState(null, [], (j) => j.task.id, null);
 * assert.deepEqual([haveResult.size, haveGeneration.size], [0, 0]);
 * ```
 */
export async function resumeState(
  dir: string | null,
  jobs: readonly Job[],
  key: (job: Job) => string,
  budget: RunBudget | null,
): Promise<ResumeState> {
  const haveResult = new Set<string>();
  const haveGeneration = new Map<string, GenerationRecord>();
  if (dir === null) return { haveResult, haveGeneration };
  await readRecords(
    join(dir, RUN_FILES.results),
    (r: ResultRecord) => haveResult.add(sampleKey(r)),
  );
  const jobOf = new Map(budget ? jobs.map((j) => [key(j), j]) : []);
  await readRecords(join(dir, RUN_FILES.generations), (g: GenerationRecord) => {
    const k = sampleKey(g);
    budget?.recorded(g, jobOf.get(k)); // the run's earlier spend counts toward its budget
    if (!haveResult.has(k)) haveGeneration.set(k, GenerationRecord.parse(g));
  });
  return { haveResult, haveGeneration };
}
