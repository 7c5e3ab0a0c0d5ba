/**
 * Wall-clock limits derived from the reference's measured time, so that a
 * verdict does not depend on the machine's speed: before a run, each task's
 * reference is executed once the way the samples will be, and the task's
 * limit becomes `max(floorMs, factor × reference time)`; each test case's own
 * limit becomes `max(caseFloorMs, factor × the reference's time on that case)`,
 * never above the sample's. A task without a reference, or whose reference does
 * not pass here, keeps its declared `timeoutMs` and no case limits.
 *
 * The reference runs under a generous ceiling (`ceilingMs`, 120 s), not under the task's declared
 * `timeoutMs`: a reference that needs 8 s of a declared 5 s is measured, and its samples get a
 * limit a correct answer can meet (lib/run/slow_references.ts lists such tasks). A reference that
 * does not finish even within the ceiling makes the task a task error: it cannot be judged.
 *
 * @module
 */
import { limiter } from "./limiter.ts";
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
  /**
   * The wall-clock limit a reference runs under while it is measured, ms (not the task's declared
   * `timeoutMs`, which a slow reference may need more than). @default 120000
   */
  ceilingMs?: number;
  /** References run at once. @default 4 */
  concurrency?: number;
  /** Called for each task whose reference does not pass (lib/run/task_problem.ts says why). */
  onProblem?: (task: Task, problem: string) => void;
}

/** The default of {@link ReferenceTimeoutOptions.ceilingMs}, ms. */
export const DEFAULT_REFERENCE_CEILING_MS = 120_000;
/** The defaults of {@link ReferenceTimeoutOptions.factor} and {@link ReferenceTimeoutOptions.floorMs}. */
export const DEFAULT_LIMIT = { factor: 10, floorMs: 1000 } as const;

/**
 * Why a reference run shows the reference does not finish within the ceiling, or null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ceilingProblem } from "./reference_timeouts.ts";
 * const over = { outcome: "timeout" as const, detail: "exceeded 800 ms", execMs: 801, stderr: "", cases: [] };
 * assert.match(ceilingProblem(over, 800, 500) ?? "", /^the reference did not finish within the 800 ms reference ceiling \(declared timeoutMs 500\)/);
 * assert.equal(ceilingProblem({ ...over, outcome: "completed", detail: "" }, 800, 500), null);
 * ```
 */
export function ceilingProblem(
  result: SandboxResult,
  ceilingMs: number,
  declaredTimeoutMs: number,
): string | null {
  if (result.outcome !== "timeout" || result.detail !== `exceeded ${ceilingMs} ms`) return null;
  return `the reference did not finish within the ${ceilingMs} ms reference ceiling (declared timeoutMs ${declaredTimeoutMs}): ` +
    "no limit can be derived and no answer judged; make the reference faster or raise the ceiling (--reference-ceiling-ms)";
}

/**
 * A limit derived from a measured time: `max(floorMs, round(factor × ms))`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { derivedLimitMs } from "./reference_timeouts.ts";
 * assert.equal(derivedLimitMs(8000.4, 10, 1000), 80004);
 * assert.equal(derivedLimitMs(20, 10, 1000), 1000);
 * ```
 */
export function derivedLimitMs(ms: number, factor: number, floorMs: number): number {
  return Math.max(floorMs, Math.round(factor * ms));
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
 * import { loadSuite } from "../task/load_suite.ts";
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
 * import { loadSuite } from "../task/load_suite.ts";
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
  const factor = options.factor ?? DEFAULT_LIMIT.factor;
  const floorMs = options.floorMs ?? DEFAULT_LIMIT.floorMs;
  const caseFloorMs = options.caseFloorMs ?? 500;
  const ceilingMs = options.ceilingMs ?? DEFAULT_REFERENCE_CEILING_MS;
  if (!Number.isInteger(ceilingMs) || ceilingMs < 1) {
    throw new RangeError(
      `Cannot measure references with ceilingMs=${ceilingMs}: use an integer number of ms >= 1`,
    );
  }
  const limit = limiter(options.concurrency ?? 4);
  const out: Record<string, ReferenceTimeout> = {};
  await Promise.all(tasks.map((task) =>
    limit(async () => {
      if (task.referenceSource === null) return;
      // A task that declares more than the ceiling keeps its own, larger limit here.
      const ceiling = Math.max(ceilingMs, task.timeoutMs);
      const result = await run(referenceJob(task), { timeoutMs: ceiling }, task);
      const problem = ceilingProblem(result, ceiling, task.timeoutMs) ?? referenceProblem(result);
      if (problem !== null) {
        options.onProblem?.(task, problem);
        return;
      }
      const timeoutMs = derivedLimitMs(result.execMs, factor, floorMs);
      out[task.id] = {
        referenceMs: Math.round(result.execMs),
        timeoutMs,
        cases: Object.fromEntries(result.cases.map((c) => [
          c.name,
          Math.min(timeoutMs, derivedLimitMs(c.ms ?? 0, factor, caseFloorMs)),
        ])),
      };
    })
  ));
  return out;
}
