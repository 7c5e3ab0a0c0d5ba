import assert from "node:assert/strict";
import { runSample } from "../../lib/sandbox/deno.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { createPool } from "../../lib/sandbox/pool.ts";
import { strictReason } from "../../lib/sandbox/pool_route.ts";
import type { Isolation, SandboxJob, SandboxResult } from "../../lib/sandbox/sandbox.ts";
import { LEDGER_CODE, LEDGER_DETAIL, LEDGER_TESTS } from "./ledger_fixture.ts";

const isolation: Isolation = (await bwrapAvailable()) ? "bwrap" : "none";
if (isolation === "none") {
  console.warn("pool tests run with --isolation none: bwrap is unavailable");
}

const TESTS = `import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = {
  "adds": () => assert.equal(add(1, 2), 3),
  "adds later": async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(add(2, 2), 4);
  },
  "adds pairs": () => assert.deepEqual([add(1, 1), add(2, 3)], [2, 5]),
};`;
const job = (code: string, testsSource = TESTS): SandboxJob => ({
  code,
  testsSource,
  cases: ["adds", "adds later", "adds pairs"].map((name, i) => ({
    name,
    kind: i === 2 ? "edge" : "core",
    tags: [],
  })),
  entry: "add",
});
const verdict = (r: SandboxResult) => [r.outcome, ...r.cases.map((c) => c.status)];

/** Programs the pool runs itself, each with the verdict the strict runner gives. */
const PROGRAMS: Record<string, string> = {
  correct: "export function add(a: number, b: number): number { return a + b; }",
  wrong: "export function add(a: number, b: number): number { return a - b; }",
  "throws a TypeError":
    "export function add(a: number, b: number): number { return (null as any).x; }",
  "throws a string": "export function add(a: number, b: number): number { throw 'nope'; }",
  "edge only wrong":
    "export function add(a: number, b: number): number { return a === 1 && b === 1 ? 3 : a + b; }",
  "async, awaits a timer": `export async function add(a: number, b: number) {
  await new Promise((r) => setTimeout(r, 2));
  return a + b;
}`,
  "patches its own intrinsics": `Array.prototype.push = () => 0;
Object.is = () => true;
JSON.stringify = () => "{}";
Promise.prototype.then = function () { return this; };
export function add(a: number, b: number): number { return a - b; }`,
  "not exported": "function add(a: number, b: number): number { return a + b; }",
  "top-level throw":
    "throw new Error('boom');\nexport const add = (a: number, b: number) => a + b;",
  "does not parse": "export function add(a: number, b: number { return a + b }",
  // queueMicrotask, not a promise chain: a chain of pending promises grows until the heap cap,
  // and whether a run reaches it before its time limit depends on the machine.
  "hangs in a microtask loop": `export function add(a: number, b: number): number {
  const spin = (): void => queueMicrotask(spin);
  spin();
  return a + b;
}`,
};

Deno.test("createPool() gives the strict runner's verdict on ordinary programs", async () => {
  const pool = createPool({ size: 2, isolation });
  try {
    for (const [name, code] of Object.entries(PROGRAMS)) {
      const [strict, pooled] = await Promise.all([
        runSample(job(code), { isolation, timeoutMs: 3000 }),
        pool.run(job(code), { timeoutMs: 3000 }),
      ]);
      assert.deepEqual(verdict(pooled), verdict(strict), `${name}: ${pooled.detail}`);
      assert.deepEqual(
        pooled.cases.map((c) => c.message.split("\n")[0]),
        strict.cases.map((c) => c.message.split("\n")[0]),
        name,
      );
    }
    const stats = pool.stats();
    // "does not parse" and "top-level throw" do not load in the pool: the strict runner says why.
    // A syntax error is reported by the pool as the strict runner words it (checked above);
    // code that throws while loading goes to the strict runner, which says why; so does the
    // microtask loop that outlives its case (the strict runner starts the next case among
    // those microtasks, which a host cannot reproduce).
    assert.deepEqual(
      stats.strict,
      { "the job did": 1, "a microtask loop": 1 },
      JSON.stringify(stats),
    );
    assert.ok(stats.pooled >= 7, JSON.stringify(stats));
  } finally {
    await pool.close();
  }
});

