/**
 * The failure taxonomy's vocabulary (DESIGN.md, "Failure taxonomy"): categories in precedence
 * order, where evidence came from, finer labels, and the classification of one failed sample.
 * The classifier that produces it is lib/score/taxonomy.ts.
 *
 * @module
 */
import { z } from "zod";

/**
 * One failure category; the order is the precedence (earlier wins).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FailureCategory } from "./failure.ts";
 * assert.equal(FailureCategory.options.indexOf("syntax") < FailureCategory.options.indexOf("crash"), true);
 * assert.equal(FailureCategory.safeParse("flaky").success, false);
 * ```
 */
export const FailureCategory = z.enum([
  "generation_error",
  "no_code",
  "syntax",
  "wrong_interface",
  "hallucinated_api",
  "timeout",
  "resource",
  "crash",
  "boundary",
  "misunderstanding",
  "partial",
]).describe("a failure category of the taxonomy; the enum order is the precedence");
/** One failure category; the order is the precedence (earlier wins). */
export type FailureCategory = z.infer<typeof FailureCategory>;

/** Where a piece of evidence came from. */
export const EvidenceSource = z.enum([
  "generation",
  "extraction",
  "typecheck",
  "load",
  "runtime",
  "tests",
  "sandbox",
])
  .describe("where the evidence came from");
/** Where a piece of evidence came from. */
export type EvidenceSource = z.infer<typeof EvidenceSource>;

/**
 * A finer label under a category. Under `hallucinated_api`, for an import of a package the
 * sandbox does not provide: `undeclared_dependency` (a real package the task did not declare) or
 * `nonexistent_package` (no such package); the evidence says which check decided (the registry
 * or the local name list, see lib/score/package_check.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { EvidenceLabel } from "./failure.ts";
 * assert(EvidenceLabel.options.includes("nonexistent_package"));
 * ```
 */
export const EvidenceLabel = z.enum(["undeclared_dependency", "nonexistent_package"])
  .describe("a finer label under a category (hallucinated_api: which kind of package import)");
/** A finer label under a category. */
export type EvidenceLabel = z.infer<typeof EvidenceLabel>;

/** One fact behind a category. */
export const Evidence = z.object({
  /** The category this fact supports. */
  category: FailureCategory.describe("the category this fact supports"),
  /** A finer label under the category (undeclared_dependency, nonexistent_package); absent for none. */
  label: EvidenceLabel.optional().describe("a finer label under the category; absent for none"),
  /** extraction, typecheck, load, runtime (a case threw), tests (assertions), sandbox (limits). */
  source: EvidenceSource,
  /** The fact: a diagnostic code and message, an error text, the failing case names. */
  text: z.string().describe("the diagnostic, error text or failing case names"),
});
/** One fact behind a category. */
export type Evidence = z.infer<typeof Evidence>;

/**
 * The classification of one failed sample (the record the run log stores).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FailureClassification } from "./failure.ts";
 * const record = FailureClassification.parse({
 *   category: "timeout",
 *   secondary: [],
 *   evidence: [{ category: "timeout", source: "sandbox", text: "killed: exceeded 2000 ms" }],
 * });
 * assert.equal(record.evidence[0].source, "sandbox");
 * ```
 */
export const FailureClassification = z.object({
  /** The primary category: the first, in precedence order, with evidence. */
  category: FailureCategory.describe("the primary category (first in precedence with evidence)"),
  /** Other categories that also apply, in precedence order. */
  secondary: z.array(FailureCategory).describe("other categories that also apply, in order"),
  /** Every fact found, primary category first. */
  evidence: z.array(Evidence).describe("every fact found, the primary category's first"),
  /** The labels of the evidence (undeclared_dependency, nonexistent_package); absent when none. */
  labels: z.array(EvidenceLabel).optional().describe(
    "the labels of the evidence, e.g. undeclared_dependency; absent when none",
  ),
});
/** The classification of one failed sample. */
export type FailureClassification = z.infer<typeof FailureClassification>;
