/**
 * One colour per model spec, the same in every chart of a run.
 *
 * @module
 */
import type { Run } from "../analyze/load_run.ts";

/** The fixed categorical palette (Observable 10), assigned in manifest order. */
export const MODEL_PALETTE: readonly string[] = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
];

/** An ordinal colour scale for Plot's `color` option. */
interface ModelColorScale {
  type: "ordinal";
  /** Model specs: the manifest's, then any other seen in the records. */
  domain: string[];
  /** One palette colour per domain entry (the palette repeats past 10 models). */
  range: string[];
}

/**
 * The run's model colour scale: the domain is the manifest's model list (in
 * order) followed by any other model found in the records, the range the
 * {@link MODEL_PALETTE}. Pass it as `color` (with `legend: true`) so every
 * chart of the run gives a model the same colour.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MODEL_PALETTE, modelColor, modelColorScale } from "./model_colors.ts";
 * const run = {
 *   manifest: { models: [{ spec: "openai:a", synthetic: false }, { spec: "openai:b", synthetic: false }] },
 * };
 * const scale = modelColorScale(run); // pass as Plot's `color` option
 * assert(scale.domain[1] === "openai:b" && scale.range[1] === MODEL_PALETTE[1]);
 * assert(modelColor(run, "openai:b") === MODEL_PALETTE[1]);
 * ```
 */
export function modelColorScale(
  run:
    & { manifest: Pick<Run["manifest"], "models"> }
    & Partial<Pick<Run, "generations" | "results">>,
): ModelColorScale {
  const domain = [
    ...new Set([
      ...run.manifest.models.map((m) => m.spec),
      ...(run.generations ?? []).map((g) => g.model),
      ...(run.results ?? []).map((r) => r.model),
    ]),
  ];
  return {
    type: "ordinal",
    domain,
    range: domain.map((_, i) => MODEL_PALETTE[i % MODEL_PALETTE.length]),
  };
}

/**
 * The colour of one model in a run (grey for a model the run does not know).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MODEL_PALETTE, modelColor, modelColorScale } from "./model_colors.ts";
 * const run = {
 *   manifest: { models: [{ spec: "openai:a", synthetic: false }, { spec: "openai:b", synthetic: false }] },
 * };
 * const scale = modelColorScale(run); // pass as Plot's `color` option
 * assert(scale.domain[1] === "openai:b" && scale.range[1] === MODEL_PALETTE[1]);
 * assert(modelColor(run, "openai:b") === MODEL_PALETTE[1]);
 * ```
 */
export function modelColor(
  run:
    & { manifest: Pick<Run["manifest"], "models"> }
    & Partial<Pick<Run, "generations" | "results">>,
  model: string,
): string {
  const scale = modelColorScale(run);
  const i = scale.domain.indexOf(model);
  return i < 0 ? "#9ca3af" : scale.range[i];
}
