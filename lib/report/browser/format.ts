/**
 * Number and text formats of the sample browser (browser-side, no imports):
 * rates as percentages, weighted accuracy with two decimals and one minus
 * sign (U+2212), times in ms or s, costs in USD.
 *
 * @module
 */

/** The minus sign used everywhere a number is negative. */
export const MINUS = "\u2212";

/**
 * Escape text for HTML.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { esc } from "./format.ts";
 * assert.equal(esc(`<a href="x">&</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
 * ```
 */
export function esc(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * A signed number with `digits` decimals and a true minus sign; "–" for null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { signed } from "./format.ts";
 * assert.equal(signed(-0.5), "\u22120.50");
 * assert.equal(signed(1), "1.00");
 * assert.equal(signed(null), "–");
 * ```
 */
export function signed(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  const text = Math.abs(x).toFixed(digits);
  return x < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/**
 * A duration: ms under 10 s, else seconds with one decimal; "–" for null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { duration } from "./format.ts";
 * assert.equal(duration(812.4), "812 ms");
 * assert.equal(duration(12_345), "12.3 s");
 * assert.equal(duration(null), "–");
 * ```
 */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A cost in USD with four significant decimals under a cent; "no price" for null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { usd } from "./format.ts";
 * assert.equal(usd(0.000123), "$0.000123");
 * assert.equal(usd(1.5), "$1.50");
 * assert.equal(usd(0), "$0");
 * assert.equal(usd(null), "no price");
 * ```
 */
export function usd(x: number | null | undefined): string {
  if (x === null || x === undefined) return "no price";
  if (x === 0) return "$0";
  return x < 0.01 ? `$${Number(x.toPrecision(3))}` : `$${x.toFixed(2)}`;
}
