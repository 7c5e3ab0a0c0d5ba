/**
 * A counting semaphore for bounding concurrent work.
 *
 * @module
 */

/**
 * Limit how many calls of `fn` run at once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { limiter } from "./limiter.ts";
 * const limit = limiter(2);
 * const out = await Promise.all([1, 2, 3].map((x) => limit(async () => x * 2)));
 * assert(out.join() === "2,4,6");
 * ```
 */
export function limiter(concurrency: number): <T>(fn: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`Cannot limit concurrency to ${concurrency}: use an integer >= 1`);
  }
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (active >= concurrency) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
