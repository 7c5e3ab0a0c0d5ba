/**
 * The executor a run gives each task: its jobs carry the task's dependency store and declared
 * Python packages, and the run's Python runtime.
 *
 * @module
 */
import type { PythonRuntime } from "../sandbox/sandbox.ts";
import { type Suite, taskPythonPackages } from "../task/schema.ts";
import type { RunDependencies } from "./dependency_stores.ts";
import type { Executor } from "./execute_sample.ts";

/**
 * For a task id, an executor that runs its jobs (the samples' and the reference's) with the
 * task's dependency store and Python packages, if it declares any, and `python` for Python jobs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { taskExecutor } from "./task_executor.ts";
 * const seen: unknown[] = [];
 * const base = (job: unknown) => { seen.push(job); return Promise.resolve({} as never); };
 * const suite = { name: "s", dir: "s", hash: "h", tasks: [] } as never;
 * const of = taskExecutor(suite, base, { storeOf: () => undefined }, "cpython");
 * await of("t")({ language: "py", code: "", testsSource: "", entry: "f", cases: [] }, {});
 * assert.equal((seen[0] as { python: string }).python, "cpython");
 * ```
 *
 * @param suite The run's suite (its tasks' declared Python packages).
 * @param base Runs a job (the pool, the strict runner, or a custom executor).
 * @param deps The run's dependency stores by task.
 * @param python The run's Python runtime.
 */
export function taskExecutor(
  suite: Suite,
  base: Executor,
  deps: Pick<RunDependencies, "storeOf">,
  python: PythonRuntime,
): (taskId: string) => Executor {
  const pythonPackagesOf = new Map(suite.tasks.map((t) => [t.id, taskPythonPackages(suite, t)]));
  return (taskId) => (job, o) => {
    const dependencies = deps.storeOf(taskId);
    const pythonPackages = pythonPackagesOf.get(taskId) ?? [];
    // The run's Python runtime reaches every Python job: the samples' and the references'.
    const runtime = job.language === "py"
      ? { python, ...(pythonPackages.length ? { pythonPackages } : {}) }
      : {};
    return base(dependencies ? { ...job, ...runtime, dependencies } : { ...job, ...runtime }, o);
  };
}
