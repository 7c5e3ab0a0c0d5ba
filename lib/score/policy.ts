/**
 * Acceptable risk: a policy is a set of thresholds on what a run measured
 * (pass rate, weighted accuracy, pass^k, consistency, p95 latency, the share
 * of hallucinated APIs, timeouts…). A run is judged per model × variant; any
 * violated threshold fails it, and so does a threshold that could not be
 * measured (say, pass^3 with fewer than 3 samples).
 *
 * @module
 */
import { z } from "zod";
import { percentile } from "./percentile.ts";
import type { GenerationRecord } from "../record/generation.ts";
import type { ResultRecord } from "../record/result.ts";
import { stabilityByTask, summarizeStability } from "./stability.ts";

const Min = z.object({ min: z.number().describe("the lowest acceptable value") }).strict();
const Max = z.object({ max: z.number().describe("the highest acceptable value") }).strict();

/** A policy file (JSON). Every threshold is optional; at least one is required. */
export const Policy = z.object({
  /** The policy's name. */
  name: z.string().min(1).describe("the policy's name"),
  /** What the policy is for. */
  description: z.string().default("").describe("what the policy is for"),
  /** The thresholds. */
  thresholds: z.object({
    /** Share of samples whose every case passes. */
    passRate: Min.optional().describe("share of samples whose every case passes"),
    /** Mean weighted accuracy, in [-1, 1]. */
    weightedAccuracy: Min.optional().describe("mean weighted accuracy in [-1, 1]"),
    /** pass^k: mean over tasks of the chance that k samples all pass. */
    passHatK: z.object({ k: z.number().int().min(1), min: z.number() }).strict().optional()
      .describe("pass^k: mean over tasks of the chance that k samples all pass"),
    /** Mean consistency (share of samples with the modal outcome). */
    consistency: Min.optional().describe("mean share of samples with the modal outcome"),
    /** 95th percentile of total generation time, ms (uncached, error-free). */
    p95TotalMs: Max.optional().describe("95th percentile of total generation time, ms"),
    /** 95th percentile of time to first token, ms. */
    p95TtftMs: Max.optional().describe("95th percentile of time to first token, ms"),
    /** Share of samples whose primary failure is a hallucinated API. */
    hallucinationRate: Max.optional().describe(
      "share of samples whose primary failure is hallucinated_api",
    ),
    /** Share of samples that timed out. */
    timeoutRate: Max.optional().describe("share of samples that timed out"),
    /** Share of requests that finally failed. */
    generationErrorRate: Max.optional().describe("share of requests that finally failed"),
  }).strict().refine((t) => Object.keys(t).length > 0, "at least one threshold is required"),
}).strict();
/** A policy. */
export type Policy = z.infer<typeof Policy>;

/** The built-in profiles. */
export const POLICIES: Readonly<Record<string, Policy>> = {
  "internal-tooling": {
    name: "internal-tooling",
    description:
      "Code a developer reads before using: occasional mistakes are fine, fast answers matter.",
    thresholds: {
      passRate: { min: 0.6 },
      weightedAccuracy: { min: 0.4 },
      p95TotalMs: { max: 60_000 },
      hallucinationRate: { max: 0.1 },
      timeoutRate: { max: 0.05 },
      generationErrorRate: { max: 0.05 },
    },
  },
  "production-codegen": {
    name: "production-codegen",
    description:
      "Code generated into production automatically: high, predictable accuracy, no invented APIs.",
    thresholds: {
      passRate: { min: 0.9 },
      weightedAccuracy: { min: 0.85 },
      passHatK: { k: 3, min: 0.8 },
      consistency: { min: 0.9 },
      p95TotalMs: { max: 30_000 },
      hallucinationRate: { max: 0.01 },
      timeoutRate: { max: 0.01 },
      generationErrorRate: { max: 0.01 },
    },
  },
};

/** One threshold's check. */
export interface ThresholdCheck {
  /** The threshold's name (e.g. "passRate", "passHatK@3"). */
  metric: string;
  /** "min" or "max". */
  bound: "min" | "max";
  /** The limit. */
  limit: number;
  /** The measured value; null when it could not be measured. */
  value: number | null;
  /** Within the limit. */
  ok: boolean;
  /** Why it could not be measured, if so. */
  note: string;
}

/** The verdict for one model × variant. */
export interface PolicyVerdict {
  model: string;
  variant: string;
  /** The tasks' language, when the run mixes languages (then a verdict is per model × variant × language). */
  language?: string;
  /** Every threshold within its limit. */
  ok: boolean;
  checks: ThresholdCheck[];
}

type RunRecords = { generations: readonly GenerationRecord[]; results: readonly ResultRecord[] };

/** The primary failure category of a result, when it was classified. */
function categoryOf(r: ResultRecord): string | null {
  return r.failure?.category ?? null;
}

/**
 * Judge a run against a policy, per model × variant.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { judgeRun, POLICIES, Policy } from "./policy.ts";
 * const policy = Policy.parse({ name: "p", thresholds: { passRate: { min: 0.5 } } });
 * const r = { task: "t", model: "m", variant: "v", sample: 0, passed: true, weightedAccuracy: 1, outcome: "completed", cases: [] } as never;
 * assert.equal(judgeRun({ generations: [], results: [r] }, policy)[0].ok, true);
 * // A run that mixes languages: a verdict per language.
 * const py = { ...r as object, task: "p", language: "py", passed: false } as never;
 * assert.deepEqual(judgeRun({ generations: [], results: [r, py] }, policy).map((v) => [v.language, v.ok]), [["ts", true], ["py", false]]);
 * assert.ok(POLICIES["production-codegen"].thresholds.passHatK);
 * ```
 */
