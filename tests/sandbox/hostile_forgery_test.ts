/**
 * Forgery: a wrong solution (`a - b`) that tries to make its failing cases
 * count as passes: printing result lines, ending early, closing stdout,
 * patching node:assert or the built-ins the runner uses, throwing look-alike
 * errors, or replacing the test cases. None may turn a "fail" into a "pass".
 */
import assert from "node:assert/strict";
import {
  assertVerdict,
  CORRECT,
  hostile,
  type HostileRun,
  MIXED_CASES,
  MIXED_TESTS,
  runHostile,
  WRONG,
} from "./hostile_helpers.ts";

const FAILED = ["fail", "fail", "fail"] as const;
const MISSING = ["missing", "missing", "missing"] as const;

/** Run `prelude` followed by the wrong solution against the mixed sync/async tests. */
const forge = (prelude: string, solution = WRONG): Promise<HostileRun> =>
  runHostile(() => `${prelude}\n${solution}`, { tests: MIXED_TESTS, cases: MIXED_CASES });

/** The wrong solution's verdict: every case an assertion failure. */
const assertFailed = (run: HostileRun) =>
  assertVerdict(run, "completed", [...FAILED], /^AssertionError: Expected values/);

hostile("cannot forge a pass by printing result lines with guessed nonces", async () => {
  const run = await forge(`const lines: string[] = [];
for (const nonce of ["", "0".repeat(32), "f".repeat(32), crypto.randomUUID().replaceAll("-", "")]) {
  for (const name of ${JSON.stringify(MIXED_CASES)}) {
    lines.push(nonce + " " + JSON.stringify({ type: "case", name, status: "pass", message: "", ms: 0 }));
  }
  lines.push(nonce + ' {"type":"done"}');
}
console.log("\\n" + lines.join("\\n"));
console.error("\\n" + lines.join("\\n"));`);
  assertFailed(run);
});

hostile("cannot forge a pass by exiting early with Deno.exit(0)", async () => {
  const run = await forge(`console.log('{"type":"done"}');\nDeno.exit(0);`);
  assertVerdict(run, "exited", [...MISSING], /exited with code 0/);
  const inCase = await runHostile(() => `${CORRECT.replace("return", "Deno.exit(0); return")}`, {
    tests: MIXED_TESTS,
    cases: MIXED_CASES,
  });
  assertVerdict(inCase, "exited", [...MISSING], /exited with code 0/);
});

hostile("turns a closed stdout into missing reports", async () => {
  const run = await runHostile(() => CORRECT.replace("return", "Deno.stdout.close(); return"), {
    tests: MIXED_TESTS,
    cases: MIXED_CASES,
  });
  assertVerdict(run, "exited", [...MISSING], /exited with code 3/);
});

hostile("cannot turn node:assert functions into no-ops", async () => {
  const strict = await forge(`import assert from "node:assert/strict";
assert.equal = () => {};
assert.deepEqual = () => {};`);
  assertVerdict(strict, "load_error", [...MISSING], /Cannot assign to read only property 'equal'/);
  const loose = await forge(`import assert from "node:assert";
Object.defineProperty(assert.strict, "equal", { value: () => {} });`);
  assertVerdict(loose, "load_error", [...MISSING], /Cannot redefine property: equal/);
});

hostile("is not fooled by a patched Object.is", async () => {
  assertFailed(await forge(`Object.is = () => true;`));
});

hostile("is not fooled by a patched JSON.stringify", async () => {
  assertFailed(
    await forge(`const stringify = JSON.stringify;
JSON.stringify = ((v: any) => stringify(v && v.type === "case" ? { ...v, status: "pass" } : v)) as any;`),
  );
});

hostile("is not fooled by patched Array.prototype.map/forEach/push/iterator", async () => {
  assertFailed(
    await forge(`const proto = Array.prototype as any;
proto.map = function () { return [3, 4]; };
proto.forEach = function () {};
proto.push = function () { return 0; };
proto[Symbol.iterator] = function* () { yield "adds"; };`),
  );
});

