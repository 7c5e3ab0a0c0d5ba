/**
 * Plain rows as a report-ready HTML table, styled as `tableHTML()` styles an
 * arquero table (inline CSS: it survives nbconvert).
 *
 * @module
 */

/** Options for {@link rowsHTML}. */
export interface RowsHTMLOptions {
  /** A caption shown above the table. @default none */
  caption?: string;
  /** The columns to show, in order. @default the keys of the first row */
  columns?: readonly string[];
  /** The most fractional digits for numbers. @default 3 */
  maxdigits?: number;
  /** The most rows to show; a note says how many were left out. @default 50 */
  limit?: number;
  /** Shown instead of an empty table. @default "no rows" */
  empty?: string;
}

const CELL = "padding: 3px 8px; border-bottom: 1px solid #e5e7eb; white-space: nowrap;";

/**
 * An HTML table of plain rows (objects): numbers right-aligned and rounded to
 * `maxdigits`, null/undefined as a grey "–", text escaped. Display it with
 * `Deno.jupyter.html`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rowsHTML } from "./rows_table.ts";
 * const html = rowsHTML([{ model: "a<b", passRate: 0.66666 }, { model: "c", passRate: null }], { caption: "Pass", maxdigits: 2 });
 * assert(html.includes("<table") && html.includes("a&lt;b") && html.includes("0.67") && html.includes("Pass"));
 * ```
 *
 * @param rows The rows.
 * @param options Caption, columns, digits, row limit.
 * @returns The HTML.
 */
export function rowsHTML(
  rows: readonly Record<string, unknown>[],
  options: RowsHTMLOptions = {},
): string {
  const { caption, maxdigits = 3, limit = 50, empty = "no rows" } = options;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const title = caption
    ? `<div style="font: 600 14px system-ui, sans-serif; margin: 8px 0 4px;">${esc(caption)}</div>`
    : "";
  if (rows.length === 0) {
    return `<div class="assay-table">${title}<div style="font: 13px system-ui, sans-serif; color: #6b7280;">${
      esc(empty)
    }</div></div>`;
  }
  const columns = options.columns ?? Object.keys(rows[0]);
  const format = (v: unknown) => {
    if (v === null || v === undefined) return `<span style="color: #9ca3af;">–</span>`;
    if (typeof v === "number") {
      return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(maxdigits)));
    }
    return esc(String(v));
  };
  const head = columns.map((c) =>
    `<th style="${CELL} border-bottom: 2px solid #9ca3af; font-weight: 600; background: #f9fafb; text-align: left;">${
      esc(c)
    }</th>`
  ).join("");
  const body = rows.slice(0, limit).map((row, i) =>
    `<tr>${
      columns.map((c) =>
        `<td style="${CELL}${i % 2 ? " background: #f9fafb;" : ""} text-align: ${
          typeof row[c] === "number" ? "right" : "left"
        };">${format(row[c])}</td>`
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
