/**
 * The host-side step a job needs when its tests check the answer's declared names (can-ai-code's
 * `f.name`, `f.args[i].name`): the names are read from the answer's source with the TypeScript
 * parser (lib/source/function_names.ts) and written into the job as `answer_names.ts`, so the
 * strict runner and the warm pool see the same data.
 *
 * @module
 */
import type { SandboxJob } from "../sandbox/sandbox.ts";
import {
  ANSWER_NAMES_FILE,
  answerNames,
  answerNamesModule,
  readsAnswerNames,
} from "../source/function_names.ts";

/**
 * `job` with `answer_names.ts` among its files when its tests import it; else `job` itself
 * (and the parser is not loaded).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withAnswerNames } from "./answer_names_job.ts";
 * const job = { code: "function glork(bork) {}", testsSource: 'import { answerNames } from "./answer_names.ts";', cases: [], entry: "glork" };
 * const named = await withAnswerNames(job);
 * assert.equal(named.files?.["answer_names.ts"], 'export const answerNames = {"name":"glork","params":["bork"]};\n');
 * const plain = { ...job, testsSource: "export const cases = {};" };
 * assert.equal(await withAnswerNames(plain), plain);
 * ```
 */
export async function withAnswerNames(job: SandboxJob): Promise<SandboxJob> {
  if (job.language === "py" || !readsAnswerNames(job.testsSource)) return job;
  const names = await answerNames(job.code, job.entry);
  return { ...job, files: { ...job.files, [ANSWER_NAMES_FILE]: answerNamesModule(names) } };
}
