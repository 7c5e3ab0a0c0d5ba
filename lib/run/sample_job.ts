/**
 * The sandbox job for one answer to a task: the code as `solution.ts` (or, for a files answer,
 * the context tree overlaid with the answer's files), the task's tests, cases, entry and
 * semantics. The one place a task becomes a job: evaluate, the reference timings and the
 * benchmarks all build their jobs here, so a task setting reaches every runner.
 *
 * @module
 */
import type { PythonRuntime, SandboxJob } from "../sandbox/sandbox.ts";
import type { Semantics, Task } from "../task/schema.ts";
import { overlayTree, parseFileBundle } from "../task/tree.ts";

/** Options for {@link sampleJob}. */
export interface SampleJobOptions {
  /** Run with these semantics instead of the task's (a run's `--semantics` override). */
  semantics?: Semantics;
  /** Which Python runs a Python task's job. @default "pyodide" */
  python?: PythonRuntime;
  /**
   * The Python packages the job may import: the task's own and its suite's
   * (`taskPythonPackages(suite, task)`). @default the task's own `pythonPackages`
   */
  pythonPackages?: readonly string[];
}

/**
 * The job that runs `code` (for a files answer: a file bundle, `// file: <path>` sections)
 * against `task`'s tests.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleJob } from "./sample_job.ts";
 * const task = {
 *   answer: "code", entry: "add", testsSource: "", cases: [], contextFiles: {}, semantics: "script",
 * } as never;
 * assert.equal(sampleJob(task, "function add() {}").semantics, "script");
 * assert.equal(sampleJob(task, "", { semantics: "module" }).semantics, "module");
 * assert.equal(sampleJob(task, "").files, undefined);
 * const py = { ...(task as object), language: "py", pythonPackages: ["yaml"] } as never;
 * assert.deepEqual(sampleJob(py, "def add(): pass").pythonPackages, ["yaml"]);
 * assert.deepEqual(sampleJob(py, "", { pythonPackages: ["bs4", "yaml"] }).pythonPackages, ["bs4", "yaml"]);
 * ```
 */
export function sampleJob(
  task: Pick<
    Task,
    | "answer"
    | "entry"
    | "testsSource"
    | "cases"
    | "contextFiles"
    | "semantics"
    | "language"
    | "pythonPackages"
  >,
  code: string,
  options: SampleJobOptions = {},
): SandboxJob {
  const base: Omit<SandboxJob, "code"> = task.language === "py"
    ? {
      testsSource: task.testsSource,
      cases: task.cases,
      entry: task.entry,
      language: "py",
      python: options.python ?? "pyodide",
      ...pythonPackagesOf(task, options),
    }
    : {
      testsSource: task.testsSource,
      cases: task.cases,
      entry: task.entry,
      semantics: options.semantics ?? task.semantics ?? "module",
    };
  const context = task.contextFiles ?? {};
  if (task.answer === "files") {
    return { ...base, code: "", files: overlayTree(context, parseFileBundle(code)) };
  }
  return { ...base, code, ...(Object.keys(context).length ? { files: { ...context } } : {}) };
}

/** The job's `pythonPackages` field: absent when there are none. */
function pythonPackagesOf(
  task: Pick<Task, "pythonPackages">,
  options: SampleJobOptions,
): Pick<SandboxJob, "pythonPackages"> {
  const packages = options.pythonPackages ?? task.pythonPackages ?? [];
  return packages.length ? { pythonPackages: [...packages] } : {};
}
