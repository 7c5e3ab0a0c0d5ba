/**
 * Hostile programs that try to exhaust time, memory, threads or output, or to
 * hang or outlive the run. Each must end within its limit with the right
 * outcome, and leave no process behind (checked by runHostile).
 */
import assert from "node:assert/strict";
import { assertVerdict, CORRECT, hostile, runHostile } from "./hostile_helpers.ts";

const TIMEOUT = 1500;
const TIMED_OUT = /^timeout: exceeded 1500 ms/;
const MISSING = ["missing", "missing"] as const;
/** The first case was running when the sample's time ran out; the second never started. */
const STOPPED = ["timeout", "missing"] as const;

/** A sync `add` whose body is `body`. */
const body = (code: string) =>
  `export function add(a: number, b: number): number {\n  ${code}\n  return a + b;\n}`;

/** `(func (export "f") (loop br 0))`: a WebAssembly loop that never yields. */
const WASM_LOOP = [
  0,
  97,
  115,
  109,
  1,
  0,
  0,
  0,
  1,
  4,
  1,
  96,
  0,
  0,
  3,
  2,
  1,
  0,
  7,
  5,
  1,
  1,
  102,
  0,
  0,
  10,
  9,
  1,
  7,
  0,
  3,
  64,
  12,
  0,
  11,
  11,
];

hostile("kills an infinite loop at the top level", async () => {
  const run = await runHostile(() => `while (true) {}\n${CORRECT}`, { timeoutMs: TIMEOUT });
  assertVerdict(run, "timeout", [...MISSING], TIMED_OUT);
});

hostile("kills an infinite loop in the function", async () => {
  const run = await runHostile(() => body("for (;;) {}"), { timeoutMs: TIMEOUT });
  assertVerdict(run, "timeout", [...STOPPED], TIMED_OUT);
});

hostile("kills a microtask loop that starves the event loop", async () => {
  const run = await runHostile(
    () =>
      `export async function add(a: number, b: number): Promise<number> {
  // queueMicrotask, not a promise chain: pending promises would grow toward the heap cap, and
  // whether that or the time limit comes first would depend on the machine.
  const spin = (): void => queueMicrotask(spin);
  spin();
  await new Promise((resolve) => setTimeout(resolve, 1));
  return a + b;
}`,
    { timeoutMs: TIMEOUT },
  );
  assertVerdict(run, "timeout", [...STOPPED], TIMED_OUT);
});

hostile("kills a WebAssembly loop", async () => {
  const run = await runHostile(
    () =>
      `const wasm = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(${
        JSON.stringify(WASM_LOOP)
      })));\n${body("(wasm.exports.f as () => void)();")}`,
    { timeoutMs: TIMEOUT },
  );
  assertVerdict(run, "timeout", [...STOPPED], TIMED_OUT);
});

hostile("kills a ReDoS regular expression", async () => {
  const run = await runHostile(() => body(`if (/^(a+)+$/.test("a".repeat(40) + "b")) return 0;`), {
    timeoutMs: TIMEOUT,
  });
  assertVerdict(run, "timeout", [...STOPPED], TIMED_OUT);
});

hostile("kills Atomics.wait on a SharedArrayBuffer forever", async () => {
  const run = await runHostile(
    () => body("Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);"),
    { timeoutMs: TIMEOUT },
  );
  assertVerdict(run, "timeout", [...STOPPED], TIMED_OUT);
});

hostile("stops a heap bomb at the heap cap", async () => {
  const run = await runHostile(
    () => body("const xs: number[][] = []; for (;;) xs.push(new Array(100_000).fill(a));"),
    // Near the cap V8 collects again and again: give it time to give up on a busy machine.
    { heapMb: 64, timeoutMs: 8000 },
  );
  assertVerdict(run, "memory_limit", [...MISSING], /^memory_limit: JavaScript heap limit/);
});

hostile("stops an ArrayBuffer bomb at the data cap", async () => {
  // 32 x 64 MiB = 2 GiB of buffers, which the heap cap does not count.
  const run = await runHostile(() =>
    body(
      "const keep: ArrayBuffer[] = []; for (let i = 0; i < 32; i++) keep.push(new ArrayBuffer(64 << 20));",
    ), { dataMb: 768 });
  assertVerdict(run, "completed", ["error", "error"], /RangeError: Array buffer allocation failed/);
});

hostile("stops a worker bomb at the data cap", async () => {
  const run = await runHostile(
    () =>
      `const src = URL.createObjectURL(new Blob(["const a = []; for (;;) a.push(new Array(1000).fill(0));"]));
${body("for (let i = 0; i < 10_000; i++) new Worker(src, { type: 'module' });")}`,
    {
      dataMb: 1536,
      heapMb: 128,
    },
  );
  assertVerdict(run, "memory_limit", [...MISSING], /^memory_limit: process memory limit/);
});

hostile("reports a stack overflow as a case error", async () => {
  const run = await runHostile(() =>
    body("const deep = (n: number): number => deep(n + 1) + 1; deep(0);")
  );
  assertVerdict(run, "completed", ["error", "error"], /RangeError: Maximum call stack size/);
});

hostile("kills a stdout flood at the output cap", async () => {
  const run = await runHostile(() => body("for (;;) console.log('x'.repeat(1000));"), {
    outputCapBytes: 100_000,
  });
  assertVerdict(run, "output_limit", [...MISSING], /^output_limit/);
});

hostile("kills a stderr flood at the output cap", async () => {
  const run = await runHostile(() => body("for (;;) console.error('x'.repeat(1000));"), {
    outputCapBytes: 100_000,
  });
  assertVerdict(run, "output_limit", [...MISSING], /^output_limit/);
});

hostile("does not hang on a blocking read of stdin", async () => {
  const run = await runHostile(() =>
    body(`const buf = new Uint8Array(16);
  if (Deno.stdin.readSync(buf) !== null || prompt("?") !== null) return 0;`)
  );
  // A read that blocked would have ended in "timeout": stdin is at its end.
  assertVerdict(run, "completed", ["pass", "pass"]);
});

hostile("ends a run kept alive by setInterval once the cases are done", async () => {
  const run = await runHostile(() => `setInterval(() => {}, 5);\n${CORRECT}`, { timeoutMs: 5000 });
  assertVerdict(run, "completed", ["pass", "pass"]);
  assert.ok(run.ms < 3000, `took ${Math.round(run.ms)} ms: the timer held the process`);
});

hostile("keeps reporting after a late unhandled rejection", async () => {
  const run = await runHostile(() =>
    `export async function add(a: number, b: number): Promise<number> {
  setTimeout(() => Promise.reject(new Error("late")), 0);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return a + b;
}`
  );
  assertVerdict(run, "completed", ["pass", "pass"]);
});
