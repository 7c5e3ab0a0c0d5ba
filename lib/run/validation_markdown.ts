/**
 * A suite validation as Markdown: one row per task (reference runs, mutants, kill rates,
 * status), then the mutants that survived.
 *
 * @module
 */
import { BOUNDARY_MUTATIONS, type TaskValidation } from "./validation.ts";
import { slowReferenceLine } from "./slow_references.ts";

const pct = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

/**
 * A Markdown table of a validation, one row per task, plus the survivors.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { validationMarkdown } from "./validation_markdown.ts";
 * assert.match(validationMarkdown([]), /\| task \|/);
 * ```
 */
export function validationMarkdown(validations: TaskValidation[]): string {
  // The skipped column only when some task had tests left out (imported jest-style suites).
  const skipped = validations.some((v) => (v.skipped ?? 0) > 0);
  const lines = [
    `| task | reference | mutants | killed | edge kills boundary mutants |${
      skipped ? " skipped tests |" : ""
    } status |`,
    `| --- | --- | --- | --- | --- |${skipped ? " --- |" : ""} --- |`,
  ];
  for (const v of validations) {
    const counted = v.mutants.filter((m) => !m.equivalent);
    const boundary = counted.filter((m) => BOUNDARY_MUTATIONS.includes(m.mutation));
    lines.push(
      `| ${v.task} | ${v.referenceRuns ? `${v.referencePasses}/${v.referenceRuns} pass` : "none"}${
        v.slowReference ? " (slow)" : ""
      } | ${counted.length} | ${pct(v.killRate)} | ` +
        `${pct(v.edgeBoundaryRate)} of ${boundary.length} |${
          skipped ? ` ${v.skipped ?? 0} |` : ""
        } ${
          v.problems.length ? v.problems.join("; ") : v.notes?.length ? v.notes.join("; ") : "ok"
        } |`,
    );
  }
  const survivors = validations.flatMap((v) =>
    v.mutants.filter((m) => !m.killed && !m.equivalent).map((m) =>
      `- ${v.task}: ${m.mutation}: ${m.description}`
    )
  );
  if (skipped) {
    lines.push(
      "",
      "skipped tests: tests the importer left out of the task (it.skip, xit, it.todo); " +
        "its reference and its answers are judged on the other tests only.",
    );
  }
  const slow = validations.flatMap((v) =>
    v.slowReference ? [`- ${slowReferenceLine({ task: v.task, ...v.slowReference })}`] : []
  );
  if (slow.length) {
    lines.push(
      "",
      "Slow references (slower than the declared timeoutMs; a run derives the limit from the measured time):",
      "",
      ...slow,
    );
  }
  if (survivors.length) lines.push("", "Surviving mutants:", "", ...survivors);
  return lines.join("\n");
}
