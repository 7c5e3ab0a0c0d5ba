/**
 * Plain rows as a report-ready HTML table, styled as `tableHTML()` styles an
 * arquero table (inline CSS: it survives nbconvert), with headers in words and
 * one number format (`htmlTable()`).
 *
 * @module
 */
import { htmlTable, type HtmlTableOptions } from "../analyze/html_table.ts";

/** Options for {@link rowsHTML}: those of `htmlTable()`. */
export type RowsHTMLOptions = HtmlTableOptions;

/**
 * An HTML table of plain rows (objects): headers in words (`passRate` →
 * `pass rate`), numbers right-aligned and written one way per column (rates
 * as percentages, weighted accuracy with 2 decimals, else the same decimals
 * down the column, at most `maxdigits`; minus sign U+2212), null/undefined as
 * a grey "–", text escaped. Display it with `Deno.jupyter.html`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rowsHTML } from "./rows_table.ts";
 * const html = rowsHTML([{ model: "a<b", passRate: 0.66666, delta: -0.25 }, { model: "c", passRate: null, delta: 1 }], { caption: "Pass", maxdigits: 2 });
 * assert(html.includes("<table") && html.includes("a&lt;b") && html.includes("67%") && html.includes("Pass"));
 * assert(html.includes(">pass rate</th>") && html.includes(">−0.25<") && html.includes(">1.00<"));
 * ```
 *
 * @param rows The rows.
 * @param options Caption, columns, digits, row limit, words.
 * @returns The HTML.
 */
export function rowsHTML(
  rows: readonly Record<string, unknown>[],
  options: RowsHTMLOptions = {},
): string {
  return htmlTable(rows, options);
}
