/**
 * One flat row per sample: its generation joined with its result on
 * (task, model, variant, sample). The shape behind both the arquero tables
 * and the Parquet export.
 *
 * @module
 */
import { type GenerationRecord } from "./generation.ts";
import { type ResultRecord } from "./result.ts";
import { sampleKey } from "./sample_key.ts";

/** One sample, flat. Result fields are null without a result (a generation error), generation fields without a generation. */
export interface SampleRow {
  task: string;
  model: string;
  variant: string;
  sample: number;
  /** The task's language (ts, js or py); null in records written before Python tasks. */
  language: string | null;
  synthetic: boolean | null;
  outcome: string | null;
  detail: string | null;
  passed: boolean | null;
  passFraction: number | null;
  weightedAccuracy: number | null;
  bucket: "correct" | "almost" | "wrong" | null;
  casesPassed: number | null;
  casesTotal: number | null;
  coreFailed: number | null;
  edgeFailed: number | null;
  execMs: number | null;
  ttftMs: number | null;
  totalMs: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  tokensPerSec: number | null;
  tokensEstimated: boolean | null;
  cached: boolean | null;
  retries: number | null;
  generationError: string | null;
  mutations: string | null;
  /** The primary failure category (null when the sample passed or had no result). */
  failureCategory: string | null;
  /** The labels that qualify the verdict, comma-separated (`sloppy_only`); "" when none, null without a result. */
  labels: string | null;
  casesJson: string | null;
  /**
   * Why the sample has no verdict although it was recorded: `task error: …` (the task could not
   * judge it) or `infrastructure error: …` (no executor could run it). Null otherwise.
   */
  notJudged: string | null;
}

const keyOf = sampleKey;

/**
 * Join generations and results into one row per sample, in generation order
 * (results without a generation follow).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sampleRows } from "./sample_rows.ts";
 * assert.deepEqual(sampleRows({ generations: [], results: [] }), []);
 * ```
 */
export function sampleRows(
  run: {
    generations: readonly GenerationRecord[];
    results: readonly ResultRecord[];
    unjudged?: readonly ResultRecord[];
  },
): SampleRow[] {
  const results = new Map(run.results.map((r) => [keyOf(r), r]));
  const unjudged = new Map((run.unjudged ?? []).map((r) => [keyOf(r), notJudgedReason(r)]));
  const rows: SampleRow[] = [];
  const seen = new Set<string>();
  const push = (
    g: GenerationRecord | undefined,
    r: ResultRecord | undefined,
    key?: ResultRecord,
  ) => {
    const id = (g ?? r ?? key)!;
    const failed = (kind: string) =>
      r ? r.cases.filter((c) => c.kind === kind && c.status !== "pass").length : null;
    rows.push({
      task: id.task,
      model: id.model,
      variant: id.variant,
      sample: id.sample,
      language: r?.language ?? null,
      synthetic: g?.synthetic ?? null,
      outcome: r?.outcome ?? null,
      detail: r?.detail ?? null,
      passed: r?.passed ?? null,
      passFraction: r?.passFraction ?? null,
      weightedAccuracy: r?.weightedAccuracy ?? null,
      bucket: r?.bucket ?? null,
      casesPassed: r ? r.cases.filter((c) => c.status === "pass").length : null,
      casesTotal: r ? r.cases.length : null,
      coreFailed: failed("core"),
      edgeFailed: failed("edge"),
      execMs: r?.execMs ?? null,
      ttftMs: g?.ttftMs ?? null,
      totalMs: g?.totalMs ?? null,
      tokensIn: g?.tokensIn ?? null,
      tokensOut: g?.tokensOut ?? null,
      tokensPerSec: g?.tokensPerSec ?? null,
      tokensEstimated: g?.tokensEstimated ?? null,
      cached: g?.cached ?? null,
      retries: g?.retries ?? null,
      generationError: g?.error ?? null,
      mutations: g ? g.mutations.join(",") : null,
      failureCategory: r?.failure?.category ?? null,
      labels: r ? (r.labels ?? []).map((l) => l.label).join(",") : null,
      casesJson: r ? JSON.stringify(r.cases) : null,
      notJudged: unjudged.get(keyOf(id)) ?? null,
    });
  };
  for (const g of run.generations) {
    const k = keyOf(g);
    seen.add(k);
    push(g, results.get(k));
  }
  for (const r of run.results) if (!seen.has(keyOf(r))) push(undefined, r);
  // A recorded sample without a verdict and without a generation (a task error before asking).
  for (const r of run.unjudged ?? []) {
    if (!seen.has(keyOf(r)) && !results.has(keyOf(r))) push(undefined, undefined, r);
  }
  return rows;
}

/** Why a recorded result carries no verdict: its task error or its infrastructure error. */
function notJudgedReason(r: ResultRecord): string | null {
  if (r.taskError !== undefined) return `task error: ${r.taskError}`;
  if (r.executionError !== undefined) return `infrastructure error: ${r.executionError}`;
  return null;
}

/** A polars data type name, resolved as `pl[name]`. */
export type DtypeName = "Utf8" | "Int32" | "Float64" | "Bool";

/**
 * The polars type of every {@link SampleRow} column (explicit, so an all-null column keeps its
 * type); shared by the Parquet export (lib/run/parquet.ts) and
 * the polars frames (lib/analyze/polars_frames.ts).
 */
export const SAMPLE_ROW_DTYPES: Record<keyof SampleRow, DtypeName> = {
  task: "Utf8",
  model: "Utf8",
  variant: "Utf8",
  sample: "Int32",
  language: "Utf8",
  synthetic: "Bool",
  outcome: "Utf8",
  detail: "Utf8",
  passed: "Bool",
  passFraction: "Float64",
  weightedAccuracy: "Float64",
  bucket: "Utf8",
  casesPassed: "Int32",
  casesTotal: "Int32",
  coreFailed: "Int32",
  edgeFailed: "Int32",
  execMs: "Float64",
  ttftMs: "Float64",
  totalMs: "Float64",
  tokensIn: "Float64",
  tokensOut: "Float64",
  tokensPerSec: "Float64",
  tokensEstimated: "Bool",
  cached: "Bool",
  retries: "Int32",
  generationError: "Utf8",
  mutations: "Utf8",
  failureCategory: "Utf8",
  labels: "Utf8",
  casesJson: "Utf8",
  notJudged: "Utf8",
};
