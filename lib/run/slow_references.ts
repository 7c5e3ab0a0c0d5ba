/**
 * Tasks whose reference is slower than the task's declared `timeoutMs`. Their references are
 * measured under the ceiling (lib/run/reference_timeouts.ts) and their samples run under the limit
 * derived from that measurement, not under the declared one; the run's manifest, `validate` and
 * the end of `eval` list them, so a declared limit that is too small is seen and can be fixed.
 *
 * @module
 */

/** One task whose reference took longer than its declared `timeoutMs`. */
export interface SlowReference {
  /** The task id. */
  task: string;
  /** The reference's measured wall time, ms. */
  referenceMs: number;
  /** The task's declared `timeoutMs` (task.json; 5 000 by default). */
  declaredTimeoutMs: number;
  /** The limit its samples run under, derived from `referenceMs`, ms. */
  limitMs: number;
}

/**
 * The tasks whose measured reference time passes their declared `timeoutMs`, in task order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { slowReferences } from "./slow_references.ts";
 * const tasks = [{ id: "a", timeoutMs: 1000 }, { id: "b", timeoutMs: 5000 }, { id: "c", timeoutMs: 1000 }];
 * const limits = { a: { referenceMs: 2500, timeoutMs: 25000 }, b: { referenceMs: 40, timeoutMs: 1000 } };
 * assert.deepEqual(slowReferences(tasks, limits), [
 *   { task: "a", referenceMs: 2500, declaredTimeoutMs: 1000, limitMs: 25000 },
 * ]);
 * ```
 */
export function slowReferences(
  tasks: readonly { id: string; timeoutMs: number }[],
  limits: Readonly<Record<string, { referenceMs: number; timeoutMs: number }>>,
): SlowReference[] {
  return tasks.flatMap((t) => {
    const l = limits[t.id];
    return l && l.referenceMs > t.timeoutMs
      ? [{
        task: t.id,
        referenceMs: l.referenceMs,
        declaredTimeoutMs: t.timeoutMs,
        limitMs: l.timeoutMs,
      }]
      : [];
  });
}

/**
 * A notice listing slow references (one line each), or "" when there are none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { slowReferencesText } from "./slow_references.ts";
 * assert.equal(slowReferencesText([]), "");
 * const text = slowReferencesText([{ task: "a", referenceMs: 2500, declaredTimeoutMs: 1000, limitMs: 25000 }]);
 * assert.match(text, /^note: 1 task\(s\) have a reference slower than their declared timeoutMs/);
 * assert.match(text, /- a: reference 2500 ms, declared timeoutMs 1000, samples limited to 25000 ms/);
 * ```
 */
export function slowReferencesText(slow: readonly SlowReference[]): string {
  if (slow.length === 0) return "";
  return [
    `note: ${slow.length} task(s) have a reference slower than their declared timeoutMs: ` +
    "their samples run under the limit derived from the reference's measured time " +
    "(raise timeoutMs in task.json to declare it):",
    ...slow.map((s) => `  - ${slowReferenceLine(s)}`),
  ].join("\n");
}

/**
 * One slow reference in words.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { slowReferenceLine } from "./slow_references.ts";
 * assert.equal(
 *   slowReferenceLine({ task: "a", referenceMs: 2500, declaredTimeoutMs: 1000, limitMs: 25000 }),
 *   "a: reference 2500 ms, declared timeoutMs 1000, samples limited to 25000 ms",
 * );
 * ```
 */
export function slowReferenceLine(s: SlowReference): string {
  return `${s.task}: reference ${s.referenceMs} ms, declared timeoutMs ${s.declaredTimeoutMs}, samples limited to ${s.limitMs} ms`;
}
