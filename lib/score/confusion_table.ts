/**
 * A confusion table of expected versus assigned labels, as text for a terminal or a report.
 *
 * @module
 */

/** One labelled item: what it should be and what it was called. */
export interface LabelPair {
  /** The reference label (a person's, or the planted one). */
  expected: string;
  /** The label assigned (the classifier's); e.g. "(none)" for no failure found. */
  actual: string;
}

/** Options for {@link confusionTable}. */
export interface ConfusionOptions {
  /** Row/column order; labels not listed follow, sorted. @default [] */
  order?: readonly string[];
}

/**
 * Agreement (share of pairs whose labels match, NaN for none) and a fixed-width table: one row per
 * expected label, one column per assigned label, counts in the cells, row totals at the end.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { confusionTable } from "./confusion_table.ts";
 * const { agreement, table } = confusionTable([
 *   { expected: "syntax", actual: "syntax" },
 *   { expected: "crash", actual: "syntax" },
 * ], { order: ["syntax", "crash"] });
 * assert.equal(agreement, 0.5);
 * assert.match(table.split("\n")[2], /^crash\s+1\s+1$/); // a column per assigned label
 * ```
 */
export function confusionTable(
  pairs: readonly LabelPair[],
  options: ConfusionOptions = {},
): { agreement: number; table: string } {
  const seen = new Set(pairs.flatMap((p) => [p.expected, p.actual]));
  const order = [
    ...new Set([...(options.order ?? []).filter((l) => seen.has(l)), ...[...seen].sort()]),
  ];
  const rows = order.filter((l) => pairs.some((p) => p.expected === l));
  const cols = order.filter((l) => pairs.some((p) => p.actual === l));
  const count = (e: string, a: string) =>
    pairs.filter((p) => p.expected === e && p.actual === a).length;
  const head = ["expected \\ got", ...cols.map(short), "total"];
  const body = rows.map((e) => [
    e,
    ...cols.map((a) => String(count(e, a))),
    String(pairs.filter((p) => p.expected === e).length),
  ]);
  const widths = head.map((_, k) => Math.max(...[head, ...body].map((r) => r[k].length)));
  const line = (r: string[]) =>
    r.map((cell, k) => (k === 0 ? cell.padEnd(widths[k]) : cell.padStart(widths[k]))).join("  ");
  const agree = pairs.filter((p) => p.expected === p.actual).length;
  return {
    agreement: pairs.length === 0 ? NaN : agree / pairs.length,
    table: [line(head), ...body.map(line)].join("\n"),
  };
}

const SHORT: Record<string, string> = {
  wrong_interface: "iface",
  hallucinated_api: "halluc",
  misunderstanding: "misund",
};

/** Column headers stay narrow: `hallucinated_api` → `halluc`. */
function short(label: string): string {
  return SHORT[label] ?? (label.length > 8 ? label.slice(0, 8) : label);
}
