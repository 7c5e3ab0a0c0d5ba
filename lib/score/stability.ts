/**
 * Stability over repeated samples: pass@k and pass^k per task and
 * aggregated, and consistency — the share of samples whose outcome (which
 * cases passed) is the modal one.
 *
 * @module
 */
import type { ResultRecord } from "../record/result.ts";
import { passAtK, passHatK } from "./pass_at_k.ts";

/** Stability of one (task, model, variant). */
export interface TaskStability {
  task: string;
  model: string;
  variant: string;
  /** Samples. */
  n: number;
  /** Samples whose every case passed. */
  c: number;
  /** pass@k per k (null when n < k). */
  passAtK: Record<number, number | null>;
  /** pass^k per k (null when n < k). */
  passHatK: Record<number, number | null>;
  /** Share of samples with the modal outcome (the same set of passing cases). */
  consistency: number;
}

/** Stability of one (model, variant): means over its tasks (tasks with n < k left out of that k). */
export interface StabilitySummary {
  model: string;
  variant: string;
  tasks: number;
  passAtK: Record<number, number | null>;
  passHatK: Record<number, number | null>;
  consistency: number | null;
}

/** The outcome of a sample for consistency: which cases passed (or how it ended when nothing ran). */
function outcomeOf(r: ResultRecord): string {
  return r.outcome === "completed"
    ? r.cases.map((c) => (c.status === "pass" ? "1" : "0")).join("")
    : `${r.outcome}:${r.cases.map((c) => (c.status === "pass" ? "1" : "0")).join("")}`;
}

/**
 * Per-task stability.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { stabilityByTask, summarizeStability } from "./stability.ts";
 * const r = (sample: number, passed: boolean) => ({ task: "t", model: "m", variant: "v", sample, passed, outcome: "completed",
 *   cases: [{ name: "a", kind: "core", status: passed ? "pass" : "fail", message: "", ms: 1 }] }) as never;
 * const [t] = stabilityByTask([r(0, true), r(1, true), r(2, false), r(3, true)], [1, 2]);
 * assert.equal(t.passAtK[1], 0.75);
 * assert.equal(t.consistency, 0.75);
 * assert.equal(summarizeStability([t], [1])[0].passHatK[1], 0.75);
 * ```
 */
export function stabilityByTask(
  results: readonly ResultRecord[],
  ks: readonly number[] = [1, 5, 10],
): TaskStability[] {
  const groups = new Map<string, ResultRecord[]>();
  for (const r of results) {
    const key = JSON.stringify([r.task, r.model, r.variant]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const n = rs.length;
    const c = rs.filter((r) => r.passed).length;
    const counts = new Map<string, number>();
    for (const r of rs) counts.set(outcomeOf(r), (counts.get(outcomeOf(r)) ?? 0) + 1);
    return {
      task: rs[0].task,
      model: rs[0].model,
      variant: rs[0].variant,
      n,
      c,
      passAtK: Object.fromEntries(ks.map((k) => [k, passAtK(n, c, k)])),
      passHatK: Object.fromEntries(ks.map((k) => [k, passHatK(n, c, k)])),
      consistency: Math.max(...counts.values()) / n,
    };
  });
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Per (model, variant) means of {@link stabilityByTask}, in first-appearance order. */
export function summarizeStability(
  tasks: readonly TaskStability[],
  ks: readonly number[] = [1, 5, 10],
): StabilitySummary[] {
  const groups = new Map<string, TaskStability[]>();
  for (const t of tasks) {
    const key = JSON.stringify([t.model, t.variant]);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((ts) => ({
    model: ts[0].model,
    variant: ts[0].variant,
    tasks: ts.length,
    passAtK: Object.fromEntries(ks.map((k) => [k, mean(ts.flatMap((t) => t.passAtK[k] ?? []))])),
    passHatK: Object.fromEntries(ks.map((k) => [k, mean(ts.flatMap((t) => t.passHatK[k] ?? []))])),
    consistency: mean(ts.map((t) => t.consistency)),
  }));
}
