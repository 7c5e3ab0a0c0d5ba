import assert from "node:assert/strict";
import { syntheticBanner } from "../../lib/plot/synthetic_banner.ts";

Deno.test("syntheticBanner() names the synthetic models and says how to use real ones", () => {
  const html = syntheticBanner([
    { spec: "synthetic:default", synthetic: true },
    { spec: "synthetic:sloppy", synthetic: true },
  ]);
  assert.match(html, /<strong>Synthetic models\.<\/strong> Every model here/);
  assert.match(html, /\(synthetic:default, synthetic:sloppy\) are assay's offline synthetic model/);
  assert.match(html, /ASSAY_MODELS/);
  assert.equal(syntheticBanner([]), "");
});
