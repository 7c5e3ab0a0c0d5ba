import assert from "node:assert/strict";
import { bootstrapMean } from "../../lib/analyze/bootstrap.ts";

Deno.test("bootstrapMean() is deterministic in its seed and brackets the mean", () => {
  const values = [0, -1, 0, -1, -1, 0, 0, -1, -1, -1];
  const a = bootstrapMean(values, { seed: 7 });
  assert.deepEqual(a, bootstrapMean(values, { seed: 7 }));
  assert.ok(a.low < a.mean && a.mean < a.high);
  assert.equal(a.mean, -0.6);
});

Deno.test("bootstrapMean() narrows with a lower confidence level", () => {
  const values = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const wide = bootstrapMean(values, { confidence: 0.99 });
  const narrow = bootstrapMean(values, { confidence: 0.5 });
  assert.ok(wide.high - wide.low > narrow.high - narrow.low);
});

Deno.test("bootstrapMean() returns NaN for no values", () => {
  const ci = bootstrapMean([]);
  assert.ok(Number.isNaN(ci.mean) && Number.isNaN(ci.low) && Number.isNaN(ci.high));
});
