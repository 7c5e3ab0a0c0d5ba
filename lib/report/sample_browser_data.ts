/**
 * The sample browser's payload from loaded runs: one {@link BrowserSample}
 * per recorded sample (judged, generation errors and task errors alike), the
 * prompts they point at and the tasks' references.
 *
 * @module
 */
import type { GenerationRecord, PromptRecord } from "../record/generation.ts";
import type { ResultRecord } from "../record/result.ts";
import type { SampleFilter, SampleStatus } from "../record/sample_filter.ts";
import { sampleKey } from "../record/sample_key.ts";
import { incompleteLabel, type Run } from "../analyze/load_run.ts";
import type { PriceTable } from "../model/prices.ts";
import { runPricing, sampleCost } from "../analyze/cost.ts";
import type { BrowserMessage, BrowserPayload, BrowserSample } from "./browser/payload.ts";

/** Options for {@link samplePayload}. */
export interface SamplePayloadOptions {
  /** Each run's label. @default "A", "B", … */
  labels?: string[];
  /** Prompt records (`prompts.jsonl` lines) of the runs. @default none: prompts not shown */
  prompts?: Iterable<PromptRecord>;
  /** Reference solutions by task id. @default none */
  references?: Record<string, string>;
  /** Why references are missing (shown in the diff's place). @default null */
  referenceNote?: string | null;
  /** A price table over the prices the runs recorded. @default the runs' own prices */
  prices?: PriceTable;
  /** The filter the browser starts with. @default {} */
  filter?: SampleFilter;
}

/**
 * The status of a sample: an error of its own (a task or infrastructure error is never the
 * model's failure), not judged yet (an answer without a result: an incomplete run), else passed
 * or failed.
 */
function statusOf(g: GenerationRecord | undefined, r: ResultRecord | undefined): SampleStatus {
  if (r?.taskError) return "task_error";
  if (r?.executionError) return "infrastructure_error";
  if (g?.error || r?.outcome === "generation_error") return "generation_error";
  if (!r) return "not_judged";
  return r.passed ? "passed" : "failed";
}

/** One sample of one run, joined. */
function browserSample(
  label: string,
  g: GenerationRecord | undefined,
  r: ResultRecord | undefined,
  cost: number | null,
  prefixKey: boolean,
): BrowserSample {
  const id = (g ?? r)!;
  const key = sampleKey(id);
  const taskError = r?.taskError ?? null;
  // Scored only when judged: a task or infrastructure error, or no result yet, has no score.
  const unscored = !r || r.taskError !== undefined || r.executionError !== undefined;
  return {
    key: prefixKey ? `${label}:${key}` : key,
    run: label,
    task: id.task,
    model: id.model,
    variant: id.variant,
    language: r?.language ?? "ts",
    sample: id.sample,
    status: statusOf(g, r),
    bucket: unscored ? null : r.bucket,
    category: unscored ? null : r.failure?.category ?? null,
    secondary: r?.failure?.secondary ?? [],
    weighted: unscored ? null : r.weightedAccuracy,
    casesPassed: r ? r.cases.filter((c) => c.status === "pass").length : null,
    casesTotal: r ? r.cases.length : null,
    outcome: r?.outcome ?? null,
    detail: r?.detail || null,
    answer: g?.text ?? null,
    code: g?.code ?? null,
    promptHash: g?.promptHash ?? null,
    harnessChanges: r?.harnessChanges ?? [],
    cases: (r?.cases ?? []).map(({ name, kind, status, message, ms }) => ({
      name,
      kind,
      status,
      message,
      ms,
    })),
    evidence: (r?.failure?.evidence ?? []).map(({ category, source, text }) => ({
      category,
      source,
      text,
    })),
    labels: [
      ...(r?.failure?.labels ?? []),
      ...(r?.labels ?? []).map((l) => l.label),
    ],
    generationError: g?.error ?? null,
    taskError,
    stderr: r?.stderr || null,
    queueMs: g?.queueMs ?? null,
    ttftMs: g?.ttftMs ?? null,
    totalMs: g ? g.totalMs : null,
    tokensIn: g?.tokensIn ?? null,
    tokensOut: g?.tokensOut ?? null,
    tokensEstimated: g?.tokensEstimated ?? false,
    tokensPerSec: g?.tokensPerSec ?? null,
    retries: g?.retries ?? 0,
    retryMs: g?.retryMs ?? 0,
    cached: g?.cached ?? false,
    costUsd: cost,
    endpoint: g?.endpoint ?? null,
    mutations: g?.mutations ?? [],
  };
}

/**
 * Every recorded sample of the runs as the sample browser shows it. A sample
 * with a generation but no result yet (an incomplete run) is `not_judged`,
 * one a fleet gave up on `infrastructure_error`, both unscored; keys are prefixed with the run's label when
 * several runs are shown (`B:["t","m","v",0]`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadRun } from "../analyze/load_run.ts";
 * import { samplePayload } from "./sample_browser_data.ts";
 * const run = await loadRun(new URL("../../data/fixtures/run-tiny", import.meta.url).pathname);
 * const payload = samplePayload([run]);
 * assert.equal(payload.samples.length, 12);
 * assert.equal(payload.runs[0].label, "A");
 * assert.ok(payload.samples.every((s) => s.key.startsWith("[")));
 * ```
 *
 * @param runs The runs, loaded (the first is the baseline).
 * @param options Labels, prompts, references, prices and the starting filter.
 * @returns The payload.
 */
export function samplePayload(
  runs: readonly Pick<Run, "manifest" | "generations" | "results" | "unjudged" | "incomplete">[],
  options: SamplePayloadOptions = {},
): BrowserPayload {
  const labels = options.labels ?? runs.map((_, i) => String.fromCharCode(65 + i));
  const samples: BrowserSample[] = [];
  runs.forEach((run, i) => {
    const priceOf = runPricing(run, options.prices);
    const results = new Map(
      [...run.results, ...run.unjudged].map((r) => [sampleKey(r), r]),
    );
    const seen = new Set<string>();
    for (const g of run.generations) {
      const key = sampleKey(g);
      seen.add(key);
      const cost = sampleCost(g, priceOf(g.model));
      samples.push(browserSample(labels[i], g, results.get(key), cost, runs.length > 1));
    }
    for (const [key, r] of results) {
      if (!seen.has(key)) {
        samples.push(browserSample(labels[i], undefined, r, null, runs.length > 1));
      }
    }
  });
  const used = new Set(samples.map((s) => s.promptHash));
  const prompts: Record<string, BrowserMessage[]> = {};
  for (const p of options.prompts ?? []) {
    if (used.has(p.hash)) {
      prompts[p.hash] = p.messages.map(({ role, content }) => ({ role, content }));
    }
  }
  const tasks = new Set(samples.map((s) => s.task));
  const references = Object.fromEntries(
    Object.entries(options.references ?? {}).filter(([task]) => tasks.has(task)),
  );
  return {
    version: 1,
    runs: runs.map((run, i) => ({
      label: labels[i],
      id: run.manifest.runId,
      incomplete: run.incomplete ? incompleteLabel(run.incomplete) : null,
    })),
    samples,
    prompts,
    references,
    referenceNote: options.referenceNote ?? null,
    filter: Object.fromEntries(
      Object.entries(options.filter ?? {}).filter(([, v]) => typeof v === "string" && v !== ""),
    ),
  };
}
