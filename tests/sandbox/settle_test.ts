/**
 * A module must settle (finding 8 of issue 12): once every case has reported, a sample whose
 * code keeps the microtask queue or the event loop busy is a `timeout`, not a pass, in the
 * strict runner and in the warm pool alike. A timer merely left pending is not such work.
 */
import assert from "node:assert/strict";
import { runSample } from "../../lib/sandbox/deno.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { createPool } from "../../lib/sandbox/pool.ts";
import { strictReason } from "../../lib/sandbox/pool_route.ts";
import type { Isolation, SandboxJob, SandboxResult } from "../../lib/sandbox/sandbox.ts";
import { classifyFailure } from "../../lib/score/taxonomy.ts";
import { scoreSample } from "../../lib/score/weighted.ts";

const isolation: Isolation = (await bwrapAvailable()) ? "bwrap" : "none";
const TIMEOUT_MS = 2000;

const TESTS = `import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = {
  "adds": () => assert.equal(add(1, 2), 3),
  "adds negatives": async () => assert.equal(await add(-1, -2), -3),
};`;
const CORRECT = "export function add(a: number, b: number) { return a + b; }";
/** `add` that runs `start` (once) on its `call`-th call. */
const onCall = (call: number, start: string) =>
  `let calls = 0;
export function add(a: number, b: number) {
  if (++calls === ${call}) { ${start} }
  return a + b;
}`;

/** Correct entry points beside work that never ends; each must fail. */
const UNSETTLED: Record<string, string> = {
  "a promise chain started at load": `${CORRECT}
function spin(): Promise<void> { return Promise.resolve().then(spin); }
spin();`,
  "a queueMicrotask loop started at load": `${CORRECT}
const spin = (): void => queueMicrotask(spin);
spin();`,
  "a loop the entry starts on its first call": onCall(
    1,
    "const spin = (): void => queueMicrotask(spin); spin();",
  ),
  "while (true) in a microtask after the last case reports": onCall(
    2,
    "let p = Promise.resolve(); for (let i = 0; i < 20; i++) p = p.then(() => {}); p.then(() => { while (true) {} });",
  ),
  "while (true) in a timer due when the cases end": onCall(
    2,
    "setTimeout(() => { while (true) {} }, 0);",
  ),
};

const job = (code: string): SandboxJob => ({
  code,
  testsSource: TESTS,
  cases: ["adds", "adds negatives"].map((name) => ({ name, kind: "core" as const, tags: [] })),
  entry: "add",
});
const NEVER_SETTLED = /^the module never settled: work kept running after the cases/;

/** The verdict every unsettled sample gets, and what the scorer and the taxonomy make of it. */
function assertUnsettled(name: string, r: SandboxResult, code: string): void {
  const why = `${name}: ${r.outcome} ${r.detail} ${r.cases.map((c) => c.message).join(" | ")}`;
  assert.equal(r.outcome, "timeout", why);
  assert.match(r.detail, NEVER_SETTLED, why);
  assert.deepEqual(r.cases.map((c) => c.status), ["timeout", "timeout"], why);
  for (const c of r.cases) assert.match(c.message, NEVER_SETTLED, why);
  assert.equal(scoreSample(r.cases).passed, false, why);
  const failure = classifyFailure({ ...r, code, entry: "add" });
  assert.equal(failure?.category, "timeout", why);
  assert.match(failure?.evidence[0].text ?? "", /the module never settled/, why);
}

Deno.test("runSample() fails a module that never settles: an endless microtask loop after the cases (finding 8)", async () => {
  for (const [name, code] of Object.entries(UNSETTLED)) {
    const started = performance.now();
    const r = await runSample(job(code), { isolation, timeoutMs: TIMEOUT_MS });
    const ms = performance.now() - started;
    assertUnsettled(name, r, code);
    // The grace decides, not the sample's limit.
    assert.ok(ms < TIMEOUT_MS, `${name}: took ${Math.round(ms)} ms`);
  }
});

Deno.test("createPool() fails a module that never settles, as the strict runner does (finding 8)", async () => {
  const pool = createPool({ size: 1, isolation });
  try {
    for (const [name, code] of Object.entries(UNSETTLED)) {
      assert.equal(strictReason(job(code)), null, `${name}: the pool must be the one asked`);
      assertUnsettled(name, await pool.run(job(code), { timeoutMs: TIMEOUT_MS }), code);
    }
  } finally {
    await pool.close();
  }
});

Deno.test("runSample() and createPool() pass a module that settles, a pending timer included", async () => {
  const pool = createPool({ size: 1, isolation });
  try {
    for (
      const code of [
        CORRECT,
        `setInterval(() => {}, 5);\n${CORRECT}`,
        onCall(2, "setTimeout(() => { while (true) {} }, 1000);"),
        // Due when the cases end, it runs before the strict runner's done (the pool fires it).
        onCall(2, "setTimeout(() => { let x = 0; for (let i = 0; i < 1e5; i++) x += i; }, 0);"),
        onCall(
          2,
          "let p = Promise.resolve(); for (let i = 0; i < 1000; i++) p = p.then(() => {});",
        ),
      ]
    ) {
      for (
        const r of [
          await runSample(job(code), { isolation, timeoutMs: TIMEOUT_MS }),
          await pool.run(job(code), { timeoutMs: TIMEOUT_MS }),
        ]
      ) {
        assert.deepEqual([r.outcome, ...r.cases.map((c) => c.status)], [
          "completed",
          "pass",
          "pass",
        ], `${code}: ${r.detail}`);
      }
    }
    assert.deepEqual(pool.stats().strict, {}, "the pool judged them all itself");
  } finally {
    await pool.close();
  }
});

Deno.test("runSample() fails a module still running when the sample's limit runs out after its done: a loop in an unload listener", async () => {
  const code = `addEventListener("unload", () => { while (true) {} });\n${CORRECT}`;
  const started = performance.now();
  const r = await runSample(job(code), { isolation, timeoutMs: 1000 });
  assert.ok(performance.now() - started < 3000, "the grace after the deadline stops it");
  assertUnsettled("unload", r, code);
  assert.match(r.detail, /still running when the sample's 1000 ms limit ran out/);
});

Deno.test("createPool() hands back an error thrown in a microtask or a due timer after a case: it ends the strict runner's process", async () => {
  const pool = createPool({ size: 1, isolation });
  try {
    const programs = {
      // Thrown before the first case reports: the strict runner's process ends there.
      "a microtask": onCall(1, 'queueMicrotask(() => { throw new Error("late"); });'),
      // A timer due when the cases end runs before the runner's done, and ends the process.
      "a timer set at load": `setTimeout(() => { throw new Error("late"); }, 0);\n${CORRECT}`,
    };
    for (const [name, code] of Object.entries(programs)) {
      const strict = await runSample(job(code), { isolation, timeoutMs: TIMEOUT_MS });
      const pooled = await pool.run(job(code), { timeoutMs: TIMEOUT_MS });
      const verdict = (r: SandboxResult) => [r.outcome, ...r.cases.map((c) => c.status)];
      assert.deepEqual(verdict(pooled), verdict(strict), `${name}: ${pooled.detail}`);
      assert.equal(strict.outcome, "exited", name);
    }
    const last = await runSample(job(programs["a timer set at load"]), { isolation });
    assert.match(
      last.detail,
      /after every case reported, before it was done: .*Uncaught Error: late/,
    );
    assert.deepEqual(pool.stats().strict, { "a timer or": 2 });
  } finally {
    await pool.close();
  }
});