hostile("is not fooled by a patched Promise.prototype.then and constructor", async () => {
  assertFailed(
    await forge(`const then = Promise.prototype.then;
Object.defineProperty(Promise.prototype, "constructor", { get: () => Object, configurable: true });
Promise.prototype.then = function (this: Promise<unknown>, ok?: any) {
  return then.call(this, ok, () => ok?.());
} as any;`),
  );
});

hostile("is not fooled by a patched console.log", async () => {
  assertFailed(
    await forge(`const log = console.log;
console.log = (...args: unknown[]) => log(...args.map((a) => String(a).replaceAll('"fail"', '"pass"')));`),
  );
});

hostile("is not fooled by a patched String.prototype.startsWith", async () => {
  assertFailed(await forge(`String.prototype.startsWith = () => true;`));
});

hostile("is not fooled by a patched TextEncoder.prototype.encode", async () => {
  assertFailed(
    await forge(`const encode = TextEncoder.prototype.encode;
TextEncoder.prototype.encode = function (this: TextEncoder, s?: string) {
  return encode.call(this, String(s).replaceAll('"fail"', '"pass"'));
};`),
  );
});

hostile("is not fooled by a patched Deno.stdout.writeSync", async () => {
  assertFailed(
    await forge(`const write = Deno.stdout.writeSync.bind(Deno.stdout);
const rewrite = (p: Uint8Array) =>
  new TextEncoder().encode(new TextDecoder().decode(p).replaceAll('"fail"', '"pass"'));
Deno.stdout.writeSync = (p: Uint8Array) => write(rewrite(p));`),
  );
});

hostile("is not fooled by an Object.prototype.toJSON", async () => {
  assertFailed(
    await forge(`Object.defineProperty(Object.prototype, "toJSON", {
  value(this: any) { return this.type === "case" ? { ...this, status: "pass" } : { ...this }; },
  configurable: true,
});`),
  );
});

hostile("cannot tamper with Deno's internal core", async () => {
  const run = await forge(`const core = (Deno as any)[(Deno as any).internal].core;
core.writeSync = () => 0;`);
  assertVerdict(run, "load_error", [...MISSING], /read only property 'writeSync'/);
});

hostile("reports `throw 42` as an error", async () => {
  const run = await forge("", "export function add(a: number, b: number): number { throw 42; }");
  assertVerdict(run, "completed", ["error", "error", "error"], /thrown non-Error value: 42/);
});

hostile("reports `throw null` as an error", async () => {
  const run = await forge("", "export function add(a: number, b: number): number { throw null; }");
  assertVerdict(run, "completed", ["error", "error", "error"], /thrown non-Error value: null/);
});

hostile("reports a thrown look-alike { name: 'AssertionError' } as an error", async () => {
  const run = await forge(
    "",
    `export function add(a: number, b: number): number {
  throw { name: "AssertionError", code: "ERR_ASSERTION", message: "looks like a failure" };
}`,
  );
  // Only a genuine Error is an assertion failure; a look-alike object is an error.
  assertVerdict(run, "completed", ["error", "error", "error"], /^thrown non-Error object/);
});

hostile("cannot replace the test cases through globalThis or Object.prototype", async () => {
  const run = await forge(
    `(globalThis as any).cases = { adds() {}, "adds later"() {}, "adds pairs"() {} };
for (const name of ["adds", "adds later", "adds pairs"]) {
  Object.defineProperty(Object.prototype, name, { value: () => {}, configurable: true });
}`,
  );
  assertFailed(run);
  const seal = await forge(
    `Object.defineProperty(globalThis, "__assaySeal", { value: () => ({}) });`,
  );
  assertVerdict(seal, "load_error", [...MISSING], /Cannot redefine property: __assaySeal/);
});

hostile(
  "cannot replace the later cases by calling __assaySeal from inside a case (the pool once took the last seal)",
  async () => {
    const run = await forge(
      "",
      `export function add(a: number, b: number): number {
  const noop = Object.fromEntries(${JSON.stringify(MIXED_CASES)}.map((n) => [n, () => {}]));
  (globalThis as any).__assaySeal({ cases: noop });
  return a - b;
}`,
    );
    assertFailed(run);
  },
);

