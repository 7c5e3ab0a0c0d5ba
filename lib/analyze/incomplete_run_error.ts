/**
 * `IncompleteRunError`: a verdict was asked of a run that is not complete (interrupted, stopped by
 * a budget, or still running). Its numbers would cover only the samples recorded so far, so a
 * policy verdict or a gate refuses it unless the caller allows it explicitly.
 *
 * @module
 */
import { incompleteLabel, type Incompleteness } from "./load_run.ts";

/**
 * A run is incomplete where a complete one is required.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { IncompleteRunError, requireComplete } from "./incomplete_run_error.ts";
 * const run = { dir: "data/runs/r", incomplete: { recorded: 13, expected: 60 } };
 * assert.throws(() => requireComplete(run, "judge"), (e: IncompleteRunError) =>
 *   e.name === "IncompleteRunError" && e.recorded === 13 && e.expected === 60 &&
 *   /Cannot judge "data\/runs\/r": it is incomplete: 13 of 60 samples recorded/.test(e.message));
 * requireComplete({ dir: "data/runs/done", incomplete: null }, "judge");
 * ```
 */
export class IncompleteRunError extends Error {
  override name = "IncompleteRunError";
  /** The run folder. */
  readonly dir: string;
  /** Samples recorded, and samples the complete run holds (null when unknown). */
  readonly recorded: number;
  readonly expected: number | null;

  /**
   * @param dir The run folder.
   * @param incomplete What is missing (`Run["incomplete"]`).
   * @param message The whole message.
   */
  constructor(dir: string, incomplete: Incompleteness, message: string) {
    super(message);
    this.dir = dir;
    this.recorded = incomplete.recorded;
    this.expected = incomplete.expected ?? null;
  }
}

/**
 * Throw an {@link IncompleteRunError} unless `run` is complete: "Cannot <verb> "<dir>": it is
 * <what is missing>: rerun the eval command to resume, or pass --allow-incomplete".
 */
export function requireComplete(
  run: { dir: string; incomplete: Incompleteness | null },
  verb: string,
): void {
  if (run.incomplete === null) return;
  throw new IncompleteRunError(
    run.dir,
    run.incomplete,
    `Cannot ${verb} "${run.dir}": it is ${
      incompleteLabel(run.incomplete)
    }: rerun the eval command to resume, or pass --allow-incomplete`,
  );
}
