import assert from "node:assert/strict";
import { MODEL_PALETTE } from "../../lib/plot/model_colors.ts";
import { byModel, modelScale } from "../../lib/plot/model_scale.ts";

Deno.test("modelScale() orders the listed models first, then models found in rows", () => {
  const scale = modelScale(["b", { spec: "a" }], [{ model: "c" }, { model: "a" }]);
  assert.deepEqual(scale.domain, ["b", "a", "c"]);
  assert.deepEqual(scale.range, MODEL_PALETTE.slice(0, 3));
});

Deno.test("byModel() sorts rows by colour order, keeping each model's rows in order", () => {
  const rows = [{ model: "x", i: 0 }, { model: "b", i: 1 }, { model: "a", i: 2 }, {
    model: "b",
    i: 3,
  }];
  assert.deepEqual(byModel(rows, ["a", "b"]).map((r) => r.i), [2, 1, 3, 0]);
});