Deno.test("createPool() reports a syntax error on the answer's own line, as the strict runner does (finding 7)", async () => {
  const ledger: SandboxJob = {
    code: LEDGER_CODE,
    testsSource: LEDGER_TESTS,
    cases: [{ name: "total", kind: "core", tags: [] }],
    entry: "Ledger",
  };
  const pool = createPool({ size: 1, isolation });
  try {
    const pooled = await pool.run(ledger, { timeoutMs: 3000 });
    // The host reports the syntax error itself: no strict run.
    assert.deepEqual(pool.stats().strict, {});
    assert.equal(pooled.outcome, "load_error");
    assert.equal(pooled.detail, LEDGER_DETAIL);
    assert.deepEqual(pooled.cases.map((c) => c.message), [`load_error: ${LEDGER_DETAIL}`]);
    const strict = await runSample(ledger, { isolation, timeoutMs: 3000 });
    assert.deepEqual(
      { ...pooled, execMs: 0, stderr: "" },
      { ...strict, execMs: 0, stderr: "" },
    );
  } finally {
    await pool.close();
  }
});

Deno.test("createPool() records the export the harness added, as the strict runner does (finding 9)", async () => {
  const pool = createPool({ size: 1, isolation });
  try {
    const added = await pool.run(job("function add(a: number, b: number) { return a + b; }"));
    assert.deepEqual(verdict(added), ["completed", "pass", "pass", "pass"]);
    assert.deepEqual(added.harnessChanges, [
      "added export { add } (the answer defines add without exporting it)",
    ]);
    const kept = await pool.run(job(PROGRAMS.correct));
    assert.deepEqual(kept.harnessChanges, []);
    // A sample the pool hands to the strict runner records it too.
    const handed = await pool.run(
      job("const add = (a: number, b: number) => a + b + Deno.pid * 0;"),
    );
    assert.deepEqual(pool.stats().strict, { "uses Deno": 1 });
    assert.deepEqual(handed.harnessChanges, [
      "added export { add } (the answer defines add without exporting it)",
    ]);
  } finally {
    await pool.close();
  }
});

Deno.test("createPool() runs each sample in a fresh context", async () => {
  const pool = createPool({ size: 1, isolation });
  try {
    const polluter = `(globalThis as any).leak = 1;
Object.defineProperty(Object.prototype, "adds", { value: () => {}, configurable: true });
Array.prototype.map = () => [];
export function add(a: number, b: number): number { return a + b; }`;
    // Its passes are not trusted (it replaced Array.prototype.map, which tests share), as in the
    // strict runner; what matters here is that the next sample sees none of it.
    const polluted = await pool.run(job(polluter));
    assert.deepEqual(verdict(polluted), verdict(await runSample(job(polluter), { isolation })));
    assert.deepEqual(verdict(polluted), ["completed", "error", "error", "error"]);
    assert.match(polluted.cases[0].message, /changed the built-in Array\.prototype\.map/);
    const probe = `export function add(a: number, b: number): number {
  if ((globalThis as any).leak !== undefined || [1].map((x) => x).length !== 1) return 0;
  return a + b;
}`;
    assert.deepEqual(verdict(await pool.run(job(probe))), ["completed", "pass", "pass", "pass"]);
    assert.equal(pool.stats().hostsStarted, 1);
  } finally {
    await pool.close();
  }
});

