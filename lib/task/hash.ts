/**
 * Content hashing for suites, cache keys and seeds.
 *
 * @module
 */

/**
 * Hex SHA-256 of a string.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sha256 } from "./hash.ts";
 * assert((await sha256("")).startsWith("e3b0c442"));
 * ```
 */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A fast, deterministic 32-bit hash (FNV-1a) of a string, for seeding.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hash32 } from "./hash.ts";
 * assert(hash32("a") === hash32("a") && hash32("a") !== hash32("b"));
 * ```
 */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small deterministic PRNG (mulberry32): numbers in [0, 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rng } from "./hash.ts";
 * assert(rng(1)() === rng(1)());
 * ```
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
