/**
 * pass@k and pass^k from n samples of which c passed (DESIGN.md).
 *
 * @module
 */

/**
 * pass@k, the unbiased estimator 1 − C(n−c, k)/C(n, k) in its numerically
 * stable product form. Undefined (null) when n < k.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { passAtK, passHatK } from "./pass_at_k.ts";
 * assert.equal(passAtK(10, 10, 1), 1);
 * assert.equal(passAtK(5, 0, 2), 0);
 * assert.ok(Math.abs(passAtK(4, 2, 2)! - 5 / 6) < 1e-12);
 * assert.equal(passAtK(1, 1, 2), null);
 * assert.ok(Math.abs(passHatK(4, 2, 2)! - 1 / 6) < 1e-12);
 * ```
 */
export function passAtK(n: number, c: number, k: number): number | null {
  check(n, c, k);
  if (n < k) return null;
  if (n - c < k) return 1;
  let prod = 1;
  for (let i = n - c + 1; i <= n; i++) prod *= 1 - k / i;
  return 1 - prod;
}

/**
 * pass^k, the chance that k samples drawn without replacement all pass:
 * C(c, k)/C(n, k), as a product. Undefined (null) when n < k.
 */
export function passHatK(n: number, c: number, k: number): number | null {
  check(n, c, k);
  if (n < k) return null;
  let prod = 1;
  for (let i = 0; i < k; i++) prod *= (c - i) / (n - i);
  return Math.max(0, prod);
}

function check(n: number, c: number, k: number): void {
  if (![n, c, k].every(Number.isInteger) || n < 0 || c < 0 || c > n || k < 1) {
    throw new RangeError(
      `Cannot compute pass@k for n=${n}, c=${c}, k=${k}: need integers 0 <= c <= n and k >= 1`,
    );
  }
}
