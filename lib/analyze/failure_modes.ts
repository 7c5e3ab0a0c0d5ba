/**
 * Failure modes of a run: every failed sample with its classification, its
 * evidence, its failing cases and its code; and the per-category and
 * secondary-label tables built from them.
 *
 * @module
 */
import { type GenerationRecord } from "../record/generation.ts";
import { type ResultRecord } from "../record/result.ts";
import { sampleKey } from "../record/sample_key.ts";
import { type Evidence, FailureCategory } from "../record/failure.ts";

/** A primary category, or `unclassified` for a failed sample recorded before the taxonomy. */
export type FailureLabel = FailureCategory | "unclassified";

/**
 * Every failure label in precedence order, `unclassified` last.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FAILURE_LABELS, FAILURE_MEANINGS } from "./failure_modes.ts";
 * assert.equal(FAILURE_LABELS[0], "generation_error");
 * assert.equal(FAILURE_LABELS.at(-1), "unclassified");
 * assert(FAILURE_LABELS.every((label) => FAILURE_MEANINGS[label].length > 0));
 * ```
 */
export const FAILURE_LABELS: readonly FailureLabel[] = [...FailureCategory.options, "unclassified"];

/** What each category means, in a few words (DESIGN.md, "Failure taxonomy"). */
export const FAILURE_MEANINGS: Readonly<Record<FailureLabel, string>> = {
  generation_error: "no answer: the request to the model failed",
  no_code: "nothing extractable, or a refusal",
  syntax: "the code does not parse",
  wrong_interface: "entry point missing, renamed or with the wrong arity",
  hallucinated_api: "a name, method or module that does not exist",
  timeout: "killed at a wall-clock limit (the sample's or a test case's)",
  resource: "memory, stack or output cap",
  crash: "an uncaught runtime error",
  boundary: "every core case passes, an edge case fails",
  misunderstanding: "most core cases fail without crashing",
  partial: "a minority of core cases fail",
  unclassified: "recorded without a classification",
};

/** One failed test case of a sample. */
export interface FailingCase {
  /** The declared case name. */
  name: string;
  /** core or edge. */
  kind: "core" | "edge";
  /** fail, error, timeout or missing. */
  status: "fail" | "error" | "timeout" | "missing";
  /** The failure message or why it is missing. */
  message: string;
}

/** One failed sample, joined with its generation. */
export interface FailedSample {
  task: string;
  model: string;
  variant: string;
  sample: number;
  /** The primary category. */
  category: FailureLabel;
  /** Other categories that also apply, in precedence order. */
  secondary: FailureCategory[];
  /** Every fact behind the classification, the primary category's first. */
  evidence: Evidence[];
  /** How the sandboxed run ended. */
  outcome: ResultRecord["outcome"];
  /** Detail of a non-completed outcome. */
  detail: string;
  /** The cases that did not pass, in declared order. */
  failingCases: FailingCase[];
  /** How many cases the sample had. */
  cases: number;
  /** The extracted code; null when none (or no generation record). */
  code: string | null;
  /** The raw completion text ("" without a generation record). */
  text: string;
  /** The tail of stderr. */
  stderr: string;
  /** Synthetic only: the mutations planted in the reference. */
  mutations: string[];
  /** True when the answer came from the synthetic (offline) model. */
  synthetic: boolean;
}

type Records = { generations?: readonly GenerationRecord[]; results: readonly ResultRecord[] };

/**
 * Every failed sample of a run (results that did not pass), joined with its
 * generation (code, completion text, planted mutations), in result order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "./load_run.ts";
 * import { failedSamples } from "./failure_modes.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const failed = failedSamples(run);
 * assert.equal(failed.length, run.results.filter((r) => !r.passed).length);
 * assert(failed.every((f) => f.failingCases.length > 0 || f.cases === 0 || f.outcome !== "completed"));
 * ```
 *
 * @param run The run's results (and generations, for the code).
 * @returns One row per failed sample.
 */
