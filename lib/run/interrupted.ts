/**
 * A run stopped before its last sample (Ctrl-C, a notebook's Kernel ▸ Interrupt, an
 * `AbortSignal`): what was recorded stays, nothing half-done is, and the same call resumes it.
 *
 * @module
 */

/** Why a run stopped early. */
export type StopReason = "interrupted" | "budget";

/**
 * `evaluate()` stopped before the run was complete: `recorded` of `total` samples are in `dir`;
 * the samples in flight were dropped (none half-recorded), and the same call resumes the run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RunInterrupted } from "./interrupted.ts";
 * const e = new RunInterrupted({ dir: "data/runs/x", recorded: 12, total: 360, reason: "interrupted" });
 * assert.equal(e.name, "RunInterrupted");
 * assert.equal(e.message, "interrupted: 12 of 360 samples recorded in data/runs/x; run the same command to resume");
 * ```
 */
export class RunInterrupted extends Error {
  override name = "RunInterrupted";
  /** The run folder. */
  readonly dir: string;
  /** Samples recorded in the run, this call's and earlier ones'. */
  readonly recorded: number;
  /** Samples the run holds when complete. */
  readonly total: number;
  /** What stopped it. */
  readonly reason: StopReason;

  /**
   * @param info The run folder, the counts and the reason.
   * @param options `cause`: the signal's reason, when it is an error. `detail`: said after the
   * reason (e.g. the budget and what was spent). `resume`: how to resume. @default no cause or
   * detail; "run the same command to resume"
   */
  constructor(
    info: { dir: string; recorded: number; total: number; reason: StopReason },
    options: { cause?: unknown; detail?: string; resume?: string } = {},
  ) {
    super(
      `${info.reason === "budget" ? "stopped at the budget" : "interrupted"}${
        options.detail ? ` (${options.detail})` : ""
      }: ${info.recorded} of ${info.total} samples recorded in ${info.dir}; ${
        options.resume ?? "run the same command to resume"
      }`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.dir = info.dir;
    this.recorded = info.recorded;
    this.total = info.total;
    this.reason = info.reason;
    // An expected stop, not a fault: shown (by a notebook, a CLI) without a stack trace.
    this.stack = `${this.name}: ${this.message}`;
  }
}
