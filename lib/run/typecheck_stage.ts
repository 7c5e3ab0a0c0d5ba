/**
 * The type-check stage of an evaluation (`evaluate({ typecheck })`, CLI `--typecheck`): after
 * every sample has run, the results not yet checked are type-checked in batches of `deno check`
 * ({@link typecheckBatch}), off the hot path, and each is appended again with its diagnostics
 * (the run store keeps the last record per key, so an interrupted stage resumes where it
 * stopped). Modes:
 *
 * - `off`: no type-check; results carry no `diagnostics` field.
 * - `record`: diagnostics are recorded and used as evidence by the failure taxonomy (a failed
 *   sample's category can then come from TS2304/2339/2307/2551 on a non-local symbol:
 *   `hallucinated_api`); a sample's pass/fail does not change.
 * - `strict`: as `record`, and a sample that passed every case but has a type error fails: its
 *   case verdicts stay as they ran, its score becomes that of a sample with no runnable code
 *   (`passed` false, `passFraction` 0, `weightedAccuracy` −1, bucket `wrong` — as a pipeline that
 *   compiles with `tsc` before running would see it), and its failure is classified from the
 *   diagnostics (`classifyFailure(…, { strict: true })`: e.g. TS2339 on a built-in →
 *   `hallucinated_api`, TS1xxx → `syntax`, another type error → `crash`).
 *
 * Tasks answered with files (multi-file changes) are not type-checked here.
 *
 * @module
 */
import { join } from "node:path";
import { classifyFailure } from "../score/taxonomy.ts";
import { typecheckBatch } from "../score/typecheck.ts";
import { type Diagnostic } from "../record/diagnostic.ts";
import { scoreSample } from "../score/weighted.ts";
import type { Task } from "../task/schema.ts";
import { type GenerationRecord } from "../record/generation.ts";
import { readLastRecords } from "../record/last_records.ts";
import { type ResultRecord } from "../record/result.ts";
import { type SampleKey, sampleKey } from "../record/sample_key.ts";
import { readRecords, RUN_FILES } from "./store.ts";

/** How an evaluation uses the type-checker. */
export type TypecheckMode = "off" | "record" | "strict";

/** Options for {@link typecheckRun}. */
export interface TypecheckStageOptions {
  /** record or strict (see the module documentation). */
  mode: Exclude<TypecheckMode, "off">;
  /** Appends an updated result record to the run. */
  append: (result: ResultRecord) => Promise<void>;
  /** Samples per `deno check`. @default 500 */
  batchSize?: number;
}

/**
 * A result with its diagnostics applied, as the module documentation describes for `mode`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withDiagnostics } from "./typecheck_stage.ts";
 * import { ResultRecord } from "../record/result.ts";
 * const result = ResultRecord.parse({ task: "t", model: "m", variant: "v", sample: 0, outcome: "completed", detail: "", stderr: "", execMs: 1,
 *   cases: [{ name: "a", kind: "core", status: "pass", message: "", ms: 1 }],
 *   passed: true, passFraction: 1, weightedAccuracy: 1, bucket: "correct", failure: null });
 * const d = { code: 2339, message: "Property 'sum' does not exist on type 'Math'.", line: 1, column: 40, file: "solution" } as const;
 * const code = "export const add = (a: number) => Math.sum(a);";
 * const task = { entry: "add", testsSource: "" };
 * assert.equal(withDiagnostics(result, [d], code, task, "record").passed, true);
 * const strict = withDiagnostics(result, [d], code, task, "strict");
 * assert.deepEqual([strict.passed, strict.weightedAccuracy, strict.failure?.category], [false, -1, "hallucinated_api"]);
 * ```
 *
 * @param result The result as the sandbox scored it.
 * @param diagnostics The sample's diagnostics.
 * @param code The sample's code.
 * @param task The task's entry and tests.
 * @param mode record or strict.
 * @returns The updated result (a new object).
 */
export function withDiagnostics(
  result: ResultRecord,
  diagnostics: Diagnostic[],
  code: string,
  task: Pick<Task, "entry" | "testsSource">,
  mode: Exclude<TypecheckMode, "off">,
): ResultRecord {
  const input = {
    code,
    outcome: result.outcome,
    detail: result.detail,
    cases: result.cases,
    stderr: result.stderr,
    entry: task.entry,
    testsSource: task.testsSource,
    diagnostics,
  };
  if (!result.passed) {
    return {
      ...result,
      diagnostics,
      failure: classifyFailure(input, { strict: mode === "strict" }),
    };
  }
  const failure = mode === "strict" && diagnostics.length > 0
    ? classifyFailure(input, { strict: true })
    : null;
  if (failure === null) return { ...result, diagnostics };
  return { ...result, ...scoreSample(result.cases, false), diagnostics, failure };
}

/**
 * Type-check every result of the run folder `dir` that has code and no diagnostics yet, in
 * batches, and append each updated result ({@link withDiagnostics}).
 *
 * @example
 * ```ts ignore
 * import { typecheckRun } from "./typecheck_stage.ts";
 * // Inside evaluate(), after the last sample and before the run is marked complete:
 * await typecheckRun(writer.dir, (key) => tasks.get(sampleKey(key)), { mode: "record", append: writer.appendResult });
 * ```
 *
 * @param dir The run folder.
 * @param taskOf The task (as prompted: perturbed when the variant is) of a sample.
 * @param options The mode, the append function, the batch size.
 * @returns How many results were checked and how many strict mode failed.
 */
export async function typecheckRun(
  dir: string,
  taskOf: (key: SampleKey) => Task | undefined,
  options: TypecheckStageOptions,
): Promise<{ checked: number; failedByTypes: number }> {
  const code = new Map<string, string>();
  await readRecords(join(dir, RUN_FILES.generations), (g: GenerationRecord) => {
    if (g.code !== null) code.set(sampleKey(g), g.code);
  });
  // One result per sample, the last written (a torn last line, from a kill mid-write, skipped).
  const results = await readLastRecords<ResultRecord>(join(dir, RUN_FILES.results));
  const pending = results.filter((r) => {
    const task = taskOf(r);
    // Python answers have no type checker here (none offline): they are not checked.
    return r.diagnostics === undefined && code.has(sampleKey(r)) && task !== undefined &&
      (task as { answer?: string }).answer !== "files" && task.language !== "py";
  });
  const size = options.batchSize ?? 500;
  let failedByTypes = 0;
  for (let i = 0; i < pending.length; i += size) {
    const batch = pending.slice(i, i + size);
    const found = await typecheckBatch(batch.map((r) => ({
      id: sampleKey(r),
      code: code.get(sampleKey(r))!,
      testsSource: taskOf(r)!.testsSource,
    })));
    for (const r of batch) {
      const k = sampleKey(r);
      const updated = withDiagnostics(
        r,
        found.get(k) ?? [],
        code.get(k)!,
        taskOf(r)!,
        options.mode,
      );
      if (r.passed && !updated.passed) failedByTypes++;
      await options.append(updated);
    }
  }
  return { checked: pending.length, failedByTypes };
}
