/**
 * The verdict on one test case, and the kind of a case (core or edge).
 *
 * @module
 */
import { z } from "zod";

/** The kind of a test case: `core` (specified behaviour) or `edge` (a boundary). */
export const CaseKind = z.enum(["core", "edge"]).describe(
  "core: the specified behaviour; edge: a boundary (empty, null, huge, unicode, negative, ordering…)",
);
/** The kind of a test case. */
export type CaseKind = z.infer<typeof CaseKind>;

/** The verdict on one test case. */
export const CaseVerdict = z.object({
  /** The declared case name. */
  name: z.string().describe("the declared case name"),
  /** core or edge. */
  kind: CaseKind,
  /**
   * pass; fail (an assertion failed); error (it threw something else); timeout (stopped at its
   * own limit, or running when the sample's ran out, or it passed in a module that never
   * settled: lib/sandbox/settle.ts); missing (never reported).
   */
  status: z.enum(["pass", "fail", "error", "timeout", "missing"])
    .describe(
      "pass, fail (assertion), error (other throw), timeout (stopped at a time limit), missing (never reported)",
    ),
  /** The failure message or the reason it is missing; "" on pass. */
  message: z.string().describe("failure message or reason it is missing"),
  /** Time the case took inside the sandbox, ms (null when missing). */
  ms: z.number().nullable().describe("time the case took, ms"),
});
/** The verdict on one test case. */
export type CaseVerdict = z.infer<typeof CaseVerdict>;