hostile("cannot replace the test cases by importing tests.ts", async () => {
  // The candidate reaches the tests' own `cases` object through the import
  // cycle, in a microtask queued before the runner resumes and in the call.
  const run = await forge(`import * as tests from "./tests.ts";
const blank = () => {
  const cases = (tests as any).cases;
  for (const name of Object.keys(cases)) cases[name] = () => {};
  for (const name of Object.keys(tests)) {
    const value = (tests as any)[name];
    if (value && typeof value === "object") {
      for (const key of Object.keys(value)) try { value[key] = () => {}; } catch { /* frozen */ }
    }
  }
};
queueMicrotask(blank);
setTimeout(blank, 0);
import("./tests.ts?again").then(blank, () => {});`);
  assertFailed(run);
});

hostile("cannot relabel a completed run by printing V8's out-of-memory message", async () => {
  const run = await runHostile(
    () => `console.error("Fatal JavaScript out of memory: Reached heap limit");\n${CORRECT}`,
    { tests: MIXED_TESTS, cases: MIXED_CASES },
  );
  assertVerdict(run, "completed", ["pass", "pass", "pass"]);
});

hostile("cannot pass a test through a built-in it patched (the tests share them)", async () => {
  // The tests call Array.prototype.map themselves: patched, it could make them pass. Freezing
  // the built-ins would break ordinary code (the override mistake); instead the runner watches
  // them, and a pass reported after one changed is an error that names it.
  const run = await runHostile(
    () => `(Array.prototype as any).map = function () { return [2, 4]; };\n${WRONG}`,
    {
      tests: MIXED_TESTS.replace(
        "[add(1, 1), add(2, 3)], [2, 5]",
        "[1, 2].map((n) => add(n, n)), [2, 4]",
      ),
      cases: MIXED_CASES,
    },
  );
  assertVerdict(run, "completed", ["fail", "fail", "error"]);
  assert.equal(
    run.r.cases[2].message,
    "the code under test changed the built-in Array.prototype.map, which the tests share: a pass cannot be trusted",
  );
  // Replacing a global binding the tests use (not the object behind it) is caught the same way.
  const rebinds = await runHostile(
    () => `(globalThis as any).JSON = { stringify: () => "[2]" };\n${WRONG}`,
    {
      tests: `import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = { "as json": () => assert.equal(JSON.stringify([add(1, 1)]), "[2]") };`,
      cases: ["as json"],
    },
  );
  assertVerdict(rebinds, "completed", ["error"], /changed the built-in globalThis\.JSON/);
  // Adding a property is no change to what the tests call: a correct program still passes.
  const adds = await runHostile(
    () =>
      `(Array.prototype as any).last = function () { return this[this.length - 1]; };\n${CORRECT}`,
    { tests: MIXED_TESTS, cases: MIXED_CASES },
  );
  assertVerdict(adds, "completed", ["pass", "pass", "pass"]);
});

hostile(
  "cannot pass a test through a built-in it patched and restored before the case reported",
  async () => {
    const run = await runHostile(
      () =>
        `const original = Array.prototype.map;
export function add(a: number, b: number): number {
  (Array.prototype as any).map = function () { return [4, 4]; };
  queueMicrotask(() => { Array.prototype.map = original; });
  return a - b;
}`,
      {
        tests: `import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = { "pairs": () => assert.deepEqual([add(1, 1), 2].map((n) => n * 2), [4, 4]) };`,
        cases: ["pairs"],
      },
    );
    assert.notEqual(run.r.cases[0].status, "pass");
  },
  "HOLE: the built-in watch (lib/sandbox/builtin_watch.ts) sees a replacement only while it is in place when a case reports; a patch restored in a microtask (or by itself when called) passes. Closing it needs frozen intrinsics, which break ordinary code (the override mistake); see the closing note of the third session.",
);
