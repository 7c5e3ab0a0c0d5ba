/**
 * What the CLI prints after a run and for `score`: the summary as a fixed-width table (samples
 * `n` with the generation errors in it as a column), then what the scores do not cover.
 *
 * @module
 */
import { incompleteLabel } from "../analyze/load_run.ts";
import { type RunGaps, runGaps } from "../analyze/run_gaps.ts";
import type { SummaryRow } from "../analyze/summary.ts";
import { costCell } from "../analyze/cost_rows.ts";

function fmt(x: number | null, digits = 2, suffix = ""): string {
  return x === null ? "—" : `${x.toFixed(digits)}${suffix}`;
}

/** One column of the summary table. */
export interface SummaryColumn {
  /** The header. */
  head: string;
  /** The cell of a row; `wide`: the full table (else the 100-column one). */
  cell: (r: SummaryRow, wide: boolean) => string;
  /** The most characters a cell takes in the 100-column table (longer ones end in "…"). */
  narrowMax?: number;
}

/**
 * Every column the summary table can show, by name (a new column: one entry here, and its name in
 * {@link WIDE_COLUMNS} and, if it fits, {@link NARROW_COLUMNS}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SUMMARY_COLUMNS } from "./summary_text.ts";
 * assert.equal(SUMMARY_COLUMNS["gen errors"].head, "gen errors");
 * ```
 */
export const SUMMARY_COLUMNS: Record<string, SummaryColumn> = {
  model: {
    head: "model",
    cell: (r, wide) => r.model + (r.synthetic ? (wide ? " (synthetic)" : "*") : ""),
    narrowMax: 20,
  },
  variant: {
    head: "variant",
    // A run that mixes languages has a row per language.
    cell: (r) => r.language === undefined ? r.variant : `${r.variant} [${r.language}]`,
    narrowMax: 11,
  },
  n: { head: "n", cell: (r) => String(r.samples) },
  "gen errors": { head: "gen errors", cell: (r) => String(r.generationErrors) },
  "gen err": { head: "gen err", cell: (r) => String(r.generationErrors) },
  pass: { head: "pass", cell: (r) => fmt(r.passRate === null ? null : r.passRate * 100, 0, "%") },
  "pass frac": {
    head: "pass frac",
    cell: (r) => fmt(r.passFraction === null ? null : r.passFraction * 100, 0, "%"),
  },
  weighted: { head: "weighted", cell: (r) => fmt(r.weightedAccuracy, 3) },
  spectrum: {
    head: "correct/almost/wrong",
    cell: (r) => `${r.correct}/${r.almost}/${r.wrong}`,
  },
  "c/a/w": { head: "c/a/w", cell: (r) => `${r.correct}/${r.almost}/${r.wrong}` },
  "ttft p50": { head: "ttft p50", cell: (r) => fmt(r.ttftP50, 0, " ms") },
  "total p50": {
    head: "total p50",
    // Narrow: 10 s and over in seconds (the unit is always written).
    cell: (r, wide) =>
      !wide && r.totalP50 !== null && r.totalP50 >= 10_000
        ? fmt(r.totalP50 / 1000, 1, " s")
        : fmt(r.totalP50, 0, " ms"),
  },
  "tok/s": { head: "tok/s", cell: (r) => fmt(r.tokensPerSecP50, 0) },
  cached: { head: "cached", cell: (r) => String(r.cached) },
  retries: {
    head: "retries",
    cell: (r) => r.retries ? `${r.retries} (${(r.retryMs / 1000).toFixed(1)} s)` : "0",
  },
  cost: {
    head: "cost",
    // Narrow: "$0" without its reason (the model column marks synthetic models; --wide says why).
    cell: (r, wide) => wide ? costCell(r) : costCell(r).replace(/^\$0 \(.*\)$/, "$0"),
    narrowMax: 10,
  },
};

/**
 * The columns of `--wide` (every one).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { WIDE_COLUMNS } from "./summary_text.ts";
 * assert(WIDE_COLUMNS.includes("ttft p50"));
 * ```
 */
export const WIDE_COLUMNS: readonly string[] = [
  "model",
  "variant",
  "n",
  "gen errors",
  "pass",
  "pass frac",
  "weighted",
  "spectrum",
  "ttft p50",
  "total p50",
  "tok/s",
  "cached",
  "retries",
  "cost",
];

/**
 * The columns of the default table: 100 columns with ≈8 to spare for one more.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { NARROW_COLUMNS } from "./summary_text.ts";
 * assert.deepEqual(NARROW_COLUMNS.slice(0, 3), ["model", "variant", "n"]);
 * ```
 */
export const NARROW_COLUMNS: readonly string[] = [
  "model",
  "variant",
  "n",
  "gen err",
  "pass",
  "weighted",
  "c/a/w",
  "total p50",
  "cost",
];

/**
 * Summary rows as a fixed-width text table: by default the columns that fit 100 characters
 * (long model and variant names cut with "…", synthetic models marked "*", a legend line
 * below); `wide`: every column.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { summaryText } from "./summary_text.ts";
 * assert.match(summaryText([]), /gen err/);
 * assert.match(summaryText([], { wide: true }), /ttft p50/);
 * assert.doesNotMatch(summaryText([]), /ttft p50/);
 * ```
 */
export function summaryText(rows: SummaryRow[], options: { wide?: boolean } = {}): string {
  const wide = options.wide ?? false;
  const columns = (wide ? WIDE_COLUMNS : NARROW_COLUMNS).map((name) => SUMMARY_COLUMNS[name]);
  const head = columns.map((c) => c.head);
  const body = rows.map((r) =>
    columns.map((c) => {
      const text = c.cell(r, wide);
      const max = wide ? undefined : c.narrowMax;
      return max !== undefined && text.length > max ? `${text.slice(0, max - 1)}…` : text;
    })
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  const table = [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)];
  if (!wide) {
    // The legend, wrapped at 100 columns.
    const items = [
      ...(rows.some((r) => r.synthetic) ? ["* synthetic: an offline stand-in, not an LLM"] : []),
      "c/a/w: correct/almost/wrong (the spectrum)",
      "gen err: generation errors (in n)",
      "--wide: every column",
    ];
    let legend = "";
    for (const item of items) {
      if (legend && `${legend} · ${item}`.length > 100) {
        table.push(legend);
        legend = item;
      } else legend = legend ? `${legend} · ${item}` : item;
    }
    table.push(legend);
  }
  return table.join("\n");
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
 * import { loadRun } from "../analyze/load_run.ts";
 * import { printGaps } from "./summary_text.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * assert.equal(printGaps(run), undefined);
 * ```
 */
export function printGaps(run: Parameters<typeof runGaps>[0]): void {
  const text = gapsText(runGaps(run));
  if (text) console.log(`\n${text}`);
}
