/**
 * What a run's requests cost: per sample (tokens in × input price + tokens out × output price),
 * per model × variant and per run. The cost is what was spent by the requests the run sent: a
 * generation served from the cache spent nothing now (it is counted apart, as `cached`), and a
 * model without a price has a cost of null ("no price"), never 0.
 *
 * @module
 */
import type { GenerationRecord } from "../record/generation.ts";
import type { Manifest } from "../record/manifest.ts";
import type { ModelPrice } from "../record/run_prices.ts";
import { BUILTIN_PRICES, priceOf, type PriceTable } from "../model/prices.ts";

/** The cost columns of a summary row (lib/analyze/summary.ts). */
export interface CostFields {
  /** USD spent by the row's uncached requests that report token counts; null when the model has no price. */
  costUsd: number | null;
  /** Uncached requests counted in `costUsd` (its denominator). */
  costRequests: number;
  /** Uncached requests without token counts (a failed request, a server without usage): not in `costUsd`, which is then a lower bound. */
  costUncounted: number;
  /** True when some counted request's tokens were estimated (the server reported no usage). */
  costEstimated: boolean;
  /** How the model was priced: `list` (the price table), `synthetic`, `local`, `replay` (free), or null (no price). */
  priceKind: ModelPrice["kind"] | null;
}

/**
 * One generation's cost in USD: tokensIn × input + tokensOut × output (prices per 1M tokens);
 * 0 when served from the cache (nothing was spent now); null without a price or without token
 * counts. Estimated when `g.tokensEstimated`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleCost } from "./cost.ts";
 * const price = { kind: "list" as const, key: "k", input: 2, output: 10, asOf: "2025-08", source: "s" };
 * const g = { tokensIn: 1000, tokensOut: 500, cached: false };
 * assert.equal(sampleCost(g, price), (1000 * 2 + 500 * 10) / 1e6); // $0.007
 * assert.equal(sampleCost({ ...g, cached: true }, price), 0);
 * assert.equal(sampleCost(g, null), null);
 * assert.equal(sampleCost({ ...g, tokensIn: null }, price), null);
 * ```
 */
export function sampleCost(
  g: Pick<GenerationRecord, "tokensIn" | "tokensOut" | "cached">,
  price: Pick<ModelPrice, "input" | "output"> | null,
): number | null {
  if (price === null) return null;
  if (g.cached) return 0;
  if (g.tokensIn === null || g.tokensOut === null) return null;
  return (g.tokensIn * price.input + g.tokensOut * price.output) / 1e6;
}

/**
 * The cost columns of one model's generations (one summary row).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { groupCost } from "./cost.ts";
 * const price = { kind: "list" as const, key: "k", input: 1, output: 4, asOf: "2025-08", source: "s" };
 * const g = (tokensIn: number | null, tokensOut: number | null, cached = false) =>
 *   ({ tokensIn, tokensOut, cached, tokensEstimated: false });
 * const c = groupCost([g(100, 50), g(300, 20), g(100, 50, true), g(null, null)], price);
 * assert.equal(c.costUsd, (100 * 1 + 50 * 4 + 300 * 1 + 20 * 4) / 1e6);
 * assert.deepEqual([c.costRequests, c.costUncounted, c.priceKind], [2, 1, "list"]);
 * assert.equal(groupCost([g(100, 50)], null).costUsd, null);
 * ```
 */
export function groupCost(
  generations: readonly Pick<
    GenerationRecord,
    "tokensIn" | "tokensOut" | "cached" | "tokensEstimated"
  >[],
  price: ModelPrice | null,
): CostFields {
  const uncached = generations.filter((g) => !g.cached);
  const counted = uncached.filter((g) => g.tokensIn !== null && g.tokensOut !== null);
  return {
    costUsd: price === null
      ? null
      : counted.reduce((sum, g) => sum + (sampleCost(g, price) ?? 0), 0),
    costRequests: counted.length,
    costUncounted: uncached.length - counted.length,
    costEstimated: counted.some((g) => g.tokensEstimated),
    priceKind: price?.kind ?? null,
  };
}

