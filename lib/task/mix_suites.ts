/**
 * One suite out of several loaded ones (or slices of them), so that one run can mix languages:
 * e.g. the TypeScript built-in suite and a few Python tasks. No new format on disk: the parts are
 * folder suites, and the mix is the same `Suite` value a folder loads into.
 *
 * @module
 */
import { sha256 } from "./hash.ts";
import { type Suite, type Task, taskDependencies, taskPythonPackages } from "./schema.ts";

/** One part of a mixed suite: a loaded suite and, optionally, the ids of the tasks to keep. */
export interface SuitePart {
  /** The loaded suite. */
  suite: Suite;
  /** The task ids to keep, in any order. @default every task of the suite */
  tasks?: readonly string[];
}

/** Options for {@link mixSuites}. */
export interface MixSuitesOptions {
  /** The mixed suite's name (the manifest's `suite.name`). */
  name: string;
  /** The folder the manifest names as the suite's (e.g. the parent of the parts' folders). */
  dir: string;
}

/**
 * Join suites, or slices of them, into one: the tasks of every part (sorted by id); each task
 * carries its suite's declared npm dependencies and Python packages as its own, so nothing a
 * suite declares reaches another suite's tasks; the hash covers every part's hash and the chosen
 * ids; the version is null (the parts' versions stay in their own `suite.json`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadSuite } from "./load_suite.ts";
 * import { mixSuites } from "./mix_suites.ts";
 * const ts = await loadSuite(new URL("../../tasks/builtin", import.meta.url).pathname);
 * const py = await loadSuite(new URL("../../tasks/python", import.meta.url).pathname);
 * const mixed = await mixSuites([{ suite: ts, tasks: ["chunk"] }, { suite: py, tasks: ["mean", "unique"] }], {
 *   name: "builtin+python",
 *   dir: "tasks",
 * });
 * assert.deepEqual(mixed.tasks.map((t) => [t.id, t.language]), [["chunk", "ts"], ["mean", "py"], ["unique", "py"]]);
 * assert.equal(mixed.version, null);
 * await assert.rejects(mixSuites([{ suite: py, tasks: ["nope"] }], { name: "x", dir: "tasks" }), /Cannot mix suite "python": it has no task "nope"/);
 * await assert.rejects(mixSuites([{ suite: py }, { suite: py }], { name: "x", dir: "tasks" }), /task id "add-tag" is in both/);
 * ```
 *
 * @param parts The suites and the tasks kept of each.
 * @param options The mixed suite's name and folder.
 * @returns The mixed suite.
 * @throws {Error} For an id a part does not have, or a task id two parts share.
 */
export async function mixSuites(
  parts: readonly SuitePart[],
  options: MixSuitesOptions,
): Promise<Suite> {
  const tasks: Task[] = [];
  const from = new Map<string, string>();
  const hashParts: string[] = [];
  for (const { suite, tasks: ids } of parts) {
    const missing = ids?.find((id) => !suite.tasks.some((t) => t.id === id));
    if (missing !== undefined) {
      throw new RangeError(`Cannot mix suite "${suite.name}": it has no task "${missing}"`);
    }
    const kept = ids === undefined ? suite.tasks : suite.tasks.filter((t) => ids.includes(t.id));
    for (const task of kept) {
      const other = from.get(task.id);
      if (other !== undefined) {
        throw new RangeError(
          `Cannot mix suites "${other}" and "${suite.name}": task id "${task.id}" is in both`,
        );
      }
      from.set(task.id, suite.name);
      const dependencies = taskDependencies(suite, task);
      const pythonPackages = taskPythonPackages(suite, task);
      tasks.push({
        ...task,
        ...(Object.keys(dependencies).length ? { dependencies } : {}),
        ...(pythonPackages.length ? { pythonPackages } : {}),
      });
    }
    hashParts.push(suite.hash, kept.map((t) => t.id).join(","));
  }
  tasks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    name: options.name,
    dir: options.dir,
    hash: await sha256(hashParts.join("\u0000")),
    version: null,
    tasks,
  };
}
