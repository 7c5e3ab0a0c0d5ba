/**
 * Accuracy per group of tasks (category, difficulty…): the numbers behind
 * `groupAccuracyChart()` and the notebooks' group tables, defined once.
 *
 * @module
 */
import type { ResultRecord } from "../record/result.ts";

/** One group × model × variant. */
export interface GroupAccuracyRow {
  group: string;
  model: string;
  variant: string;
  /** Distinct tasks of the group with a result. */
  tasks: number;
  /** Judged samples: the denominator of both rates. */
  samples: number;
  /** Share of the samples that passed every case. */
  passRate: number;
  /** Mean weighted accuracy of the samples, in [−1, 1]. */
  weightedAccuracy: number;
}

/**
 * Pass rate and weighted accuracy per group (`groupOf(task)`; a task it maps to null or
 * undefined is left out) × model × variant, over samples, in first-appearance order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { groupAccuracy } from "./group_accuracy.ts";
 * const r = (task: string, passed: boolean) =>
 *   ({ task, model: "m", variant: "plain", passed, weightedAccuracy: passed ? 1 : -0.5 });
 * const difficulty: Record<string, string> = { a: "easy", b: "hard", c: "hard" };
 * const rows = groupAccuracy([r("a", true), r("b", false), r("c", true)], (t) => difficulty[t]);
 * assert.deepEqual(rows.map((x) => [x.group, x.tasks, x.samples, x.passRate, x.weightedAccuracy]), [
 *   ["easy", 1, 1, 1, 1],
 *   ["hard", 2, 2, 0.5, 0.25],
 * ]);
 * ```
 *
 * @param results The run's judged results.
 * @param groupOf The group of a task id, or null/undefined to leave the task out.
 * @returns One row per group × model × variant.
 */
export function groupAccuracy(
  results: readonly Pick<
    ResultRecord,
    "task" | "model" | "variant" | "passed" | "weightedAccuracy"
  >[],
  groupOf: (task: string) => string | null | undefined,
): GroupAccuracyRow[] {
  const cells = new Map<
    string,
    GroupAccuracyRow & { taskIds: Set<string>; passed: number; sum: number }
  >();
  for (const r of results) {
    const group = groupOf(r.task);
    if (group === null || group === undefined) continue;
    const key = JSON.stringify([group, r.model, r.variant]);
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        group,
        model: r.model,
        variant: r.variant,
        tasks: 0,
        samples: 0,
        passRate: 0,
        weightedAccuracy: 0,
        taskIds: new Set(),
        passed: 0,
        sum: 0,
      };
      cells.set(key, cell);
    }
    cell.taskIds.add(r.task);
    cell.samples++;
    cell.passed += Number(r.passed);
    cell.sum += r.weightedAccuracy;
  }
  return [...cells.values()].map(({ group, model, variant, taskIds, samples, passed, sum }) => ({
    group,
    model,
    variant,
    tasks: taskIds.size,
    samples,
    passRate: passed / samples,
    weightedAccuracy: sum / samples,
  }));
}
