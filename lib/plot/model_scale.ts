/**
 * The model colour scale for charts drawn from rows that are not whole run
 * records (summaries, load levels, comparisons): the same domain order and
 * palette as {@link modelColorScale}.
 *
 * @module
 */
import { modelColorScale } from "./model_colors.ts";

/**
 * {@link modelColorScale} for a list of models followed by any other model
 * found in `rows`: pass the run's manifest models first so a model keeps its
 * colour in every chart.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { modelColorScale } from "./model_colors.ts";
 * import { modelScale } from "./model_scale.ts";
 * const manifest = { models: [{ spec: "a", synthetic: false }, { spec: "b", synthetic: true }] };
 * const scale = modelScale(manifest.models, [{ model: "c" }]);
 * assert.deepEqual(scale.domain, ["a", "b", "c"]);
 * assert.deepEqual(scale.range.slice(0, 2), modelColorScale({ manifest }).range);
 * ```
 *
 * @param models Model specs (or manifest entries) in colour order.
 * @param rows Records whose `model` adds any model not listed.
 * @returns An ordinal scale for Plot's `color` option.
 */
export function modelScale(
  models: readonly (string | { spec: string })[],
  rows: readonly { model: string }[] = [],
): ReturnType<typeof modelColorScale> {
  const specs = [
    ...new Set([
      ...models.map((m) => (typeof m === "string" ? m : m.spec)),
      ...rows.map((r) => r.model),
    ]),
  ];
  return modelColorScale({
    manifest: { models: specs.map((spec) => ({ spec, synthetic: false })) },
  });
}

/**
 * The rows in colour order of their model (stable: rows of one model keep
 * their order), so charts list models as the legend does.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { byModel } from "./model_scale.ts";
 * const rows = [{ model: "b", v: 1 }, { model: "a", v: 2 }, { model: "b", v: 3 }];
 * assert.deepEqual(byModel(rows, ["a", "b"]).map((r) => r.v), [2, 1, 3]);
 * ```
 *
 * @param rows Rows with a `model`.
 * @param domain Model specs in colour order (a scale's `domain`).
 * @returns A sorted copy.
 */
export function byModel<T extends { model: string }>(
  rows: readonly T[],
  domain: readonly string[],
): T[] {
  const rank = (model: string) => {
    const i = domain.indexOf(model);
    return i < 0 ? domain.length : i;
  };
  return [...rows].sort((a, b) => rank(a.model) - rank(b.model));
}
