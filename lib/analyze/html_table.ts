/**
 * Rows as a report-ready HTML table (inline CSS: it survives nbconvert), the
 * one table writer behind `tableHTML()` and `rowsHTML()`: headers in words,
 * one number format.
 *
 * @module
 */
import { columnLabel } from "./column_label.ts";
import { type ColumnFormat, columnFormat, columnFormatter } from "./number_format.ts";

/** Options for {@link htmlTable}. */
export interface HtmlTableOptions {
  /** A caption shown above the table. @default none */
  caption?: string;
  /** The columns to show, in order. @default the keys of the first row */
  columns?: readonly string[];
  /** The most decimals for numbers of an `auto` column. @default 3 */
  maxdigits?: number;
  /** The most rows to show; a note says how many were left out. @default 50 */
  limit?: number;
  /** Shown instead of an empty table. @default "no rows" */
  empty?: string;
  /**
   * Headers in words (`passRate` → `pass rate`, `ttftP50` → `TTFT p50 (ms)`) and numbers
   * formatted by column (rates as percentages, weighted accuracy with 2 decimals); false shows
   * the names as they are and every number in the `auto` format. @default true
   */
  words?: boolean;
  /** A format per column, over the one its name implies (`columnFormat()`). @default {} */
  formats?: Readonly<Record<string, ColumnFormat>>;
}

const CELL = "padding: 3px 8px; border-bottom: 1px solid #e5e7eb; white-space: nowrap;";
const DASH = `<span style="color: #9ca3af;">–</span>`;

/** `&`, `<` and `"` escaped for HTML text and attributes. */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * An HTML table of plain rows (objects): headers in words, numbers
 * right-aligned, every number of a column in one format (rates as
 * percentages, weighted accuracy with 2 decimals, else the same decimals
 * down the column), the minus sign U+2212, null/undefined as a grey "–",
 * text escaped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { htmlTable } from "./html_table.ts";
 * const html = htmlTable([{ model: "a<b", passRate: 0.66666, weightedAccuracy: -0.0612 }], { caption: "Accuracy" });
 * assert.match(html, /<th[^>]*>pass rate<\/th>/);
 * assert.match(html, />67%<\/td>/);
 * assert.match(html, />−0\.06<\/td>/);
 * assert.match(html, /a&lt;b/);
 * ```
 *
 * @param rows The rows.
 * @param options Caption, columns, digits, row limit, words.
 * @returns The HTML.
 */
export function htmlTable(
  rows: readonly Record<string, unknown>[],
  options: HtmlTableOptions = {},
): string {
  const { caption, maxdigits = 3, limit = 50, empty = "no rows", words = true } = options;
  const title = caption
    ? `<div style="font: 600 14px system-ui, sans-serif; margin: 8px 0 4px;">${esc(caption)}</div>`
    : "";
  if (rows.length === 0) {
    return `<div class="assay-table">${title}<div style="font: 13px system-ui, sans-serif; color: #6b7280;">${
      esc(empty)
    }</div></div>`;
  }
  const columns = options.columns ?? Object.keys(rows[0]);
  const formatters = new Map(columns.map((c) => {
    const format = options.formats?.[c] ?? (words ? columnFormat(c) : "auto");
    return [c, columnFormatter(rows.map((r) => r[c]), format, maxdigits)];
  }));
  const format = (c: string, v: unknown) => {
    if (v === null || v === undefined) return DASH;
    if (typeof v === "number") return formatters.get(c)!(v);
    return esc(String(v));
  };
  const head = columns.map((c) =>
    `<th style="${CELL} border-bottom: 2px solid #9ca3af; font-weight: 600; background: #f9fafb; text-align: left;">${
      esc(words ? columnLabel(c) : c)
    }</th>`
  ).join("");
  const body = rows.slice(0, limit).map((row, i) =>
    `<tr>${
      columns.map((c) =>
        `<td style="${CELL}${i % 2 ? " background: #f9fafb;" : ""} text-align: ${
          typeof row[c] === "number" ? "right" : "left"
        };">${format(c, row[c])}</td>`
      ).join("")
    }</tr>`
  ).join("");
  const hidden = rows.length - limit;
  const more = hidden > 0
    ? `<div style="font: 12px system-ui, sans-serif; color: #6b7280;">… ${hidden} more row${
      hidden === 1 ? "" : "s"
    }</div>`
    : "";
  return `<div class="assay-table" style="overflow-x: auto;">${title}<table style="border-collapse: collapse; ` +
    `font-family: system-ui, sans-serif; font-size: 13px; font-variant-numeric: tabular-nums; ` +
    `margin: 4px 0 12px 0; color: #111827;"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}</div>`;
}
