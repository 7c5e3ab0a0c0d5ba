/**
 * A suite validation as Markdown: one row per task (reference runs, mutants, kill rates,
 * status), then the mutants that survived.
 *
 * @module
 */
import { BOUNDARY_MUTATIONS, type TaskValidation } from "./validation.ts";

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
  const lines = [
    "| task | reference | mutants | killed | edge kills boundary mutants | status |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  for (const v of validations) {
    const counted = v.mutants.filter((m) => !m.equivalent);
    const boundary = counted.filter((m) => BOUNDARY_MUTATIONS.includes(m.mutation));
    lines.push(
      `| ${v.task} | ${
        v.referenceRuns ? `${v.referencePasses}/${v.referenceRuns} pass` : "none"
      } | ${counted.length} | ${pct(v.killRate)} | ` +
        `${pct(v.edgeBoundaryRate)} of ${boundary.length} | ${
          v.problems.length ? v.problems.join("; ") : v.notes?.length ? v.notes.join("; ") : "ok"
        } |`,
    );
  }
  const survivors = validations.flatMap((v) =>
    v.mutants.filter((m) => !m.killed && !m.equivalent).map((m) =>
      `- ${v.task}: ${m.mutation}: ${m.description}`
    )
  );
  if (survivors.length) lines.push("", "Surviving mutants:", "", ...survivors);
  return lines.join("\n");
}
