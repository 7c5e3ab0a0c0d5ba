import assert from "node:assert/strict";
import { passAtK, passHatK } from "../../lib/score/pass_at_k.ts";

const choose = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
};

Deno.test("passAtK() equals 1 − C(n−c,k)/C(n,k) on small cases", () => {
  for (let n = 1; n <= 12; n++) {
    for (let c = 0; c <= n; c++) {
      for (let k = 1; k <= n; k++) {
        const expected = n - c < k ? 1 : 1 - choose(n - c, k) / choose(n, k);
        assert.ok(Math.abs(passAtK(n, c, k)! - expected) < 1e-12, `n=${n} c=${c} k=${k}`);
      }
    }
  }
});

Deno.test("passAtK() returns 1 when n - c < k and is undefined when n < k", () => {
  assert.equal(passAtK(5, 4, 2), 1);
  assert.equal(passAtK(3, 3, 4), null);
});

Deno.test("passAtK() stays finite and exact where binomials overflow", () => {
  const p = passAtK(2000, 1, 1000)!;
  assert.ok(Math.abs(p - 0.5) < 1e-9, `${p}`);
});

Deno.test("passHatK() equals C(c,k)/C(n,k) and is 0 when c < k", () => {
  for (let n = 1; n <= 10; n++) {
    for (let c = 0; c <= n; c++) {
      for (let k = 1; k <= n; k++) {
        const expected = c < k ? 0 : choose(c, k) / choose(n, k);
        assert.ok(Math.abs(passHatK(n, c, k)! - expected) < 1e-12, `n=${n} c=${c} k=${k}`);
      }
    }
  }
  assert.equal(passHatK(2, 2, 3), null);
});

Deno.test("passAtK() rejects impossible counts", () => {
  assert.throws(() => passAtK(3, 4, 1), /need integers 0 <= c <= n/);
  assert.throws(() => passHatK(3, 1, 0), RangeError);
});
