/**
 * One number format for every published table and chart: rates as whole
 * percentages, weighted accuracy with 2 decimals, one minus sign (U+2212),
 * the same number of decimals down a column, long text cut at a word.
 *
 * @module
 */

/**
 * The minus sign every published number uses (U+2212), never the hyphen.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatFixed, MINUS } from "./number_format.ts";
 * assert.equal(formatFixed(-1, 1), `${MINUS}1.0`);
 * ```
 */
export const MINUS = "\u2212";

/**
 * A number with exactly `digits` decimals and the minus sign U+2212 (no
 * "−0.00": a value that rounds to zero has no sign).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatFixed } from "./number_format.ts";
 * assert.equal(formatFixed(-0.0612, 2), "−0.06");
 * assert.equal(formatFixed(1, 2), "1.00");
 * assert.equal(formatFixed(-0.001, 2), "0.00");
 * ```
 *
 * @param x The number.
 * @param digits Decimals.
 * @returns The text.
 */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x).replace("-", MINUS);
  const text = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text.replace("-", MINUS);
}

/**
 * A share in [0, 1] as a percentage, whole by default ("66%"); `null` stays
 * `null` (shown as a dash).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatPercent } from "./number_format.ts";
 * assert.equal(formatPercent(0.6612), "66%");
 * assert.equal(formatPercent(1), "100%");
 * assert.equal(formatPercent(0.0625, 1), "6.3%");
 * assert.equal(formatPercent(null), null);
 * ```
 *
 * @param share The share, 0 to 1.
 * @param digits Decimals of the percentage. @default 0
 * @returns The text, or null.
 */
export function formatPercent(share: number | null | undefined, digits = 0): string | null {
  if (share === null || share === undefined) return null;
  return `${formatFixed(100 * share, digits)}%`;
}

/**
 * Text cut to at most `max` characters at a word boundary, with "…" when
 * something was cut (a word longer than half of `max` is cut inside it);
 * line breaks are kept.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cutAtWord } from "./number_format.ts";
 * assert.equal(cutAtWord("expected 3 to equal 4 in the sum", 20), "expected 3 to equal…");
 * assert.equal(cutAtWord("short", 20), "short");
 * assert.equal(cutAtWord("abcdefghij", 5), "abcd…");
 * ```
 *
 * @param text The text.
 * @param max The most characters, the ellipsis included.
 * @returns The text, whole or cut.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, Math.max(1, max - 1));
  const space = head.search(/\s\S*$/);
  // The head ends at a word's end when the next character is a space; else drop the cut word.
  const whole = /\s/.test(text[head.length]);
  const cut = whole ? head : space >= max / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.]+$/, "")}…`;
}

/** How a column's numbers are written. */
export type ColumnFormat =
  /** A share in [0, 1], as a whole percentage. */
  | "percent"
  /** Two decimals (weighted accuracy). */
  | "fixed2"
  /** Rounded to a whole number (milliseconds, tokens/s). */
  | "integer"
  /** Integers as they are; otherwise every value with the column's decimals. */
  | "auto";

/**
 * How each known column is written: rates as percentages, weighted accuracy with 2 decimals,
 * times in whole ms.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COLUMN_FORMATS } from "./number_format.ts";
 * assert.equal(COLUMN_FORMATS.passRate, "percent");
 * ```
 */
export const COLUMN_FORMATS: Readonly<Record<string, ColumnFormat>> = {
  passRate: "percent",
  passFraction: "percent",
  pass_rate: "percent",
  consistency: "percent",
  hallucinationRate: "percent",
  timeoutRate: "percent",
  generationErrorRate: "percent",
  weightedAccuracy: "fixed2",
  weighted_accuracy: "fixed2",
  ttftP50: "integer",
  ttftP90: "integer",
  ttftP99: "integer",
  totalP50: "integer",
  totalP90: "integer",
  totalP99: "integer",
  tokensPerSecP50: "integer",
  ttftMs: "integer",
  totalMs: "integer",
  retryMs: "integer",
};

/** pass@k and pass^k columns are chances: percentages. */
const PASS_K = /^pass[@^]\d+$/;
/** A run's weighted accuracy in a side-by-side table ("weighted A", "weighted B"). */
const WEIGHTED_OF_RUN = /^weighted [A-Z]$/;

/**
 * The format of a column: {@link COLUMN_FORMATS} by name, `pass@k`/`pass^k` as
 * percentages, a run's weighted accuracy (`weighted A`) with 2 decimals, else `auto`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { columnFormat } from "./number_format.ts";
 * assert.equal(columnFormat("passRate"), "percent");
 * assert.equal(columnFormat("pass^3"), "percent");
 * assert.equal(columnFormat("weightedAccuracy"), "fixed2");
 * assert.equal(columnFormat("weighted B"), "fixed2");
 * assert.equal(columnFormat("samples"), "auto");
 * ```
 *
 * @param column The column's name (as in the data, before {@link columnLabel}).
 * @returns Its format.
 */
export function columnFormat(column: string): ColumnFormat {
  return COLUMN_FORMATS[column] ??
    (PASS_K.test(column) ? "percent" : WEIGHTED_OF_RUN.test(column) ? "fixed2" : "auto");
}

/**
 * A formatter for one column's numbers: by its {@link ColumnFormat}; `auto`
 * writes integers as they are when every value is one, else every value
 * with the same decimals (at most `maxdigits`, fewer when no value needs
 * them), so "1.00" stands beside "0.25", never "1" beside "0.250".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { columnFormatter } from "./number_format.ts";
 * const f = columnFormatter([1, 0.25, -0.5], "auto", 3);
 * assert.deepEqual([1, 0.25, -0.5].map(f), ["1.00", "0.25", "−0.50"]);
 * assert.equal(columnFormatter([3, 12], "auto")(12), "12");
 * assert.equal(columnFormatter([0.5], "percent")(0.5), "50%");
 * ```
 *
 * @param values The column's values (non-numbers are ignored).
 * @param format The column's format.
 * @param maxdigits The most decimals for `auto`. @default 3
 * @returns The formatter.
 */
export function columnFormatter(
  values: readonly unknown[],
  format: ColumnFormat,
  maxdigits = 3,
): (x: number) => string {
  if (format === "percent") return (x) => formatPercent(x)!;
  if (format === "fixed2") return (x) => formatFixed(x, 2);
  if (format === "integer") return (x) => formatFixed(x, 0);
  const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (numbers.every(Number.isInteger)) return (x) => formatFixed(x, 0);
  // The fewest decimals (up to maxdigits) that write every value as exactly as maxdigits would.
  let digits = 1;
  while (
    digits < maxdigits &&
    numbers.some((x) => Number(x.toFixed(digits)) !== Number(x.toFixed(maxdigits)))
  ) digits++;
  return (x) => formatFixed(x, digits);
}
