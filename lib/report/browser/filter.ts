/**
 * Which samples a filter keeps (browser-side and testable in Deno): every
 * field must match exactly, the text search looks in the task id, the answer
 * and the failure evidence, case-insensitively.
 *
 * @module
 */
import type { SampleFilter } from "../../record/sample_filter.ts";
import type { BrowserSample } from "./payload.ts";

/** The fields a select filters on, in the order the browser shows them, with their label. */
export const SELECT_FIELDS = [
  ["run", "run"],
  ["model", "model"],
  ["variant", "variant"],
  ["language", "language"],
  ["task", "task"],
  ["status", "status"],
  ["bucket", "bucket"],
  ["category", "failure category"],
] as const;

/** A select's field. */
export type SelectField = typeof SELECT_FIELDS[number][0];

/** The value of a select field on a sample ("" for none). */
export function fieldValue(s: BrowserSample, field: SelectField): string {
  return String(s[field] ?? "");
}

/**
 * A predicate that keeps the samples a filter selects (the `sample` field,
 * the open sample, does not filter).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleMatcher } from "./filter.ts";
 * const s = { task: "chunk", model: "m", category: "syntax", answer: "const X = 1", evidence: [] };
 * assert.equal(sampleMatcher({ category: "syntax", q: "const x" })(s as never), true);
 * assert.equal(sampleMatcher({ model: "other" })(s as never), false);
 * ```
 *
 * @param filter The filter.
 * @returns The predicate.
 */
export function sampleMatcher(filter: SampleFilter): (s: BrowserSample) => boolean {
  const fields = SELECT_FIELDS.map(([f]) => f).filter((f) => filter[f]);
  const q = (filter.q ?? "").trim().toLowerCase();
  return (s) => {
    for (const f of fields) if (fieldValue(s, f) !== filter[f]) return false;
    if (q === "") return true;
    return s.task.toLowerCase().includes(q) ||
      (s.answer ?? "").toLowerCase().includes(q) ||
      s.evidence.some((e) => e.text.toLowerCase().includes(q)) ||
      (s.generationError ?? "").toLowerCase().includes(q) ||
      (s.taskError ?? "").toLowerCase().includes(q);
  };
}

/**
 * The distinct values of a field over the samples, sorted, with their counts.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fieldOptions } from "./filter.ts";
 * const samples = [{ model: "b" }, { model: "a" }, { model: "b" }] as never[];
 * assert.deepEqual(fieldOptions(samples, "model"), [["a", 1], ["b", 2]]);
 * ```
 */
export function fieldOptions(
  samples: readonly BrowserSample[],
  field: SelectField,
): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const v = fieldValue(s, field);
    if (v !== "") counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
}