Deno.test("createPool() keeps the host's realm out of reach", async () => {
  const pool = createPool({ size: 1, isolation });
  try {
    // The context's own Function builds functions of the context: no Deno there.
    const probe = `export function add(a: number, b: number): number {
  const F = (globalThis as any).constructor.constructor;
  // (spelled apart: naming the global would send the sample to the strict runner)
  return F("return typeof De" + "no")() === "undefined" ? a + b : 0;
}`;
    const probed = await pool.run(job(probe));
    assert.deepEqual(
      verdict(probed),
      ["completed", "pass", "pass", "pass"],
      probed.cases[0].message,
    );
    // Two ways node:assert could hand a host object to the job: its message formatting gives a
    // custom inspector its own inspect function, and it calls a validation function with its own
    // `{}` as `this` (closed: the host gets a wrapper that calls it with an object of the
    // context). Neither reaches the host realm; the wrong answer fails either way.
    const escape = `import assert from "node:assert";
let reached = "nothing";
try {
  assert.throws(() => { throw new Error("x"); }, function (this: any) {
    reached = typeof this.constructor.constructor("return globalThis")().De${""}no;
    return true;
  });
} catch { /* not reachable */ }
export function add(a: number, b: number): any {
  return {
    reached,
    [Symbol.for("nodejs.util.inspect.custom")](_depth: unknown, _options: unknown, inspect: any) {
      try {
        const hostGlobal = inspect.constructor("return globalThis")();
        hostGlobal.Array.prototype.includes = () => true;
      } catch { /* not reachable */ }
      return "x";
    },
  };
}`;
    const escaped = await pool.run(job(escape));
    assert.equal(escaped.outcome, "completed");
    assert.ok(escaped.cases.every((c) => c.status === "fail"), JSON.stringify(escaped.cases));
    assert.match(escaped.cases[0].message, /reached: 'undefined'/);
    const after = await pool.run(job(PROGRAMS.correct));
    assert.deepEqual(verdict(after), ["completed", "pass", "pass", "pass"]);
    assert.deepEqual(pool.stats().contaminated, 0);
    assert.deepEqual(pool.stats().hostsStarted, 1);
  } finally {
    await pool.close();
  }
});

Deno.test("createPool() voids the verdict of a job after which its host's realm changed, and replaces the host", async () => {
  // The host changes its own Array.prototype.includes after the marked job, as an escape would.
  const marked = "export function add(a: number, b: number): number { return a + b + 1; }";
  const pool = createPool({ size: 1, isolation, contaminateAfter: (j) => j.code === marked });
  try {
    const r = await pool.run(job(marked));
    // Judged again by the strict runner: the host's own reports are not used.
    assert.deepEqual(verdict(r), ["completed", "fail", "fail", "fail"]);
    const after = await pool.run(job(PROGRAMS.correct));
    assert.deepEqual(verdict(after), ["completed", "pass", "pass", "pass"]);
    const stats = pool.stats();
    assert.deepEqual(stats.strict, { "host contaminated": 1 });
    assert.equal(stats.contaminated, 1);
    assert.equal(stats.hostsStarted, 2);
    assert.equal(stats.pooled, 1);
  } finally {
    await pool.close();
  }
});

Deno.test("createPool() hands back what it cannot run identically", async () => {
  const pool = createPool({ size: 1, isolation, heapMb: 64 });
  try {
    const uses = await pool.run(
      job("export const add = (a: number, b: number) => Deno.pid ? a + b : 0;"),
    );
    assert.deepEqual(verdict(uses), ["completed", "pass", "pass", "pass"]);
    const flood = await pool.run(
      job(
        "export const add = (a: number, b: number) => { for (;;) console.log('x'.repeat(1000)); };",
      ),
      { outputCapBytes: 50_000 },
    );
    assert.equal(flood.outcome, "output_limit");
    const bomb = await pool.run(
      job(
        "export const add = (a: number, b: number) => { const k: number[][] = []; for (;;) k.push(new Array(100_000).fill(a)); };",
      ),
      { timeoutMs: 8000 },
    );
    assert.equal(bomb.outcome, "memory_limit", bomb.detail);
    const stats = pool.stats();
    assert.deepEqual(Object.keys(stats.strict).sort(), ["host died", "uses Deno"]);
    assert.equal(stats.strict["host died"], 2);
  } finally {
    await pool.close();
  }
});

Deno.test("createPool() kills a sample at its time limit and carries on", async () => {
  const pool = createPool({ size: 1, isolation });
  try {
    const started = performance.now();
    const r = await pool.run(
      job("export function add(a: number, b: number): number { for (;;) {} }"),
      { timeoutMs: 500 },
    );
    assert.ok(performance.now() - started < 2000);
    assert.equal(r.outcome, "timeout");
    // The host cut the loop off itself (a vm timeout): the first case was running, and the
    // same host judges the next sample.
    assert.deepEqual(verdict(r), ["timeout", "timeout", "missing", "missing"]);
    assert.deepEqual(r.cases.map((c) => c.message), [
      "timeout: exceeded 500 ms while this case ran",
      "timeout: exceeded 500 ms",
      "timeout: exceeded 500 ms",
    ]);
    assert.deepEqual(verdict(await pool.run(job(PROGRAMS.correct))), [
      "completed",
      "pass",
      "pass",
      "pass",
    ]);
    assert.equal(pool.stats().timeouts, 1);
    assert.equal(pool.stats().hostsStarted, 1);
  } finally {
    await pool.close();
  }
});

