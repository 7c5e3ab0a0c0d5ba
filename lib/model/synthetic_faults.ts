/**
 * Fault injection for the synthetic server: the failures real endpoints
 * produce, at a configurable rate, deterministic in a seed and the request
 * count. Used by reliability tests; never on by default.
 *
 * @module
 */
import { hash32, rng } from "../task/hash.ts";

/** The faults the synthetic server can inject. */
export const FAULTS = [
  "rate_limit", // 429 with Retry-After
  "server_error", // 500
  "reset", // the connection breaks before any data
  "stall", // the stream starts, then sends nothing more
  "truncate", // the stream stops halfway, no finish_reason, no [DONE]
  "malformed", // a chunk that is not JSON
  "slow_first_token", // a long wait before the first token (latency, not failure)
] as const;
/** One fault kind. */
export type Fault = typeof FAULTS[number];

/** How often and which faults to inject. */
export interface FaultPlan {
  /** Probability that a request gets a fault, in [0, 1]. */
  rate: number;
  /** The kinds to choose from, uniformly. @default every kind */
  kinds?: readonly Fault[];
  /** Seed of the fault sequence. @default 0 */
  seed?: number;
  /** Retry-After sent with a 429, seconds. @default 0.05 */
  retryAfterSeconds?: number;
  /** Extra wait before the first token for slow_first_token, ms. @default 1500 */
  slowFirstTokenMs?: number;
}

/**
 * A deterministic fault picker: call it once per request.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { faultPicker } from "./synthetic_faults.ts";
 * const a = faultPicker({ rate: 0.5, seed: 3 });
 * const b = faultPicker({ rate: 0.5, seed: 3 });
 * assert([1, 2, 3, 4].every(() => a() === b()));
 * ```
 */
export function faultPicker(plan: FaultPlan): () => Fault | null {
  const kinds = plan.kinds ?? FAULTS;
  let n = 0;
  return () => {
    const random = rng(hash32(`${plan.seed ?? 0}|${n++}`));
    if (random() >= plan.rate) return null;
    return kinds[Math.floor(random() * kinds.length)];
  };
}
