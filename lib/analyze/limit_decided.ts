/**
 * Tasks whose time limit differs between two runs where the difference may
 * have decided a verdict (limits derived from the reference's measured time
 * move with the machine's load, so they rarely match exactly).
 *
 * @module
 */
import type { Manifest } from "../record/manifest.ts";
import type { ResultRecord } from "../record/result.ts";

type LimitedRun = { manifest: Pick<Manifest, "timeouts">; results: readonly ResultRecord[] };

/** Results per task. */
function byTask(results: readonly ResultRecord[]): Map<string, ResultRecord[]> {
  const m = new Map<string, ResultRecord[]>();
  for (const r of results) {
    const list = m.get(r.task) ?? [];
    list.push(r);
    m.set(r.task, list);
  }
  return m;
}

/**
 * The tasks of `a` whose sample time limit (`manifest.timeouts[task].timeoutMs`)
 * differs in `b` and may have decided a verdict: a sample of the run with the
 * higher limit ran past the lower one without timing out (it would have timed
 * out there), or a sample of the run with the lower limit timed out (it might
 * have finished under the higher one). A timeout under the higher limit is a
 * timeout under the lower one too: not counted. Sorted by task id.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { limitDecidedTasks } from "./limit_decided.ts";
 * const run = (timeoutMs: number, outcome: string, execMs: number) => ({
 *   manifest: { timeouts: { t: { referenceMs: 0, timeoutMs } } },
 *   results: [{ task: "t", outcome, execMs }],
 * }) as never;
 * assert.deepEqual(limitDecidedTasks(run(1000, "timeout", 1000), run(3000, "completed", 50)), ["t"]);
 * assert.deepEqual(limitDecidedTasks(run(1000, "completed", 50), run(3000, "completed", 2500)), ["t"]);
 * assert.deepEqual(limitDecidedTasks(run(1000, "completed", 50), run(3000, "timeout", 3000)), []);
 * ```
 *
 * @param a The first run.
 * @param b The other run.
 * @returns Task ids.
 */
export function limitDecidedTasks(a: LimitedRun, b: LimitedRun): string[] {
  const [ta, tb] = [a.manifest.timeouts ?? {}, b.manifest.timeouts ?? {}];
  const [ra, rb] = [byTask(a.results), byTask(b.results)];
  return [...ra.keys()].filter((task) => {
    const [x, y] = [ta[task]?.timeoutMs, tb[task]?.timeoutMs];
    if (x === undefined || y === undefined || x === y) return false;
    const [lower, higher] = x < y ? [ra, rb] : [rb, ra];
    const low = Math.min(x, y);
    return (higher.get(task) ?? []).some((r) => r.outcome !== "timeout" && r.execMs > low) ||
      (lower.get(task) ?? []).some((r) => r.outcome === "timeout");
  }).sort();
}
