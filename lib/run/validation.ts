/**
 * What a suite validation finds (lib/run/validate_suite.ts) and the thresholds it applies: the reference
 * runs, each mutant and whether the tests killed it, the problems.
 *
 * @module
 */
import type { MutationName } from "../model/mutate.ts";

/** Mutations that model subtle bugs; the others (syntax, crash, loop, rename, refusal) die on any test. */
export const SEMANTIC_MUTATIONS: readonly MutationName[] = [
  "off_by_one",
  "dropped_guard",
  "swapped_operator",
  "hallucinated_api",
];
/** Mutations at a boundary: edge cases should kill them. */
export const BOUNDARY_MUTATIONS: readonly MutationName[] = ["off_by_one", "dropped_guard"];
/** A task whose kill rate is below this is flagged. */
export const MIN_KILL_RATE = 0.8;

/** One mutant and what the tests did to it. */
export interface MutantOutcome {
  /** The mutation. */
  mutation: MutationName;
  /** Where and what changed. */
  description: string;
  /** At least one case did not pass. */
  killed: boolean;
  /** At least one `edge` case did not pass. */
  killedByEdge: boolean;
  /** Marked equivalent in task.json (excluded from rates). */
  equivalent: boolean;
}

/** The validation of one task. */
export interface TaskValidation {
  /** Task id. */
  task: string;
  /** Reference runs whose every case passed, of `referenceRuns`. */
  referencePasses: number;
  /** Reference runs made. */
  referenceRuns: number;
  /** Cases that failed in some reference run but not all (flaky). */
  flakyCases: string[];
  /** Cases that failed in every reference run. */
  failingCases: string[];
  /** Median reference wall time (ms, process start included). */
  referenceMs: number;
  /** Set when the median reference time passes the task's declared `timeoutMs`: the limit derived from it (what a sample would run under; the mutants ran under it). */
  slowReference?: { referenceMs: number; declaredTimeoutMs: number; limitMs: number };
  /** Tests the importer left out of the task (its `skipped:<n>` tag: it.skip, xit, it.todo); absent when none. */
  skipped?: number;
  /** Every semantic mutant. */
  mutants: MutantOutcome[];
  /** Killed share of non-equivalent mutants (null without mutants). */
  killRate: number | null;
  /** Share of non-equivalent boundary mutants killed by an edge case (null without any). */
  edgeBoundaryRate: number | null;
  /** Problems that fail validation. */
  problems: string[];
  /** What was not checked and why, when that is not a failure (e.g. a task without a reference). */
  notes?: string[];
}