/**
 * How a run's models are priced: by `table` when given (`--prices`), else by the prices the run
 * recorded in its manifest when it has them, else by the built-in table.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runPricing } from "./cost.ts";
 * const recorded = { prices: { notes: [], models: { "openai:x": { kind: "list" as const, key: "openai:x", input: 1, output: 1, asOf: "2025-01", source: "s" } } } };
 * assert.equal(runPricing({ manifest: recorded })("openai:x")?.input, 1);
 * assert.equal(runPricing({})("openai:x"), null); // not in the built-in table
 * assert.equal(runPricing({})("gpt-4o-mini")?.output, 0.6);
 * ```
 */
export function runPricing(
  run: { manifest?: RunManifestPrices },
  table?: PriceTable,
): (spec: string) => ModelPrice | null {
  const recorded = table === undefined ? run.manifest?.prices?.models : undefined;
  return (spec) =>
    recorded && Object.hasOwn(recorded, spec)
      ? recorded[spec]
      : priceOf(spec, table ?? BUILTIN_PRICES);
}

/** The part of a manifest that prices a run (any manifest, or a partial one, fits). */
export type RunManifestPrices = {
  readonly prices?: Manifest["prices"];
  readonly [k: string]: unknown;
};

/** A run's cost: the sum of its rows, and what it leaves out. */
export interface RunCost {
  /** USD spent by the run's uncached requests with token counts; null when a model has no price. */
  usd: number | null;
  /** Requests counted in `usd`. */
  requests: number;
  /** Uncached requests without token counts (not counted). */
  uncounted: number;
  /** Generations served from the cache (spent nothing now). */
  cached: number;
  /** True when some counted tokens were estimated. */
  estimated: boolean;
  /** Models without a price (their rows' cost is null). */
  unpriced: string[];
}

/**
 * Add up summary rows into the run's cost.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runCost } from "./cost.ts";
 * const row = { model: "a", costUsd: 0.25, costRequests: 2, costUncounted: 0, costEstimated: false, cached: 1 };
 * assert.deepEqual(runCost([row, { ...row, costUsd: 0.5 }]), { usd: 0.75, requests: 4, uncounted: 0, cached: 2, estimated: false, unpriced: [] });
 * assert.equal(runCost([row, { ...row, model: "b", costUsd: null }]).usd, null);
 * ```
 */
export function runCost(
  rows: readonly (CostFieldsOf & { model: string; cached: number })[],
): RunCost {
  const unpriced = [...new Set(rows.filter((r) => r.costUsd === null).map((r) => r.model))];
  return {
    usd: unpriced.length ? null : rows.reduce((sum, r) => sum + (r.costUsd ?? 0), 0),
    requests: rows.reduce((n, r) => n + r.costRequests, 0),
    uncounted: rows.reduce((n, r) => n + r.costUncounted, 0),
    cached: rows.reduce((n, r) => n + r.cached, 0),
    estimated: rows.some((r) => r.costEstimated),
    unpriced,
  };
}

type CostFieldsOf = Pick<
  CostFields,
  "costUsd" | "costRequests" | "costUncounted" | "costEstimated"
>;

/**
 * USD as text with the precision a cost needs: `$0`, `$0.0042`, `$0.41`, `$12.34`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatUsd } from "./cost.ts";
 * assert.deepEqual([0, 0.5, 0.4123, 0.00421, 0.0000123, 1.5e-7, 12.3456].map(formatUsd), ["$0", "$0.50", "$0.4123", "$0.0042", "$0.000012", "$0.00000015", "$12.35"]);
 * ```
 */
export function formatUsd(usd: number): string {
  if (usd === 0) return "$0";
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(2)}`;
  if (Math.abs(usd) < 0.0001) {
    return `$${usd.toFixed(Math.min(20, 1 - Math.floor(Math.log10(Math.abs(usd)))))}`;
  }
  return `$${usd.toFixed(4).replace(/0{1,2}$/, "")}`;
}