export function failedSamples(run: Records): FailedSample[] {
  const generations = new Map((run.generations ?? []).map((g) => [sampleKey(g), g]));
  return run.results.filter((r) => !r.passed).map((r) => {
    const g = generations.get(sampleKey(r));
    return {
      task: r.task,
      model: r.model,
      variant: r.variant,
      sample: r.sample,
      category: r.failure?.category ?? "unclassified",
      secondary: r.failure?.secondary ?? [],
      evidence: r.failure?.evidence ?? [],
      outcome: r.outcome,
      detail: r.detail,
      failingCases: r.cases.filter((c) => c.status !== "pass").map((c) => ({
        name: c.name,
        kind: c.kind,
        status: c.status as FailingCase["status"],
        message: c.message,
      })),
      cases: r.cases.length,
      code: g?.code ?? null,
      text: g?.text ?? "",
      stderr: r.stderr,
      mutations: g?.mutations ?? [],
      synthetic: g?.synthetic ?? false,
    };
  });
}

/** The categories present among `samples`, in precedence order. */
function present(samples: readonly FailedSample[]): FailureLabel[] {
  return FAILURE_LABELS.filter((c) => samples.some((s) => s.category === c));
}

/** `a ×2, b` from a count map, most frequent first. */
function counted(counts: Map<string, number>): string {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join(", ");
}

/**
 * One row per primary category present in the run (precedence order): how
 * many failed samples it holds and their share of all failures,
 * the count per model (one column per model, in `models` order), the secondary
 * labels those samples also carry, and where their evidence came from.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { failedSamples, failureCategoryRows } from "./failure_modes.ts";
 * const sample = (category: "crash" | "boundary", model: string) =>
 *   ({ category, model, secondary: [], evidence: [{ category, source: "runtime", text: "x" }] }) as never;
 * const rows = failureCategoryRows([sample("boundary", "a"), sample("crash", "b"), sample("crash", "b")]);
 * assert.deepEqual(rows.map((r) => [r.category, r.failed, r.b]), [["crash", 2, 2], ["boundary", 1, 0]]);
 * assert.equal(failedSamples({ results: [] }).length, 0);
 * ```
 *
 * @param samples `failedSamples(run)`.
 * @param models Model specs for the per-model columns. @default the models among `samples`
 * @returns Plain rows for `rowsHTML()`.
 */
export function failureCategoryRows(
  samples: readonly FailedSample[],
  models: readonly string[] = [...new Set(samples.map((s) => s.model))],
): Record<string, string | number>[] {
  return present(samples).map((category) => {
    const these = samples.filter((s) => s.category === category);
    const also = new Map<string, number>();
    const sources = new Map<string, number>();
    for (const s of these) {
      for (const c of s.secondary) also.set(c, (also.get(c) ?? 0) + 1);
      for (const e of new Set(s.evidence.map((e) => e.source))) {
        sources.set(e, (sources.get(e) ?? 0) + 1);
      }
    }
    return {
      category,
      failed: these.length,
      share: `${Math.round((100 * these.length) / samples.length)}%`,
      ...Object.fromEntries(models.map((m) => [m, these.filter((s) => s.model === m).length])),
      "also labelled": counted(also) || "–",
      "evidence from": counted(sources) || "–",
    };
  });
}

/**
 * Secondary labels per primary category: one row per primary category
 * present, with how many of its samples carry any secondary label and one
 * column per secondary category that occurs (counts). A sample whose
 * primary is `timeout` and secondary `misunderstanding` timed out and, in the
 * cases that did report, also got the behaviour wrong.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { secondaryLabelRows } from "./failure_modes.ts";
 * const s = (category: string, secondary: string[]) => ({ category, secondary }) as never;
 * const rows = secondaryLabelRows([s("timeout", ["misunderstanding"]), s("timeout", []), s("crash", [])]);
 * assert.deepEqual(rows[0], { primary: "timeout", failed: 2, "with secondary": 1, misunderstanding: 1 });
 * assert.deepEqual(rows[1], { primary: "crash", failed: 1, "with secondary": 0, misunderstanding: 0 });
 * ```
 *
 * @param samples `failedSamples(run)`.
 * @returns Plain rows for `rowsHTML()`.
 */
export function secondaryLabelRows(
  samples: readonly FailedSample[],
): Record<string, string | number>[] {
  const secondary = FailureCategory.options.filter((c) =>
    samples.some((s) => s.secondary.includes(c))
  );
  return present(samples).map((primary) => {
    const these = samples.filter((s) => s.category === primary);
    return {
      primary,
      failed: these.length,
      "with secondary": these.filter((s) => s.secondary.length > 0).length,
      ...Object.fromEntries(
        secondary.map((c) => [c, these.filter((s) => s.secondary.includes(c)).length]),
      ),
    };
  });
}
