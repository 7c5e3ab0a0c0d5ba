/**
 * Column names in words for published tables: `pass rate`, `TTFT p50 (ms)`,
 * never `passRate` or `ttftP50`.
 *
 * @module
 */

/**
 * The words for the columns assay's tables use, units included.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COLUMN_LABELS } from "./column_label.ts";
 * assert.equal(COLUMN_LABELS.ttftP50, "TTFT p50 (ms)");
 * ```
 */
export const COLUMN_LABELS: Readonly<Record<string, string>> = {
  passRate: "pass rate",
  passFraction: "pass fraction",
  weightedAccuracy: "weighted accuracy",
  generationErrors: "generation errors",
  ttftP50: "TTFT p50 (ms)",
  ttftP90: "TTFT p90 (ms)",
  ttftP99: "TTFT p99 (ms)",
  totalP50: "total p50 (ms)",
  totalP90: "total p90 (ms)",
  totalP99: "total p99 (ms)",
  tokensPerSecP50: "tokens/s p50",
  ttftMs: "TTFT (ms)",
  totalMs: "total (ms)",
  execMs: "run time (ms)",
  retryMs: "retry time (ms)",
  tokensIn: "tokens in",
  tokensOut: "tokens out",
  tokensPerSec: "tokens/s",
  casesPassed: "cases passed",
  casesTotal: "cases",
  coreFailed: "core failed",
  edgeFailed: "edge failed",
  failureCategory: "failure category",
  hallucinationRate: "hallucination rate",
  timeoutRate: "timeout rate",
  generationErrorRate: "generation error rate",
  p95TotalMs: "total p95 (ms)",
  p95TtftMs: "TTFT p95 (ms)",
  costUsd: "cost (USD)",
  // Failure categories: the taxonomy's names, in words.
  no_code: "no code",
  wrong_interface: "wrong interface",
  hallucinated_api: "hallucinated API",
  generation_error: "generation error",
};

/**
 * A column's name in words: {@link COLUMN_LABELS}, else camelCase and
 * snake_case split into lower-case words; names already in words (with a
 * space, `pass@k`, `pass^k`) are kept.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { columnLabel } from "./column_label.ts";
 * assert.equal(columnLabel("ttftP50"), "TTFT p50 (ms)");
 * assert.equal(columnLabel("cacheHits"), "cache hits");
 * assert.equal(columnLabel("hallucinated_api"), "hallucinated API");
 * assert.equal(columnLabel("pass@3"), "pass@3");
 * assert.equal(columnLabel("pass % A"), "pass % A");
 * ```
 *
 * @param name The column's name in the data.
 * @returns The header to show.
 */
export function columnLabel(name: string): string {
  const known = COLUMN_LABELS[name];
  if (known !== undefined) return known;
  if (/\s/.test(name)) return name;
  return name
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/\b([A-Z])([a-z]+)/g, (_m, a: string, b: string) => a.toLowerCase() + b);
}

/**
 * A threshold's metric in words (`passHatK@3` → `pass^3`), for the
 * acceptable-risk tables; without a unit (the values carry it: `580 ms`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { metricLabel } from "./column_label.ts";
 * assert.equal(metricLabel("passRate"), "pass rate");
 * assert.equal(metricLabel("passHatK@3"), "pass^3");
 * assert.equal(metricLabel("p95TotalMs"), "total p95"); // its values say "ms"
 * ```
 *
 * @param metric The threshold's name as the policy writes it.
 * @returns Its words.
 */
export function metricLabel(metric: string): string {
  const k = /^passHatK@(\d+)$/.exec(metric);
  return k ? `pass^${k[1]}` : columnLabel(metric).replace(/ \(ms\)$/, "");
}
