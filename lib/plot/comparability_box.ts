/**
 * The box at the top of a comparison: every way in which the runs differ,
 * each with both values and what it does to the comparison; or a short note
 * that they agree on everything checked.
 *
 * @module
 */
import { type ComparabilityWarning, COMPARED_ASPECTS } from "../analyze/comparability.ts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * A prominent amber box listing `warnings` (`comparabilityWarnings(runs)`),
 * one item per difference with the aspect in bold; with no warning, a quiet
 * line naming what was checked.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { comparabilityHTML } from "./comparability_box.ts";
 * const w = { aspect: "samples per task", baseline: "A", run: "B", before: "3", after: "1", text: "B has 1 sample per task, A has 3: flips and intervals are weaker" };
 * assert.match(comparabilityHTML([w]), /The runs differ in 1 way/);
 * assert.match(comparabilityHTML([w]), /<b>samples per task<\/b>: B has 1 sample per task, A has 3/);
 * assert.match(comparabilityHTML([]), /The runs agree in completeness, samples per task, seed, suite/);
 * ```
 *
 * @param warnings The differences.
 * @returns The HTML.
 */
export function comparabilityHTML(warnings: readonly ComparabilityWarning[]): string {
  if (warnings.length === 0) {
    return `<p class="assay-comparable" style="font: 13px system-ui, sans-serif; color: #1a7f37; margin: 6px 0;">The runs agree in ${
      COMPARED_ASPECTS.join(", ")
    }: their differences come from the models' answers.</p>`;
  }
  const items = warnings.map((w) => `<li><b>${esc(w.aspect)}</b>: ${esc(w.text)}.</li>`).join("");
  return `<div class="assay-comparability" role="note" style="border: 2px solid #d97706; border-left-width: 6px; background: #fffbeb; padding: 8px 14px; margin: 8px 0 12px; font: 14px system-ui, sans-serif; max-width: 64em;">
<div style="font-weight: 700; color: #92400e;">⚠ The runs differ in ${warnings.length} way${
    warnings.length === 1 ? "" : "s"
  }: read the changes below with this in mind.</div>
<ul style="margin: 6px 0 2px; padding-left: 20px;">${items}</ul></div>`;
}
