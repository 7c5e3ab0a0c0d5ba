/**
 * A run's cost as rows for a table (the report's "Cost" section, `rowsHTML()`): per model ×
 * variant with its denominators, the run's total, and the prices that decided the numbers.
 *
 * @module
 */
import { BUILTIN_PRICES, type PriceTable } from "../model/prices.ts";
import { formatUsd, runCost, type RunManifestPrices, runPricing } from "./cost.ts";
import type { SummaryRow } from "./summary.ts";

/**
 * The text of a cost cell: `$0.0123`, `~$0.0123` (some tokens estimated), `≥$0.0123` (requests
 * without token counts left out: a lower bound), `$0 (local)` (or synthetic, replay), `no price`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { costCell } from "./cost_rows.ts";
 * const r = { costUsd: 0.0123, costEstimated: false, costUncounted: 0, priceKind: "list" as const };
 * assert.deepEqual(
 *   [costCell(r), costCell({ ...r, costEstimated: true }), costCell({ ...r, costUncounted: 2 }), costCell({ ...r, costUsd: null, priceKind: null })],
 *   ["$0.0123", "~$0.0123", "≥$0.0123", "no price"],
 * );
 * ```
 */
export function costCell(
  r: Pick<SummaryRow, "costUsd" | "costEstimated" | "costUncounted" | "priceKind">,
): string {
  if (r.costUsd === null) return "no price";
  if (r.priceKind !== null && r.priceKind !== "list") return `$0 (${r.priceKind})`;
  return `${r.costUncounted ? "≥" : r.costEstimated ? "~" : ""}${formatUsd(r.costUsd)}`;
}

/**
 * One row per model × variant: the cost spent, the requests it covers, cached generations (spent
 * nothing now), requests without token counts (left out), and the mean per counted request; then
 * a `run` row with the total.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { costRows } from "./cost_rows.ts";
 * const row = { model: "openai:gpt-4o", variant: "plain", costUsd: 0.03, costRequests: 3, costUncounted: 0, costEstimated: false, priceKind: "list" as const, cached: 1 };
 * const rows = costRows([row, { ...row, model: "ollama:q", costUsd: 0, priceKind: "local" as const }]);
 * assert.deepEqual(rows[0], { model: "openai:gpt-4o", variant: "plain", cost: "$0.03", requests: 3, cached: 1, "without tokens": 0, "per request": "$0.01" });
 * assert.equal(rows[1].cost, "$0 (local)");
 * assert.deepEqual([rows[2].model, rows[2].cost, rows[2].requests], ["run (all rows)", "$0.03", 6]);
 * ```
 */
export function costRows(
  summary: readonly Pick<
    SummaryRow,
    | "model"
    | "variant"
    | "language"
    | "costUsd"
    | "costRequests"
    | "costUncounted"
    | "costEstimated"
    | "priceKind"
    | "cached"
  >[],
): Record<string, string | number>[] {
  // A run that mixes languages has a row per model × variant × language: the language is shown.
  const mixed = summary.some((r) => r.language !== undefined);
  const rows: Record<string, string | number>[] = summary.map((r) => ({
    model: r.model,
    variant: r.variant,
    ...(mixed ? { language: r.language ?? "ts" } : {}),
    cost: costCell(r),
    requests: r.costRequests,
    cached: r.cached,
    "without tokens": r.costUncounted,
    "per request": r.costUsd === null || r.costRequests === 0
      ? "–"
      : formatUsd(r.costUsd / r.costRequests),
  }));
  const total = runCost(summary);
  rows.push({
    model: "run (all rows)",
    variant: "",
    ...(mixed ? { language: "" } : {}),
    cost: total.usd === null
      ? `no price (${total.unpriced.join(", ")})`
      : `${total.uncounted ? "≥" : total.estimated ? "~" : ""}${formatUsd(total.usd)}`,
    requests: total.requests,
    cached: total.cached,
    "without tokens": total.uncounted,
    "per request": total.usd === null || total.requests === 0
      ? "–"
      : formatUsd(total.usd / total.requests),
  });
  return rows;
}

/**
 * The price each model of a run was costed at (USD per 1M tokens, dated, sourced), and the notes
 * to show with them ("list prices as of …; check before quoting").
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { priceRows } from "./cost_rows.ts";
 * const { rows, notes } = priceRows({ manifest: { models: [{ spec: "openai:gpt-4o-mini" }, { spec: "openai:mine" }] } });
 * assert.deepEqual(rows[0], { model: "openai:gpt-4o-mini", price: "list", "input / 1M": 0.15, "output / 1M": 0.6, "as of": "2025-08", source: "https://openai.com/api/pricing/ (standard tier)" });
 * assert.equal(rows[1].price, "no price");
 * assert.match(notes.join(" "), /check before quoting/);
 * ```
 */
export function priceRows(
  run: { manifest: RunManifestPrices & { models: readonly { spec: string }[] } },
  table?: PriceTable,
): { rows: Record<string, string | number | null>[]; notes: string[] } {
  const price = runPricing(run, table);
  const rows = run.manifest.models.map(({ spec }) => {
    const p = price(spec);
    return {
      model: spec,
      price: p?.kind ?? "no price",
      "input / 1M": p?.input ?? null,
      "output / 1M": p?.output ?? null,
      "as of": p?.asOf ?? null,
      source: p?.source ?? null,
    };
  });
  const notes = table?.notes ?? run.manifest.prices?.notes ??
    ["the run recorded no prices: priced by the built-in table", ...BUILTIN_PRICES.notes];
  return { rows, notes };
}
