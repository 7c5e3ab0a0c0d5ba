/** Result and generation records for the failure-modes tests (analysis and plots). */
import type { GenerationRecord } from "../../lib/record/generation.ts";
import type { ResultRecord } from "../../lib/record/result.ts";
import type { FailureCategory } from "../../lib/record/failure.ts";

/** A result record; failed with `category` (and `secondary`) unless `category` is null. */
export function result(
  task: string,
  model: string,
  category: FailureCategory | null,
  secondary: FailureCategory[] = [],
  sample = 0,
): ResultRecord {
  const passed = category === null;
  return {
    task,
    model,
    variant: "plain",
    sample,
    outcome: category === "timeout" ? "timeout" : "completed",
    detail: category === "timeout" ? "exceeded 5000 ms" : "",
    cases: [
      {
        name: "adds",
        kind: "core",
        status: passed ? "pass" : "fail",
        message: passed ? "" : "1 !== 2",
        ms: 1,
      },
      { name: "empty", kind: "edge", status: "pass", message: "", ms: 1 },
    ],
    passed,
    passFraction: passed ? 1 : 0.5,
    weightedAccuracy: passed ? 1 : 0,
    bucket: passed ? "correct" : "wrong",
    execMs: 10,
    failure: passed ? null : {
      category,
      secondary,
      evidence: [
        {
          category,
          source: category === "timeout" ? "sandbox" : "tests",
          text: `${category} evidence`,
        },
        ...secondary.map((c) => ({ category: c, source: "tests" as const, text: `${c} evidence` })),
      ],
    },
    stderr: "",
  };
}

export function generation(
  task: string,
  model: string,
  code: string | null,
  sample = 0,
): GenerationRecord {
  return {
    task,
    model,
    variant: "plain",
    sample,
    synthetic: true,
    startedAt: "2026-01-01T00:00:00Z",
    text: code === null ? "I cannot help with that." : "```ts\n" + code + "\n```",
    code,
    ttftMs: 10,
    totalMs: 20,
    tokensIn: 1,
    tokensOut: 1,
    tokensEstimated: false,
    tokensPerSec: 100,
    queueMs: 0,
    retryMs: 0,
    retries: 0,
    cached: false,
    error: null,
    mutations: code === null ? ["refusal"] : ["off_by_one"],
    gapP50Ms: null,
    gapMaxMs: null,
    reasoningTokens: null,
  };
}
