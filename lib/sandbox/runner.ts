/**
 * The in-sandbox test runner. This file is copied into every job folder and
 * run with no permissions; it is not imported by the rest of assay.
 *
 * Protocol: the parent writes one JSON line on stdin, `{"nonce": "…",
 * "cases": ["name", …]}`, then closes stdin. The runner captures everything it
 * relies on (the stdout writer, JSON, the clock, exit, the promise machinery)
 * and freezes `node:assert` before the candidate's code loads, imports
 * `./tests.ts` (which imports `./solution.ts`), runs each declared case in
 * order, saying when each starts, and reports each on stdout as a line `<nonce> <json>`, then
 * `done` from a macrotask (the module settled: see settle.ts). The nonce never
 * leaves this module's closure, so the code under test cannot imitate a
 * report; a case that never reports is "missing".
 *
 * The candidate shares this realm, so after it loads the runner touches no
 * global it could have replaced: no `await` on a promise the candidate may
 * have reached (an `await` looks up `constructor` and `then`), report records
 * without a prototype (no inherited `toJSON`), and the cases come from a frozen
 * snapshot taken by the trailer deno.ts appends to `tests.ts`, before any code
 * of the candidate can run again (a candidate can import `./tests.ts` itself).
 *
 * @module
 */

import assertLoose from "node:assert";
import assertStrict from "node:assert/strict";
import { isNativeError, isPromise } from "node:util/types";
import { builtinRoots, tamperedMessage, watchBuiltins } from "./builtin_watch.ts";

const stdoutWrite = Deno.stdout.writeSync.bind(Deno.stdout);
const stdinRead = Deno.stdin.read.bind(Deno.stdin);
const exit = Deno.exit.bind(Deno);
const stringify = JSON.stringify;
const parse = JSON.parse;
const now = performance.now.bind(performance);
const encode = TextEncoder.prototype.encode.bind(new TextEncoder());
const decode = TextDecoder.prototype.decode.bind(new TextDecoder());
const enqueue = queueMicrotask;
const later = setTimeout;
const StringCtor = String;
const PromiseCtor = Promise;
const PromiseThen = Promise.prototype.then;
const ReflectApply = Reflect.apply;
const ReflectGet = Reflect.get;
const ObjectHasOwn = Object.hasOwn;
const ObjectCreate = Object.create;
const ObjectDefineProperty = Object.defineProperty;
const ObjectFreeze = Object.freeze;
/** Exit code when a report cannot be written (stdout closed). */
const REPORT_LOST = 3;

// The tests and the candidate share one instance of node:assert: freeze it so
// the candidate cannot turn `assert.equal` into a no-op.
ObjectFreeze(assertLoose);
ObjectFreeze(assertStrict);
ObjectFreeze(assertLoose.strict);

const tampered = watchBuiltins(builtinRoots());

async function readConfig(): Promise<{ nonce: string; cases: string[] }> {
  const chunks: Uint8Array[] = [];
  const buf = new Uint8Array(65536);
  let total = 0;
  for (;;) {
    const n = await stdinRead(buf);
    if (n === null) break;
    chunks.push(buf.slice(0, n));
    total += n;
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    all.set(c, offset);
    offset += c.length;
  }
  return parse(decode(all));
}

/**
 * A thrown value is an assertion failure ("fail") only when it is a genuine
 * Error object named AssertionError or coded ERR_ASSERTION; anything else,
 * including a look-alike plain object, is an "error".
 */
function describe(error: unknown): { assertion: boolean; message: string } {
  try {
    if (error !== null && (typeof error === "object" || typeof error === "function")) {
      const genuine = isNativeError(error);
      const name = StringCtor(ReflectGet(error, "name") ?? "Error");
      const message = StringCtor(ReflectGet(error, "message") ?? "");
      const code = ReflectGet(error, "code");
      return {
        assertion: genuine && (name === "AssertionError" || code === "ERR_ASSERTION"),
        message: genuine ? `${name}: ${message}` : `thrown non-Error object: ${name}: ${message}`,
      };
    }
    return { assertion: false, message: `thrown non-Error value: ${StringCtor(error)}` };
  } catch {
    return { assertion: false, message: "thrown value could not be described" };
  }
}

