/**
 * The in-sandbox test runner. This file is copied into every job folder as `runner.js` (with
 * case_protocol.ts, the case-verdict protocol it shares with the warm pool, inlined, and its
 * types blanked out: lib/sandbox/inside_sources.ts) and run with no permissions; it is not
 * imported by the rest of assay.
 *
 * Protocol: the parent writes one JSON line on stdin, `{"nonce": "…",
 * "cases": ["name", …]}`, then closes stdin. The runner captures everything it
 * relies on (the stdout writer, JSON, the clock, exit, the promise machinery)
 * and freezes `node:assert` before the candidate's code loads, imports
 * `./tests.ts` (which imports `./solution.ts`), runs each declared case in
 * order, saying when each starts, and reports each on stdout as a line `<nonce> <json>`, then
 * `done` from a macrotask (the module settled: see lib/sandbox/settle.ts). The nonce never
 * leaves this module's closure, so the code under test cannot imitate a
 * report; a case that never reports is "missing".
 *
 * The candidate shares this realm, so after it loads the runner touches no
 * global it could have replaced: no `await` on a promise the candidate may
 * have reached (an `await` looks up `constructor` and `then`), report records
 * without a prototype (no inherited `toJSON`), and the cases come from a frozen
 * snapshot taken by the trailer (lib/sandbox/tests_trailer.ts) appended to `tests.ts`, before any code
 * of the candidate can run again (a candidate can import `./tests.ts` itself).
 *
 * @module
 */

import assertLoose from "node:assert";
import assertStrict from "node:assert/strict";
import { isNativeError, isPromise } from "node:util/types";
import { builtinRoots, tamperedMessage, watchBuiltins } from "./builtin_watch.ts";
import { caseProtocol } from "./case_protocol.ts";

const stdoutWrite = Deno.stdout.writeSync.bind(Deno.stdout);
const stdinRead = Deno.stdin.readSync.bind(Deno.stdin);
const exit = Deno.exit.bind(Deno);
const stringify = JSON.stringify;
const parse = JSON.parse;
const now = performance.now.bind(performance);
const encode = TextEncoder.prototype.encode.bind(new TextEncoder());
const decode = TextDecoder.prototype.decode.bind(new TextDecoder());
const enqueue = queueMicrotask;
/**
 * A macrotask: Deno's own timer queue, the one the global `setTimeout` feeds (same lists, same
 * order), called directly where the runtime exposes it. The global is a lazy getter that loads
 * Node's timers module and its dependencies on first use (~2-5 ms of every sample here); the
 * global is the fallback.
 */
const later: (callback: () => void, ms: number) => unknown = timerQueue() ?? setTimeout;
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
// The case-verdict protocol (case_protocol.ts), shared with the warm pool's prelude: it captures
// what it relies on now, before the candidate's code loads.
const protocol = caseProtocol({
  isError: isNativeError,
  isPromise,
  voidedPass: () => {
    const changed = tampered();
    return changed === null ? "" : tamperedMessage(changed);
  },
  now,
});

/** Deno's internal `createTimer`, bound now (before the candidate loads), or null. */
function timerQueue(): ((callback: () => void, ms: number) => unknown) | null {
  const ns = Deno as unknown as Record<PropertyKey, unknown>;
  const internal = typeof ns.internal === "symbol" ? ns[ns.internal] : undefined;
  const core = (internal as { core?: { createTimer?: unknown } } | undefined)?.core;
  if (typeof core?.createTimer !== "function") return null;
  const create = core.createTimer.bind(core) as (
    callback: () => void,
    ms: number,
    args: undefined,
    repeat: boolean,
    refed: boolean,
  ) => unknown;
  return (callback, ms) => create(callback, ms, undefined, false, true);
}

/**
 * The parent's config line, read to the end of stdin. Synchronously: the parent writes it as soon
 * as the process starts, and there is nothing else to do meanwhile (an asynchronous read waits a
 * turn of the event loop, sometimes milliseconds).
 */
function readConfig(): { nonce: string; cases: string[] } {
  const chunks: Uint8Array[] = [];
  const buf = new Uint8Array(65536);
  let total = 0;
  for (;;) {
    const n = stdinRead(buf);
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

// A stray rejection in the candidate's code must not end the run: the case that
// awaited it has already reported, and later cases still deserve a verdict.
globalThis.addEventListener("unhandledrejection", (event) => event.preventDefault());

const config = readConfig();
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
  return protocol.seal(names, namespace);
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
  report("load_error", { message: protocol.describe(error).message });
  exit(0);
  throw error; // unreachable: exit() does not return
}

let index = 0;
function runNext(): void {
  if (index >= names.length) {
    // A module must settle (lib/sandbox/settle.ts): `done` comes from a macrotask, which runs only once the
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
  protocol.runCase(cases, name, (status, message, ms) => {
    report("case", { name, status, message, ms });
    enqueue(runNext);
  });
}
runNext();