export function judgeRun(run: RunRecords, policy: Policy): PolicyVerdict[] {
  const groups = new Map<
    string,
    {
      model: string;
      variant: string;
      language: string | undefined;
      g: GenerationRecord[];
      r: ResultRecord[];
    }
  >();
  // A run that mixes languages is judged per language too (a generation takes its result's).
  const keyOf = (x: { task: string; model: string; variant: string; sample: number }) =>
    JSON.stringify([x.task, x.model, x.variant, x.sample]);
  const languageOf = new Map(run.results.map((r) => [keyOf(r), r.language ?? "ts"]));
  const mixed = new Set(languageOf.values()).size > 1;
  const group = (x: { task: string; model: string; variant: string; sample: number }) => {
    const language = mixed ? languageOf.get(keyOf(x)) ?? "ts" : undefined;
    const key = JSON.stringify([x.model, x.variant, language]);
    if (!groups.has(key)) {
      groups.set(key, { model: x.model, variant: x.variant, language, g: [], r: [] });
    }
    return groups.get(key)!;
  };
  for (const g of run.generations) group(g).g.push(g);
  for (const r of run.results) group(r).r.push(r);
  const t = policy.thresholds;
  return [...groups.values()].map(({ model, variant, language, g, r }) => {
    const checks: ThresholdCheck[] = [];
    const check = (
      metric: string,
      bound: "min" | "max",
      limit: number,
      value: number | null,
      note = "",
    ) =>
      checks.push({
        metric,
        bound,
        limit,
        value,
        ok: value !== null && (bound === "min" ? value >= limit : value <= limit),
        note: value === null ? note || "not measured" : "",
      });
    const share = (
      pred: (x: ResultRecord) => boolean,
    ) => (r.length ? r.filter(pred).length / r.length : null);
    const timed = g.filter((x) => !x.cached && x.error === null);
    if (t.passRate) check("passRate", "min", t.passRate.min, share((x) => x.passed), "no results");
    if (t.weightedAccuracy) {
      const v = r.length ? r.reduce((s, x) => s + x.weightedAccuracy, 0) / r.length : null;
      check("weightedAccuracy", "min", t.weightedAccuracy.min, v, "no results");
    }
    if (t.passHatK || t.consistency) {
      const k = t.passHatK?.k ?? 1;
      const [s] = summarizeStability(stabilityByTask(r, [k]), [k]);
      if (t.passHatK) {
        check(
          `passHatK@${k}`,
          "min",
          t.passHatK.min,
          s?.passHatK[k] ?? null,
          `needs at least ${k} samples per task`,
        );
      }
      if (t.consistency) {
        check("consistency", "min", t.consistency.min, s?.consistency ?? null, "no results");
      }
    }
    if (t.p95TotalMs) {
      check(
        "p95TotalMs",
        "max",
        t.p95TotalMs.max,
        percentile(timed.map((x) => x.totalMs), 0.95),
        "no uncached answers",
      );
    }
    if (t.p95TtftMs) {
      const v = percentile(timed.flatMap((x) => x.ttftMs ?? []), 0.95);
      check("p95TtftMs", "max", t.p95TtftMs.max, v, "no uncached answers");
    }
    if (t.hallucinationRate) {
      const classified = r.some((x) => !x.passed && categoryOf(x) !== null) ||
        r.every((x) => x.passed);
      check(
        "hallucinationRate",
        "max",
        t.hallucinationRate.max,
        classified ? share((x) => categoryOf(x) === "hallucinated_api") : null,
        "failures were not classified",
      );
    }
    if (t.timeoutRate) {
      check(
        "timeoutRate",
        "max",
        t.timeoutRate.max,
        share((x) => x.outcome === "timeout"),
        "no results",
      );
    }
    if (t.generationErrorRate) {
      const v = g.length ? g.filter((x) => x.error !== null).length / g.length : null;
      check("generationErrorRate", "max", t.generationErrorRate.max, v, "no generations");
    }
    return {
      model,
      variant,
      ...(language === undefined ? {} : { language }),
      ok: checks.every((c) => c.ok),
      checks,
    };
  });
}

/**
 * A policy by built-in name, or from a JSON file; errors name the file and the field.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolvePolicy } from "./policy.ts";
 * assert.equal((await resolvePolicy("internal-tooling")).name, "internal-tooling");
 * ```
 */
export async function resolvePolicy(nameOrFile: string): Promise<Policy> {
  if (POLICIES[nameOrFile]) return POLICIES[nameOrFile];
  let text: string;
  try {
    text = await Deno.readTextFile(nameOrFile);
  } catch {
    throw new Error(
      `Cannot find policy "${nameOrFile}": it is neither a built-in (${
        Object.keys(POLICIES).join(", ")
      }) nor a readable file`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(
      `Cannot parse policy "${nameOrFile}": not valid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const parsed = Policy.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? issue.path.join(".") : "(root)";
    throw new Error(`Cannot parse policy "${nameOrFile}": ${field}: ${issue.message}`);
  }
  return parsed.data;
}
