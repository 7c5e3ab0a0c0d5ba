/**
 * The fields that identify one sample, and one string per key.
 *
 * @module
 */
import { z } from "zod";

/** The fields that identify one sample. */
export const SampleKey = z.object({
  /** The task id. */
  task: z.string().describe("the task id"),
  /** The model spec as given, normalised: `provider:model`. */
  model: z.string().describe("the model spec, normalised to provider:model"),
  /** The prompt variant (template) name. */
  variant: z.string().describe("the prompt variant (template) name"),
  /** The sample index, 0-based; repeats are independent samples. */
  sample: z.number().int().nonnegative().describe("the sample index, 0-based"),
});
/** The fields that identify one sample. */
export type SampleKey = z.infer<typeof SampleKey>;

/**
 * One string per sample key, for maps and sets (the run store's "one record per key").
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleKey } from "./sample_key.ts";
 * assert(sampleKey({ task: "t", model: "m", variant: "v", sample: 0 }) === '["t","m","v",0]');
 * ```
 */
export function sampleKey(r: SampleKey): string {
  return JSON.stringify([r.task, r.model, r.variant, r.sample]);
}
