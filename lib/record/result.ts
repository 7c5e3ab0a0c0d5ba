/**
 * The scored result of one sample (`results.jsonl`).
 *
 * @module
 */
import { z } from "zod";
import { CaseVerdict } from "./case_verdict.ts";
import { Diagnostic } from "./diagnostic.ts";
import { FailureClassification } from "./failure.ts";
import { Outcome } from "./outcome.ts";
import { SampleLabel } from "./sample_label.ts";
import { SampleKey } from "./sample_key.ts";

/** The scored result of one sample. */
export const ResultRecord = SampleKey.extend({
  /** How the sandboxed run ended. */
  outcome: Outcome,
  /** Detail for a non-completed outcome (the load error message, the limit…). */
  detail: z.string().describe("detail for a non-completed outcome"),
  /** Per-case verdicts, in declared order. */
  cases: z.array(CaseVerdict).describe("per-case verdicts in declared order"),
  /** True when every case passed. */
  passed: z.boolean().describe("true when every case passed"),
  /** Share of cases that passed, in [0, 1]. */
  passFraction: z.number().describe("share of cases that passed"),
  /** Weighted accuracy in [-1, 1] (DESIGN.md): +1 pass, -0.5 failed edge, -1 other failure. */
  weightedAccuracy: z.number().describe("weighted accuracy in [-1, 1]"),
  /** correct, almost (core passes but some edge fails, or few core fail), wrong. */
  bucket: z.enum(["correct", "almost", "wrong"]).describe("the spectrum bucket"),
  /** Sandbox wall time, ms. */
  execMs: z.number().describe("sandbox wall time, ms"),
  /** The failure taxonomy's verdict (primary category, secondary labels, evidence); null when every case passed. */
  failure: FailureClassification.nullable().default(null)
    .describe("failure category, secondary labels and evidence; null when every case passed"),
  /** The tail of stderr (capped), for evidence. */
  stderr: z.string().describe("the tail of stderr, capped"),
  /**
   * Why the task could not be judged (its reference fails, its tests do not load, a declared case is
   * not defined); absent when it could. Such a sample is recorded but left out of every model score.
   */
  taskError: z.string().optional().describe(
    "why the task could not be judged (the sample is then left out of model scores); absent when it could",
  ),
  /** Why the sample could not be executed (a fleet gave up on it): an infrastructure error, recorded apart from every score. */
  executionError: z.string().optional().describe(
    "why the sample could not be executed (an infrastructure error of a fleet): recorded, never scored",
  ),
  /** Which fleet worker ran the sample, and its sandbox version; absent when run locally. */
  executedBy: z.object({ worker: z.string(), version: z.string() }).optional().describe(
    "the fleet worker that ran the sample and its sandbox version; absent when run locally",
  ),
  /** Every change the harness made to the answer before running it (fences stripped, export added, diff applied). */
  harnessChanges: z.array(z.string()).optional().describe(
    "changes the harness made to the answer before running it; absent before format 2",
  ),
  /** The task's language (`ts`, `js` or `py`); absent in records written before Python tasks (then `ts` or `js`). */
  language: z.enum(["ts", "js", "py"]).optional().describe(
    "the task's language: ts, js or py; absent before Python tasks",
  ),
  /** Labels that qualify the verdict without changing it (`sloppy_only`); absent when none. */
  labels: z.array(SampleLabel).optional().describe(
    "labels that qualify the verdict without changing it, e.g. sloppy_only; absent when none",
  ),
  /** Type-check diagnostics of the sample (evaluate's `typecheck` stage); absent when not checked. */
  diagnostics: z.array(Diagnostic).optional()
    .describe("type-check diagnostics; absent when the run did not type-check"),
});
/** The scored result of one sample. */
export type ResultRecord = z.infer<typeof ResultRecord>;
