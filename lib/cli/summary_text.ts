/**
 * What the CLI prints after a run and for `score`: the summary as a fixed-width table (samples
 * `n` with the generation errors in it as a column), then what the scores do not cover.
 *
 * @module
 */
import { incompleteLabel } from "../analyze/load.ts";
import { type RunGaps, runGaps } from "../analyze/run_gaps.ts";
import type { SummaryRow } from "../analyze/summary.ts";
import { costCell } from "../analyze/cost_rows.ts";

function fmt(x: number | null, digits = 2, suffix = ""): string {
  return x === null ? "—" : `${x.toFixed(digits)}${suffix}`;
}

/**
 * Summary rows as a fixed-width text table.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { summaryText } from "./summary_text.ts";
 * const text = summaryText([]);
 * assert.match(text, /gen errors/);
 * assert.match(text, /cost$/m);
 * ```
 */
export function summaryText(rows: SummaryRow[]): string {
  const head = [
    "model",
    "variant",
    "n",
    "gen errors",
    "pass",
    "pass frac",
    "weighted",
    "correct/almost/wrong",
    "ttft p50",
    "total p50",
    "tok/s",
    "cached",
    "retries",
    "cost",
  ];
  const body = rows.map((r) => [
    r.model + (r.synthetic ? " (synthetic)" : ""),
    // A run that mixes languages has a row per language.
    r.language === undefined ? r.variant : `${r.variant} [${r.language}]`,
    String(r.samples),
    String(r.generationErrors),
    fmt(r.passRate === null ? null : r.passRate * 100, 0, "%"),
    fmt(r.passFraction === null ? null : r.passFraction * 100, 0, "%"),
    fmt(r.weightedAccuracy, 3),
    `${r.correct}/${r.almost}/${r.wrong}`,
    fmt(r.ttftP50, 0, " ms"),
    fmt(r.totalP50, 0, " ms"),
    fmt(r.tokensPerSecP50, 0),
    String(r.cached),
    r.retries ? `${r.retries} (${(r.retryMs / 1000).toFixed(1)} s)` : "0",
    costCell(r),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

/**
 * The sentence about `sloppy_only` samples (lib/run/sloppy_only.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sloppyOnlyText } from "./summary_text.ts";
 * assert.match(sloppyOnlyText({ samples: 2, names: ["temp"] }), /^2 samples pass cases only in non-strict mode/);
 * ```
 */
export function sloppyOnlyText(s: { samples: number; names: string[] }): string {
  const names = s.names.length ? ` (${s.names.slice(0, 8).join(", ")})` : "";
  return `${s.samples} sample${
    s.samples === 1 ? "" : "s"
  } pass cases only in non-strict mode (sloppy_only: implicit globals or writes to read-only values${names}); ` +
    "counted as passes, as the benchmark's own harness counts them";
}

/**
 * The lines that say what the scores above do not cover; "" when nothing is missing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gapsText } from "./summary_text.ts";
 * assert.equal(gapsText({ judged: 3, generationErrors: [], unjudgedTasks: [], incomplete: null }), "");
 * assert.match(
 *   gapsText({ judged: 3, incomplete: null, unjudgedTasks: [], generationErrors: [{ model: "m", message: "no answer", samples: 2 }] }),
 *   /2 of 3 samples got no answer/,
 * );
 * ```
 */
export function gapsText(gaps: RunGaps): string {
  const out: string[] = [];
  if (gaps.incomplete) {
    out.push(`${incompleteLabel(gaps.incomplete)}: the numbers above cover only these`);
  }
  const failed = gaps.generationErrors.reduce((n, g) => n + g.samples, 0);
  if (failed > 0) {
    out.push(
      `${failed} of ${gaps.judged} samples got no answer (generation errors; counted in n, scored as no code):`,
    );
    for (const g of gaps.generationErrors) out.push(`  ${g.model} × ${g.samples}: ${g.message}`);
  }
  if (gaps.unjudgedTasks.length > 0) {
    out.push(
      `${gaps.unjudgedTasks.length} task(s) could not be judged (left out of every score; fix the task):`,
    );
    for (const t of gaps.unjudgedTasks) {
      out.push(`  ${t.task} (${t.samples} sample(s)): ${t.reason}`);
    }
  }
  if (gaps.sloppyOnly) out.push(sloppyOnlyText(gaps.sloppyOnly));
  return out.join("\n");
}

/**
 * Print what a run's scores do not cover, when anything (after a blank line), on stdout.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../analyze/load.ts";
 * import { printGaps } from "./summary_text.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * assert.equal(printGaps(run), undefined);
 * ```
 */
export function printGaps(run: Parameters<typeof runGaps>[0]): void {
  const text = gapsText(runGaps(run));
  if (text) console.log(`\n${text}`);
}