// A stray rejection in the candidate's code must not end the run: the case that
// awaited it has already reported, and later cases still deserve a verdict.
globalThis.addEventListener("unhandledrejection", (event) => event.preventDefault());

const config = await readConfig();
const nonce = config.nonce;
const names = config.cases;

/**
 * One protocol line; the record has no prototype, so no inherited `toJSON` can
 * rewrite it. If stdout is gone (the candidate closed it), stop at once: the
 * cases left are "missing".
 */
const report = (
  type: string,
  fields: { name?: string; status?: string; message?: string; ms?: number } = {},
) => {
  const record = { __proto__: null, type, ...fields };
  try {
    stdoutWrite(encode(`\n${nonce} ${stringify(record)}\n`));
  } catch {
    exit(REPORT_LOST);
  }
};

/**
 * Called by the trailer of tests.ts right after its body: a frozen,
 * prototype-less copy of the declared cases, taken before the candidate can
 * run again. Anyone may call it; only the copy tests.ts exports is used.
 */
function seal(namespace: unknown): Readonly<Record<string, unknown>> | null {
  const cases = ReflectGet(namespace as object, "cases");
  if (cases === null || typeof cases !== "object") return null;
  const snapshot: Record<string, unknown> = ObjectCreate(null);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (ObjectHasOwn(cases, name)) snapshot[name] = ReflectGet(cases, name);
  }
  return ObjectFreeze(snapshot);
}
ObjectDefineProperty(globalThis, "__assaySeal", { value: seal });

let cases: Readonly<Record<string, unknown>>;
try {
  // Safe to await: the promise is checked before any candidate code runs.
  const mod = await import("./tests.ts");
  const sealed = mod.__assayCases;
  if (sealed === null || typeof sealed !== "object") {
    throw new TypeError("tests.ts does not export `cases`");
  }
  cases = sealed;
} catch (error) {
  report("load_error", { message: describe(error).message });
  exit(0);
  throw error; // unreachable: exit() does not return
}

/**
 * Settle what a case returned without `await`: a native promise gets an own
 * `constructor: undefined` (so `then` consults no species) and the captured
 * `then`; any other value is resolved by a fresh promise, as `await` would.
 */
function settle(result: unknown, onPass: () => void, onThrow: (error: unknown) => void): void {
  const promise = isPromise(result)
    ? result
    : new PromiseCtor<unknown>((resolve) => resolve(result));
  ObjectDefineProperty(promise, "constructor", { value: undefined });
  ReflectApply(PromiseThen, promise, [onPass, onThrow]);
}

let index = 0;
function runNext(): void {
  if (index >= names.length) {
    // A module must settle (settle.ts): `done` comes from a macrotask, which runs only once the
    // microtask queue is empty and no loop holds the thread; the parent stops a run still busy
    // SETTLE_GRACE_MS after the last case reported.
    later(() => {
      report("done");
      exit(0);
    }, 0);
    return;
  }
  const name = names[index++];
  // The parent times each case from this line (per-case limits, lib/sandbox/case_limits.ts).
  report("start", { name });
  const started = now();
  const fn = ObjectHasOwn(cases, name) ? cases[name] : undefined;
  if (typeof fn !== "function") {
    report("case", {
      name,
      status: "error",
      message: `test case "${name}" is not defined in tests.ts`,
      ms: 0,
    });
    enqueue(runNext);
    return;
  }
  let finished = false;
  const finish = (failed: boolean, error?: unknown) => {
    if (finished) return;
    finished = true;
    if (failed) {
      const { assertion, message } = describe(error);
      report("case", { name, status: assertion ? "fail" : "error", message, ms: now() - started });
    } else {
      const changed = tampered();
      if (changed === null) {
        report("case", { name, status: "pass", message: "", ms: now() - started });
      } else {report("case", {
          name,
          status: "error",
          message: tamperedMessage(changed),
          ms: now() - started,
        });}
    }
    enqueue(runNext);
  };
  try {
    settle(fn(), () => finish(false), (error) => finish(true, error));
  } catch (error) {
    finish(true, error);
  }
}
runNext();
