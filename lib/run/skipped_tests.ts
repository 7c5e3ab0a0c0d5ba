/**
 * Tests an importer left out of a task: the jest-style importer drops `it.skip`, `xit`, `it.todo`
 * (lib/task/importers/test_file.ts) and tags the task `skipped:<n>`. A pass on such a task covers
 * only the tests that ran, so `validate` and the report show the count beside it.
 *
 * @module
 */

/**
 * The number in a task's `skipped:<n>` tag, or 0 without one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { skippedTestCount } from "./skipped_tests.ts";
 * assert.equal(skippedTestCount({ tags: ["jest", "skipped:2"] }), 2);
 * assert.equal(skippedTestCount({ tags: ["algorithms"] }), 0);
 * ```
 */
export function skippedTestCount(task: { tags: readonly string[] }): number {
  for (const tag of task.tags) {
    const m = /^skipped:(\d+)$/.exec(tag);
    if (m) return Number(m[1]);
  }
  return 0;
}

/**
 * Skipped tests by task id, for the tasks that have any (the manifest's `skippedTests`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { skippedTestsByTask } from "./skipped_tests.ts";
 * const tasks = [{ id: "a", tags: ["skipped:2"] }, { id: "b", tags: [] }];
 * assert.deepEqual(skippedTestsByTask(tasks), { a: 2 });
 * ```
 */
export function skippedTestsByTask(
  tasks: readonly { id: string; tags: readonly string[] }[],
): Record<string, number> {
  return Object.fromEntries(
    tasks.map((t) => [t.id, skippedTestCount(t)] as const).filter(([, n]) => n > 0),
  );
}
