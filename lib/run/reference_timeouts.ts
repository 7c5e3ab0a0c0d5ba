/**
 * Wall-clock limits derived from the reference's measured time, so that a
 * verdict does not depend on the machine's speed: before a run, each task's
 * reference is executed once the way the samples will be, and the task's
 * limit becomes `max(floorMs, factor × reference time)`; each test case's own
 * limit becomes `max(caseFloorMs, factor × the reference's time on that case)`,
 * never above the sample's. A task without a reference, or whose reference does
 * not pass here, keeps its declared `timeoutMs` and no case limits.
 *
 * @module
 */
import { limiter } from "./pool.ts";
import type { SandboxJob, SandboxResult } from "../sandbox/sandbox.ts";
import type { RunSampleOptions } from "../sandbox/deno.ts";
import type { Task } from "../task/schema.ts";
import { sampleJob } from "./sample_job.ts";
import { referenceProblem } from "./task_problem.ts";

/** Options for {@link referenceTimeouts}. */
export interface ReferenceTimeoutOptions {
  /** Multiple of the reference's time a sample may take. @default 10 */
  factor?: number;
  /** Lower bound of a derived limit, ms (process start-up and noise). @default 1000 */
  floorMs?: number;
  /** Lower bound of a derived per-case limit, ms (scheduling noise on a loaded machine). @default 500 */
  caseFloorMs?: number;
  /** References run at once. @default 4 */
  concurrency?: number;
  /** Called for each task whose reference does not pass (lib/run/task_problem.ts says why). */
  onProblem?: (task: Task, problem: string) => void;
}

/** One task's derived limit and the measurement it came from. */
export interface ReferenceTimeout {
  /** The reference's measured wall time, ms. */
  referenceMs: number;
  /** The derived limit for a sample, ms. */
  timeoutMs: number;
  /** The derived limit of each test case, ms, by case name. */
  cases: Record<string, number>;
}

/**
 * The sandbox job that runs a task's reference (a files task's reference is laid over its context).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { referenceJob } from "./reference_timeouts.ts";
 * import { loadSuite } from "../task/load.ts";
 * const suite = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
 * const files = suite.tasks.find((t) => t.answer === "files")!;
 * assert.equal(referenceJob(files).code, "");
 * assert.ok(Object.keys(referenceJob(files).files!).length >= 2);
 * ```
 */
export function referenceJob(task: Task): SandboxJob {
  return sampleJob(task, task.referenceSource ?? "");
}

/**
 * Run every task's reference once with `run` and derive each task's limit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { referenceTimeouts } from "./reference_timeouts.ts";
 * import { loadSuite } from "../task/load.ts";
 * import { runSample } from "../sandbox/deno.ts";
 * const suite = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
 * const tasks = suite.tasks.filter((t) => t.id === "chunk" || t.id === "levenshtein");
 * const limits = await referenceTimeouts(tasks, (job, o) => runSample(job, { ...o, isolation: "none" }));
 * for (const t of tasks) {
 *   assert.ok(limits[t.id].timeoutMs >= 1000);
 *   assert.deepEqual(Object.keys(limits[t.id].cases), t.cases.map((c) => c.name));
 *   for (const ms of Object.values(limits[t.id].cases)) assert.ok(ms >= 500 && ms <= limits[t.id].timeoutMs);
 * }
 * ```
 */
export async function referenceTimeouts(
  tasks: readonly Task[],
  run: (job: SandboxJob, options: RunSampleOptions, task: Task) => Promise<SandboxResult>,
  options: ReferenceTimeoutOptions = {},
): Promise<Record<string, ReferenceTimeout>> {
  const factor = options.factor ?? 10;
  const floorMs = options.floorMs ?? 1000;
  const caseFloorMs = options.caseFloorMs ?? 500;
  const limit = limiter(options.concurrency ?? 4);
  const out: Record<string, ReferenceTimeout> = {};
  await Promise.all(tasks.map((task) =>
    limit(async () => {
      if (task.referenceSource === null) return;
      const result = await run(referenceJob(task), { timeoutMs: task.timeoutMs }, task);
      const problem = referenceProblem(result);
      if (problem !== null) {
        options.onProblem?.(task, problem);
        return;
      }
      const timeoutMs = Math.max(floorMs, Math.round(factor * result.execMs));
      out[task.id] = {
        referenceMs: Math.round(result.execMs),
        timeoutMs,
        cases: Object.fromEntries(result.cases.map((c) => [
          c.name,
          Math.min(timeoutMs, Math.max(caseFloorMs, Math.round(factor * (c.ms ?? 0)))),
        ])),
      };
    })
  ));
  return out;
}