Deno.test("strictReason() names what only a process has", () => {
  const reason = (code: string, tests = TESTS) => strictReason(job(code, tests));
  assert.equal(reason(PROGRAMS.correct), null);
  assert.equal(reason("export const add = () => fetch('x');"), "uses fetch");
  assert.equal(reason("export const add = () => new TextEncoder();"), "uses TextEncoder");
  assert.equal(
    reason("export const add = async () => await import('./x.ts');"),
    "uses a dynamic import",
  );
  assert.equal(reason('import { readFileSync } from "node:fs";'), 'imports "node:fs"');
  assert.equal(reason('import x from "npm:lodash";'), 'imports "npm:lodash"');
  assert.equal(reason('import x from "./data.json";'), 'imports "./data.json"');
  // A property, a type or a comment of the same name is not the global.
  assert.equal(
    reason("export const add = (o: { fetch: number }) => o.fetch; // global fetch"),
    null,
  );
  assert.equal(reason("export const add = () => globalThis.fetch;"), "uses fetch");
  assert.equal(reason('export const add = () => (globalThis as any)["Deno"];'), "uses Deno");
  assert.equal(reason("export const add = () => `${Deno.pid}`;"), "uses Deno");
});

Deno.test("createPool() judges assert.throws and doesNotThrow validators as the strict runner does", async () => {
  // node:assert calls a validation function with its own `{}`: the pool hands the host a wrapper
  // of the context instead, which must keep node's verdicts and wording case by case.
  const tests = `import assert from "node:assert/strict";
import { add } from "./solution.ts";
const boom = (x: number) => () => { add(x, 0); };
export const cases = {
  "class, other error": () => assert.throws(boom(1), TypeError),
  "class, primitive thrown": () => assert.throws(boom(2), TypeError),
  "class, matching": () => assert.throws(boom(1), RangeError),
  "arrow validator": () => assert.throws(boom(1), (e: unknown) => e instanceof TypeError),
  "named validator": () => assert.throws(boom(1), function isType(e: unknown) { return e instanceof TypeError; }),
  "validator passes": () => assert.throws(boom(1), (e: unknown) => e instanceof RangeError),
  "validator sees this": () => assert.throws(boom(1), function (this: unknown) { return this !== undefined && Object.getPrototypeOf(this) === Object.prototype; }),
  "object": () => assert.throws(boom(1), { message: "y" }),
  "regexp": () => assert.throws(boom(1), /x/),
  "doesNotThrow, tolerated class": () => assert.doesNotThrow(boom(1), RangeError),
  "doesNotThrow, other class": () => assert.doesNotThrow(boom(1), TypeError),
  "doesNotThrow, validator": () => assert.doesNotThrow(boom(1), (e: unknown) => e instanceof RangeError),
};`;
  const code =
    'export function add(a: number, b: number): number { if (a === 1) throw new RangeError("x"); throw 5; }';
  const names = [...tests.matchAll(/^ {2}"([^"]+)":/gm)].map((m) => m[1]);
  assert.equal(names.length, 12);
  const j: SandboxJob = {
    code,
    testsSource: tests,
    cases: names.map((name) => ({ name, kind: "core", tags: [] })),
    entry: "add",
  };
  const pool = createPool({ size: 1, isolation });
  try {
    const [strict, pooled] = await Promise.all([runSample(j, { isolation }), pool.run(j)]);
    assert.deepEqual(pool.stats().pooled, 1);
    const view = (r: SandboxResult) => r.cases.map((c) => `${c.name}: ${c.status} ${c.message}`);
    assert.deepEqual(view(pooled), view(strict));
    assert.deepEqual(strict.cases.map((c) => c.status), [
      "fail",
      "fail",
      "pass",
      "fail",
      "fail",
      "pass",
      "pass",
      "fail",
      "pass",
      "fail",
      "error",
      "fail",
    ]);
  } finally {
    await pool.close();
  }
});
