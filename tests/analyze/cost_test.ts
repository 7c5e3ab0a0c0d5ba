import assert from "node:assert/strict";
import { groupCost, runCost, sampleCost } from "../../lib/analyze/cost.ts";
import { costRows } from "../../lib/analyze/cost_rows.ts";
import { summarize } from "../../lib/analyze/summary.ts";
import type { PriceTable } from "../../lib/model/prices.ts";
import type { GenerationRecord } from "../../lib/record/generation.ts";
import type { ModelPrice } from "../../lib/record/run_prices.ts";
import { generationRecord } from "../_helpers.ts";

const gen = (over: Partial<GenerationRecord>): GenerationRecord => generationRecord(over);
const list = (input: number, output: number): ModelPrice => ({
  kind: "list",
  key: "openai:m",
  input,
  output,
  asOf: "2026-01",
  source: "test",
});
// $3 per 1M input tokens, $15 per 1M output tokens.
const table: PriceTable = {
  notes: [],
  models: {
    "openai:a": { input: 3, output: 15, asOf: "2026-01", source: "test" },
    "openai:b": { input: 1, output: 2, asOf: "2026-01", source: "test" },
  },
};

Deno.test("sampleCost() is tokensIn × input + tokensOut × output per 1M tokens", () => {
  // 2 000 in × $3/1M = $0.006; 400 out × $15/1M = $0.006.
  assert.equal(sampleCost(gen({ tokensIn: 2000, tokensOut: 400 }), list(3, 15)), 0.012);
  assert.equal(sampleCost(gen({ tokensIn: 0, tokensOut: 1_000_000 }), list(3, 15)), 15);
});

Deno.test("sampleCost() is null without a price or token counts, and 0 for a cache hit", () => {
  assert.equal(sampleCost(gen({}), null), null);
  assert.equal(sampleCost(gen({ tokensOut: null }), list(3, 15)), null);
  assert.equal(sampleCost(gen({ cached: true }), list(3, 15)), 0);
});

Deno.test("groupCost() adds the uncached requests with token counts and says what it left out", () => {
  const c = groupCost([
    gen({ tokensIn: 1000, tokensOut: 100 }), // 0.003 + 0.0015
    gen({ tokensIn: 3000, tokensOut: 200, tokensEstimated: true }), // 0.009 + 0.003
    gen({ tokensIn: 5000, tokensOut: 500, cached: true }), // spent nothing now
    gen({ tokensIn: null, tokensOut: null, error: "refused" }),
  ], list(3, 15));
  assert.ok(Math.abs(c.costUsd! - 0.0165) < 1e-12, `cost ${c.costUsd}`);
  assert.deepEqual(
    [c.costRequests, c.costUncounted, c.costEstimated, c.priceKind],
    [2, 1, true, "list"],
  );
  const unpriced = groupCost([gen({})], null);
  assert.deepEqual([unpriced.costUsd, unpriced.priceKind], [null, null]);
});

Deno.test("summarize() gives each model × variant its cost, and a model without a price null", () => {
  const rows = summarize({
    generations: [
      gen({ model: "openai:a", tokensIn: 1000, tokensOut: 100 }), // 0.0045
      gen({ model: "openai:a", sample: 1, tokensIn: 2000, tokensOut: 0 }), // 0.006
      gen({ model: "openai:b", tokensIn: 1000, tokensOut: 1000 }), // 0.003
      gen({ model: "openai:c", tokensIn: 1000, tokensOut: 1000 }), // no price
      gen({ model: "synthetic:default", synthetic: true }),
    ],
    results: [],
  }, { prices: table });
  const usd = (x: number | null) => x === null ? null : Math.round(x * 1e12) / 1e12;
  assert.deepEqual(rows.map((r) => [r.model, usd(r.costUsd), r.costRequests]), [
    ["openai:a", 0.0105, 2],
    ["openai:b", 0.003, 1],
    ["openai:c", null, 1],
    ["synthetic:default", 0, 1],
  ]);
  assert.equal(rows[3].priceKind, "synthetic");
  const total = runCost(rows);
  assert.equal(total.usd, null, "a model without a price makes the run's cost unknown");
  assert.deepEqual(total.unpriced, ["openai:c"]);
  assert.ok(Math.abs(runCost(rows.slice(0, 2)).usd! - 0.0135) < 1e-12);
  assert.match(String(costRows(rows).at(-1)!.cost), /^no price \(openai:c\)$/);
});

Deno.test("summarize() prices a run by its manifest's recorded prices unless a table is given", () => {
  const manifest = {
    prices: { notes: [], models: { "openai:a": list(10, 0) } },
  };
  const run = { generations: [gen({ model: "openai:a", tokensIn: 1000 })], results: [], manifest };
  assert.equal(summarize(run)[0].costUsd, 0.01);
  assert.equal(summarize(run, { prices: table })[0].costUsd, 0.003 + 50 * 15 / 1e6);
});

Deno.test("costRows() names the language of each row in a run that mixes languages", () => {
  const row = {
    model: "openai:gpt-4o",
    variant: "plain",
    costUsd: 0.03,
    costRequests: 3,
    costUncounted: 0,
    costEstimated: false,
    priceKind: "list" as const,
    cached: 0,
  };
  const rows = costRows([{ ...row, language: "ts" }, { ...row, language: "py", costUsd: 0.01 }]);
  assert.deepEqual(rows.map((r) => [r.language, r.cost]), [["ts", "$0.03"], ["py", "$0.01"], [
    "",
    "$0.04",
  ]]);
  assert.equal(costRows([row])[0].language, undefined, "one language: no column");
});
