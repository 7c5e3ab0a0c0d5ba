/**
 * Per-test-case time limits (lib/sandbox/case_limits.ts): a case over its own limit is
 * `timeout`, the cases after it run in a fresh process (or context) under the sample's limit
 * anew and keep their verdicts, and the strict runner and the warm pool agree case by case.
 */
import assert from "node:assert/strict";
import { runSample } from "../../lib/sandbox/deno.ts";
import { createPool } from "../../lib/sandbox/pool.ts";
import type { SandboxJob, SandboxLimits, SandboxResult } from "../../lib/sandbox/sandbox.ts";
import { HAS_BWRAP } from "./hostile_helpers.ts";

const isolation = HAS_BWRAP ? "bwrap" : "none";
if (!HAS_BWRAP) console.warn("case-limit tests run with --isolation none: bwrap is unavailable");

const TESTS = `import assert from "node:assert/strict";
import { f, calls } from "./solution.ts";
export const cases = {
  first: () => assert.equal(f(1), 1),
  spins: () => assert.equal(f(-1), -1),
  fresh: () => assert.equal(calls(), 0),
  sleeps: async () => { await new Promise((r) => setTimeout(r, 60_000)); },
  last: () => assert.equal(f(5), 5),
};`;
/** `f(-1)` never returns; `calls()` counts the calls of this module instance before it. */
const CODE = `let n = 0;
export function calls(): number { return n; }
export function f(x: number): number {
  n++;
  if (x < 0) for (;;) {}
  return x;
}`;
const NAMES = ["first", "spins", "fresh", "sleeps", "last"];
const job: SandboxJob = {
  code: CODE,
  testsSource: TESTS,
  cases: NAMES.map((name, i) => ({ name, kind: i < 3 ? "core" : "edge", tags: [] })),
  entry: "f",
};
const view = (r: SandboxResult) => ({
  outcome: r.outcome,
  detail: r.detail,
  cases: r.cases.map((c) => `${c.name}: ${c.status} ${c.message}`),
});

async function both(limits: SandboxLimits): Promise<ReturnType<typeof view>> {
  const pool = createPool({ size: 1, isolation });
  try {
    const strict = await runSample(job, { isolation, ...limits });
    const pooled = await pool.run(job, limits);
    assert.deepEqual(view(pooled), view(strict), "the pool and the strict runner disagree");
    // Every case stopped at its limit was cut off inside the host: no host was replaced.
    assert.deepEqual(pool.stats().strict, {});
    assert.equal(pool.stats().hostsStarted, 1);
    return view(strict);
  } finally {
    await pool.close();
  }
}

Deno.test("case limits: a case over its own limit times out and the cases after it still run", async () => {
  const started = performance.now();
  const r = await both({ timeoutMs: 10_000, caseTimeoutMs: 400 });
  assert.deepEqual(r, {
    outcome: "timeout",
    detail:
      'case "spins" exceeded its 400 ms case limit; case "sleeps" exceeded its 400 ms case limit',
    cases: [
      "first: pass ",
      "spins: timeout exceeded its 400 ms case limit",
      // A fresh module instance: the call that hung is not counted here.
      "fresh: pass ",
      "sleeps: timeout exceeded its 400 ms case limit",
      "last: pass ",
    ],
  });
  // Three runs (two cases stopped), far from 3 × the 10 s sample limit.
  assert.ok(performance.now() - started < 8000, `${Math.round(performance.now() - started)} ms`);
});

Deno.test("case limits: limits per case name; the others are bounded by the sample's limit", async () => {
  const r = await both({ timeoutMs: 1500, caseTimeoutMs: { spins: 300 } });
  assert.deepEqual(r, {
    outcome: "timeout",
    detail: 'case "spins" exceeded its 300 ms case limit; exceeded 1500 ms',
    cases: [
      "first: pass ",
      "spins: timeout exceeded its 300 ms case limit",
      "fresh: pass ",
      "sleeps: timeout timeout: exceeded 1500 ms while this case ran",
      "last: missing timeout: exceeded 1500 ms",
    ],
  });
});

Deno.test("case limits: without them the first slow case ends the sample, as before", async () => {
  const r = await both({ timeoutMs: 800 });
  assert.deepEqual(r.cases, [
    "first: pass ",
    "spins: timeout timeout: exceeded 800 ms while this case ran",
    "fresh: missing timeout: exceeded 800 ms",
    "sleeps: missing timeout: exceeded 800 ms",
    "last: missing timeout: exceeded 800 ms",
  ]);
  assert.equal(r.detail, "exceeded 800 ms");
});

Deno.test("case limits: a case limit above the sample's limit is the sample's", async () => {
  const r = await both({ timeoutMs: 700, caseTimeoutMs: 5000 });
  assert.equal(r.outcome, "timeout");
  assert.equal(r.detail, "exceeded 700 ms");
  assert.equal(r.cases[1], "spins: timeout timeout: exceeded 700 ms while this case ran");
});
