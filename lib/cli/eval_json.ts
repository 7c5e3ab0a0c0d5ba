/**
 * `eval --json`: the one JSON document stdout gets — the run, whether it is complete, its counts
 * (every denominator named), the summary rows and, with `--policy`, the verdicts.
 *
 * @module
 */
import type { Run } from "../analyze/load_run.ts";
import { runGaps } from "../analyze/run_gaps.ts";
import type { SummaryRow } from "../analyze/summary.ts";
import { judgeRun, type Policy, type PolicyVerdict } from "../score/policy.ts";

/** What `eval --json` prints. */
export interface EvalJson {
  /** The run folder. */
  dir: string;
  /** The run id. */
  runId: string;
  /** True when every expected sample has a result. */
  complete: boolean;
  /** The samples counted, each with what it counts. */
  counts: {
    /** Samples the complete run holds (null when the manifest does not say). */
    expected: number | null;
    /** Samples with a result, judged or not. */
    recorded: number;
    /** Judged samples: `n` of every score (failed generations included). */
    judged: number;
    /** Judged samples whose request failed (in `judged`, scored as no code). */
    generationErrors: number;
    /** Samples of tasks that could not be judged (left out of every score). */
    unjudged: number;
  };
  /** One row per model × variant (× language when the run mixes them), as `summarize()` gives. */
  summary: SummaryRow[];
  /** The policy and its verdicts, with `--policy`; absent otherwise. */
  policy?: { name: string; ok: boolean; verdicts: PolicyVerdict[] };
}

/**
 * The `--json` document of a finished (or interrupted) run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../analyze/load_run.ts";
 * import { summarize } from "../analyze/summary.ts";
 * import { resolvePolicy } from "../score/policy.ts";
 * import { evalJson } from "./eval_json.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const doc = evalJson(run, summarize(run), await resolvePolicy("internal-tooling"));
 * assert.equal(doc.runId, "run-tiny");
 * assert.equal(doc.counts.judged, 12);
 * assert.equal(doc.complete, true);
 * assert.equal(doc.policy?.verdicts.length, doc.summary.length);
 * ```
 *
 * @param run The run, loaded.
 * @param summary Its summary rows, in the order printed.
 * @param policy The policy to judge it against, if any.
 */
export function evalJson(run: Run, summary: SummaryRow[], policy?: Policy): EvalJson {
  const gaps = runGaps(run);
  const recorded = run.results.length + run.unjudged.length;
  const verdicts = policy ? judgeRun(run, policy) : undefined;
  return {
    dir: run.dir,
    runId: run.manifest.runId,
    complete: run.incomplete === null,
    counts: {
      expected: run.incomplete?.expected ?? run.manifest.expectedSamples ??
        (run.incomplete === null ? recorded : null),
      recorded,
      judged: gaps.judged,
      generationErrors: gaps.generationErrors.reduce((n, g) => n + g.samples, 0),
      unjudged: run.unjudged.length,
    },
    summary,
    ...(policy && verdicts
      ? { policy: { name: policy.name, ok: verdicts.every((v) => v.ok), verdicts } }
      : {}),
  };
}
