/**
 * What a run's scores do not cover, as data: samples that got no answer (generation errors,
 * grouped by model and message), tasks that could not be judged (with the reason), and whether
 * the run is incomplete. Every page and table that shows a score shows these beside it.
 *
 * @module
 */
import type { Run } from "./load_run.ts";

/** One kind of failed request: a model, the message (endpoint included), how many samples. */
export interface GenerationErrorGroup {
  /** The model spec. */
  model: string;
  /** The error text with its endpoint. */
  message: string;
  /** Samples that failed this way. */
  samples: number;
}

/** One task that could not be judged. */
export interface UnjudgedTask {
  /** The task id. */
  task: string;
  /** Why. */
  reason: string;
  /** Its recorded samples (left out of every score). */
  samples: number;
}

/** What {@link runGaps} returns. */
export interface RunGaps {
  /** Judged samples, the denominator `n` of every score. */
  judged: number;
  /** Failed requests grouped by model and message, most frequent first. */
  generationErrors: GenerationErrorGroup[];
  /** Tasks that could not be judged. */
  unjudgedTasks: UnjudgedTask[];
  /** The run's `incomplete` (null when complete). */
  incomplete: Run["incomplete"];
  /**
   * Judged samples labelled `sloppy_only` (a pass, or passing cases, that needs non-strict mode:
   * counted as the benchmark's harness counts them) and the names involved; absent when none.
   */
  sloppyOnly?: { samples: number; names: string[] };
}

/**
 * The gaps of a run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runGaps } from "./run_gaps.ts";
 * const gaps = runGaps({ results: [], unjudged: [], incomplete: null, manifest: {} as never });
 * assert.deepEqual(gaps, { judged: 0, generationErrors: [], unjudgedTasks: [], incomplete: null });
 * ```
 */
export function runGaps(
  run: Pick<Run, "results" | "unjudged" | "incomplete" | "manifest">,
): RunGaps {
  const groups = new Map<string, GenerationErrorGroup>();
  for (const r of run.results) {
    if (r.outcome !== "generation_error") continue;
    const k = JSON.stringify([r.model, r.detail]);
    const g = groups.get(k) ?? { model: r.model, message: r.detail, samples: 0 };
    g.samples++;
    groups.set(k, g);
  }
  const tasks = new Map<string, UnjudgedTask>();
  for (const r of run.unjudged) {
    const reason = r.taskError ?? `infrastructure error: ${r.executionError ?? ""}`;
    const t = tasks.get(r.task) ?? { task: r.task, reason, samples: 0 };
    t.samples++;
    tasks.set(r.task, t);
  }
  // A task error known before any sample ran (the manifest) is listed even with no samples yet.
  for (const [task, reason] of Object.entries(run.manifest.taskErrors ?? {})) {
    if (!tasks.has(task)) tasks.set(task, { task, reason, samples: 0 });
  }
  const sloppy = run.results.flatMap((r) =>
    r.labels?.filter((l) => l.label === "sloppy_only") ?? []
  );
  return {
    judged: run.results.length,
    generationErrors: [...groups.values()].sort((a, b) => b.samples - a.samples),
    unjudgedTasks: [...tasks.values()].sort((a, b) => a.task.localeCompare(b.task)),
    incomplete: run.incomplete,
    ...(sloppy.length
      ? {
        sloppyOnly: { samples: sloppy.length, names: [...new Set(sloppy.flatMap((l) => l.names))] },
      }
      : {}),
  };
}
