/**
 * The notices every report page shows beside its scores (lib/analyze/run_gaps.ts): an incomplete
 * run, samples that got no answer (with the error and the endpoint), tasks that could not be
 * judged (with the reason).
 *
 * @module
 */
import { incompleteLabel } from "../analyze/load_run.ts";
import type { RunGaps } from "../analyze/run_gaps.ts";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const BOX = (color: string, bg: string) =>
  `border-left: 4px solid ${color}; background: ${bg}; padding: 8px 12px; margin: 6px 0 10px; ` +
  `font: 14px system-ui, sans-serif;`;

/**
 * An HTML banner for an incomplete run, "" for a complete one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { incompleteBanner } from "./run_notices.ts";
 * assert.match(incompleteBanner({ recorded: 13, expected: 60 }), /incomplete: 13 of 60 samples recorded/);
 * assert.equal(incompleteBanner(null), "");
 * ```
 */
export function incompleteBanner(incomplete: RunGaps["incomplete"]): string {
  if (incomplete === null) return "";
  return `<div class="assay-incomplete" style="${BOX("#c62828", "#fdecea")}"><strong>${
    esc(incompleteLabel(incomplete))
  }.</strong> Every number on this page covers only the recorded samples; rerun the eval command ` +
    `to resume the run.</div>`;
}

/**
 * HTML sections for samples that got no answer and tasks that could not be judged; a sentence
 * saying there were none otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gapsHTML } from "./run_notices.ts";
 * const html = gapsHTML({ judged: 4, incomplete: null, unjudgedTasks: [{ task: "t", reason: "tests.ts does not parse", samples: 2 }],
 *   generationErrors: [{ model: "ollama:x", message: "no answer from http://127.0.0.1:11434/v1", samples: 3 }] });
 * assert.match(html, /3 of 4 samples got no answer/);
 * assert.match(html, /tests\.ts does not parse/);
 * ```
 */
export function gapsHTML(gaps: RunGaps): string {
  const failed = gaps.generationErrors.reduce((n, g) => n + g.samples, 0);
  const gen = failed === 0
    ? `<p style="font: 14px system-ui, sans-serif;">Every judged sample got an answer from its model.</p>`
    : `<div style="${
      BOX("#c62828", "#fdecea")
    }"><strong>${failed} of ${gaps.judged} samples got no answer</strong> ` +
      `(generation errors): they count in every <em>n</em> and score as no runnable code (weighted −1).<ul style="margin: 4px 0;">` +
      gaps.generationErrors.map((g) =>
        `<li><code>${esc(g.model)}</code> × ${g.samples}: ${esc(g.message)}</li>`
      ).join("") + "</ul></div>";
  const tasks = gaps.unjudgedTasks.length === 0
    ? `<p style="font: 14px system-ui, sans-serif;">Every task could be judged.</p>`
    : `<div style="${
      BOX("#b45309", "#fff7ed")
    }"><strong>${gaps.unjudgedTasks.length} task(s) could not be judged</strong> ` +
      `(a defect of the task, not of a model): their samples are recorded but left out of every score.<ul style="margin: 4px 0;">` +
      gaps.unjudgedTasks.map((t) =>
        `<li><code>${esc(t.task)}</code> (${t.samples} sample(s)): ${esc(t.reason)}</li>`
      ).join("") + "</ul></div>";
  const sloppy = gaps.sloppyOnly
    ? `<p style="font: 14px system-ui, sans-serif;"><strong>${gaps.sloppyOnly.samples} sample(s) pass cases only in non-strict mode</strong> ` +
      `(<code>sloppy_only</code>: implicit globals or writes to read-only values${
        gaps.sloppyOnly.names.length
          ? `, e.g. <code>${
            gaps.sloppyOnly.names.slice(0, 8).map(esc).join("</code>, <code>")
          }</code>`
          : ""
      }); counted as passes, as the benchmark's own harness counts them.</p>`
    : "";
  return gen + tasks + sloppy;
}
