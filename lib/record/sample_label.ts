/**
 * Labels that qualify a judged sample without changing its verdict.
 *
 * @module
 */
import { z } from "zod";

/**
 * `sloppy_only`: under `script` semantics (a non-strict script, as the benchmark's own harness
 * runs it) these cases pass, and the same script in strict mode fails them: the pass needs
 * sloppy mode (an implicit global such as `temp = b`, a silent write to a read-only value). The
 * benchmark's verdict stands; the label lets a researcher count code that leaks globals.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SampleLabel } from "./sample_label.ts";
 * const label = SampleLabel.parse({
 *   label: "sloppy_only",
 *   cases: ["swaps"],
 *   names: ["temp"],
 *   evidence: ["ReferenceError: temp is not defined"],
 * });
 * assert.deepEqual(label.names, ["temp"]);
 * assert.equal(SampleLabel.safeParse({ label: "other" }).success, false);
 * ```
 */
export const SampleLabel = z.object({
  label: z.literal("sloppy_only").describe("the pass needs non-strict (sloppy) mode"),
  /** The cases that pass as a script and fail as the same script in strict mode. */
  cases: z.array(z.string()).min(1).describe("cases that pass sloppy and fail strict"),
  /** The variables (implicit globals) or properties the strict run names; may be empty. */
  names: z.array(z.string()).describe("the implicit globals or read-only properties involved"),
  /** The strict run's error messages, one per distinct message. */
  evidence: z.array(z.string()).describe("the strict run's error messages"),
}).describe("a label that qualifies a verdict without changing it");
/** A label that qualifies a verdict without changing it. */
export type SampleLabel = z.infer<typeof SampleLabel>;
