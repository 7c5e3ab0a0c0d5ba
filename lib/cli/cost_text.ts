/**
 * The CLI's line about what a run cost, under its summary table.
 *
 * @module
 */
import { formatUsd, runCost } from "../analyze/cost.ts";
import type { SummaryRow } from "../analyze/summary.ts";

/**
 * "cost: $0.0421 spent by 40 requests (…)", with what it leaves out and the prices' note; "" when
 * every model is free (synthetic, local, replay: the table's cost column says so).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { costText } from "./cost_text.ts";
 * const row = { model: "openai:gpt-4o", costUsd: 0.03, costRequests: 3, costUncounted: 0, costEstimated: false, priceKind: "list" as const, cached: 2 };
 * assert.equal(
 *   costText([row], ["list prices as of 2025-08; check before quoting"]),
 *   "cost: $0.03 spent by 3 requests (2 answers from the cache spent nothing now); list prices as of 2025-08; check before quoting",
 * );
 * assert.match(costText([{ ...row, costUsd: null, priceKind: null }], []), /^cost: unknown: no price for openai:gpt-4o \(give one with --prices FILE\)/);
 * assert.equal(costText([{ ...row, costUsd: 0, priceKind: "synthetic" as const }], []), "");
 * ```
 */
export function costText(
  rows: readonly Pick<
    SummaryRow,
    | "model"
    | "costUsd"
    | "costRequests"
    | "costUncounted"
    | "costEstimated"
    | "priceKind"
    | "cached"
  >[],
  notes: readonly string[],
): string {
  if (rows.every((r) => r.priceKind !== null && r.priceKind !== "list")) return "";
  const total = runCost(rows);
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
  const apart = [
    total.cached ? `${n(total.cached, "answer")} from the cache spent nothing now` : "",
    total.uncounted ? `${n(total.uncounted, "request")} without token counts not counted` : "",
    total.estimated ? "some token counts estimated (the server reported no usage)" : "",
  ].filter(Boolean);
  const head = total.usd === null
    ? `cost: unknown: no price for ${total.unpriced.join(", ")} (give one with --prices FILE)`
    : `cost: ${total.uncounted ? "at least " : ""}${formatUsd(total.usd)} spent by ${
      n(total.requests, "request")
    }`;
  return [`${head}${apart.length ? ` (${apart.join("; ")})` : ""}`, ...notes].join("; ");
}
