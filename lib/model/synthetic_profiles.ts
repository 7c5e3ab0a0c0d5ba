/**
 * Profiles of the offline synthetic model: how often it mutates the reference,
 * which mutations it prefers, and how fast it streams. Synthetic answers are
 * not LLM output; they exist so every failure category and the latency path
 * run offline.
 *
 * @module
 */
import type { MutationName } from "./mutate.ts";
import { ProviderError } from "./provider_error.ts";

/** One synthetic model's behaviour. */
export interface SyntheticProfile {
  /** Probability that an answer is mutated, in [0, 1]. */
  mutationRate: number;
  /** Relative weights of the mutations (missing = 0). */
  weights: Partial<Record<MutationName, number>>;
  /** Time to first token, ms: uniform in [min, max]. */
  ttftMs: [number, number];
  /** Streaming speed, tokens per second. */
  tokensPerSec: number;
  /** Probability that the answer drops the `export` keyword (models often do). */
  dropExportRate: number;
  /** Probability that the answer comes without a markdown fence. */
  rawRate: number;
  /** Added to the mutation rate when the prompt is perturbed (reworded, reordered, renamed…): fragility. */
  perturbationPenalty: number;
  /** Concurrent streams served at full speed; beyond, time to first token and token rate degrade proportionally. */
  capacity: number;
}

const EVERY_MUTATION: Partial<Record<MutationName, number>> = {
  off_by_one: 3,
  dropped_guard: 3,
  swapped_operator: 2,
  hallucinated_api: 2,
  wrong_name: 1,
  infinite_loop: 1,
  syntax_error: 1,
  runtime_crash: 1,
  refusal: 0.5,
};

/** The built-in profiles: `reference`, `instant`, `default`, `sloppy`. */
export const SYNTHETIC_PROFILES: Readonly<Record<string, SyntheticProfile>> = {
  /** Always the reference, fast: a ceiling and a sanity check of the pipeline. */
  reference: {
    mutationRate: 0,
    weights: {},
    ttftMs: [15, 30],
    tokensPerSec: 2000,
    dropExportRate: 0,
    rawRate: 0,
    perturbationPenalty: 0,
    capacity: 16,
  },
  /** Always the reference with no latency at all: for benchmarking the orchestrator itself. */
  instant: {
    mutationRate: 0,
    weights: {},
    ttftMs: [0, 0],
    tokensPerSec: 1e9,
    dropExportRate: 0,
    rawRate: 0,
    perturbationPenalty: 0,
    capacity: 1e9,
  },
  /** A moderate mutation rate, fast. */
  default: {
    mutationRate: 0.35,
    weights: EVERY_MUTATION,
    ttftMs: [40, 120],
    tokensPerSec: 900,
    dropExportRate: 0.15,
    rawRate: 0.05,
    perturbationPenalty: 0.1,
    capacity: 4,
  },
  /** A high mutation rate, slower. */
  sloppy: {
    mutationRate: 0.75,
    weights: EVERY_MUTATION,
    ttftMs: [150, 400],
    tokensPerSec: 350,
    dropExportRate: 0.3,
    rawRate: 0.1,
    perturbationPenalty: 0.2,
    capacity: 2,
  },
};

/**
 * Find a profile by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { syntheticProfile } from "./synthetic_profiles.ts";
 * assert(syntheticProfile("reference").mutationRate === 0);
 * ```
 */
export function syntheticProfile(name: string): SyntheticProfile {
  const p = SYNTHETIC_PROFILES[name];
  if (!p) {
    throw new ProviderError(
      `Cannot find synthetic profile "${name}": known profiles are ${
        Object.keys(SYNTHETIC_PROFILES).join(", ")
      }`,
    );
  }
  return p;
}
