/**
 * The warm pool's in-sandbox host. This file is copied into each host's
 * folder and run with no permissions, inside the same isolation as a strict
 * sample; it is not imported by the rest of assay.
 *
 * Protocol: the parent writes one JSON line `{"nonce": "…"}`, then one JSON
 * line per job `{"id", "solution", "tests", "files", "cases", "caseLimits",
 * "settleMs", "outputCap", "timeoutMs"}` (sources already TypeScript; the host strips the
 * types). For each job the host answers on stdout with lines `<nonce> <json>`:
 * `begin`, then `start` and `case` lines as the strict runner's, then `done`;
 * or `timeout` (naming the case that was running and whether its own limit ran
 * out), `load_error`, or `fallback` with a reason when the job needs the strict
 * runner (it never loaded, a timer threw, output passed the cap, the event loop
 * emptied before every case finished, a microtask loop outlived its case, a
 * timer due after the cases kept running, an unsupported import); or
 * `contaminated`, after which the host exits.
 *
 * Each job runs in a fresh `node:vm` context created from a prototype-less
 * object, so the candidate gets its own intrinsics: patching `Array.prototype`
 * or `JSON` there cannot reach this host or the next job. What the context
 * needs from outside (node:assert, `isDeepStrictEqual`, is-promise and
 * is-error checks) it reaches through host functions captured in the
 * prelude's closure, which take context values and return primitives. Timers
 * and console are implemented inside the context and driven from here. After
 * every job the host compares its own intrinsics with a snapshot taken at
 * start; on any change it stops, and the parent replaces it.
 *
 * @module
 */

import vm from "node:vm";
import { stripTypeScriptTypes } from "node:module";
import assertLoose from "node:assert";
import assertStrict from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { isNativeError, isPromise } from "node:util/types";
import { builtinRoots, tamperedMessage, watchBuiltins } from "./builtin_watch.ts";

const stdoutWrite = Deno.stdout.writeSync.bind(Deno.stdout);
const stdinRead = Deno.stdin.read.bind(Deno.stdin);
const exit = Deno.exit.bind(Deno);
const stringify = JSON.stringify;
const parse = JSON.parse;
const encode = TextEncoder.prototype.encode.bind(new TextEncoder());
const decoder = new TextDecoder();
const decode = (b: Uint8Array, stream: boolean) => decoder.decode(b, { stream });
const now = performance.now.bind(performance);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const HostError = Error;
const StringCtor = String;
const ReflectGet = Reflect.get;
const ReflectApply = Reflect.apply;
const PromiseThen = Promise.prototype.then;
const ReflectOwnKeys = Reflect.ownKeys;
const ObjectGetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
const ObjectFreeze = Object.freeze;
const ObjectIs = Object.is;
/** Exit code: the host's own intrinsics changed (a job reached this realm). */
const CONTAMINATED = 4;
/** Exit code: a job's console output passed the cap. */
const OVERFLOW = 5;

ObjectFreeze(assertLoose);
ObjectFreeze(assertStrict);
ObjectFreeze(assertLoose.strict);

globalThis.addEventListener("unhandledrejection", (event) => event.preventDefault());

// ---------------------------------------------------------------------------
// Integrity: the intrinsics this host and node:assert rely on.
const WATCHED: object[] = [
  globalThis,
  Deno,
  Object,
  Object.prototype,
  Function.prototype,
  Array,
  Array.prototype,
  String.prototype,
  Number.prototype,
  Promise,
  Promise.prototype,
  JSON,
  Reflect,
  Math,
  Map.prototype,
  Set.prototype,
  WeakMap.prototype,
  RegExp.prototype,
  Error,
  Error.prototype,
  Symbol,
  Date.prototype,
];
function snapshot(): unknown[] {
  const out: unknown[] = [];
  for (const target of WATCHED) {
    for (const key of ReflectOwnKeys(target)) {
      const d = ObjectGetOwnPropertyDescriptor(target, key)!;
      out.push(key, d.value, d.get, d.set, d.writable, d.configurable);
    }
  }
  return out;
}
// Not frozen: node's errors assign `name` on instances, which a frozen Error.prototype forbids
// (the "override mistake"). A change is detected after the job instead, and the host replaced.
const pristine = snapshot();
/** The first intrinsic found changed since start (its key), or null when all are intact. */
function changed(): string | null {
  const current = snapshot();
  const n = Math.max(current.length, pristine.length);
  for (let i = 0; i < n; i++) {
    if (!ObjectIs(current[i], pristine[i])) {
      return StringCtor(current[i - (i % 6)] ?? pristine[i - (i % 6)]);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// The prelude runs inside each context before any job code. It must be
// self-contained JavaScript: it is compiled from its own source text.

/** What the prelude returns to the host (context functions, called directly). */
interface PreludeApi {
  seal: (names: string) => void;
  arm: (token: string, index: number) => void;
  state: (token: string, index: number) => string | null;
  /** True once the case's function returned (or threw): its synchronous part is over. */
  returned: (token: string, index: number) => boolean;
  fire: (token: string) => number;
  nextDue: (token: string) => number;
  outBytes: (token: string) => number;
  modules: (token: string) => Record<string, Record<string, unknown>>;
}

function prelude(
  host: {
    assert: (mode: string, name: string, args: unknown[]) => string;
    isPromise: (v: unknown) => boolean;
    isError: (v: unknown) => boolean;
    overflow: () => void;
    tampered: () => string;
  },
  token: string,
  outputCap: number,
): PreludeApi {
  "use strict";
  const G = globalThis;
  const hostAssert = host.assert;
  const hostOverflow = host.overflow;
  const hostIsPromise = host.isPromise;
  const hostIsError = host.isError;
  const ObjectFreeze = Object.freeze;
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectHasOwn = Object.hasOwn;
  const ReflectApply = Reflect.apply;
  const ReflectGet = Reflect.get;
  const StringCtor = String;
  const PromiseCtor = Promise;
  const PromiseThen = Promise.prototype.then;
  const PromiseResolve = Promise.resolve;
  const resolved = (value?: unknown) => ReflectApply(PromiseResolve, PromiseCtor, [value]);
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const DateNow = Date.now;
  const MathMax = Math.max;
  const ErrorCtor = Error;
  const ctors: Record<string, ErrorConstructor> = {
    __proto__: null,
    Error,
    TypeError,
    RangeError,
    SyntaxError,
    ReferenceError,
  } as never;
  const now = () => DateNow();

  // The built-ins the job shares with its tests: the host watches them, from a snapshot taken
  // before the job's code runs, and says why a pass is void ("" when it stands).
  const voidedPass = host.tampered;

  // console: formats like a plain `String`/JSON and only counts bytes (the parent's cap).
  let outBytes = 0;
  const format = (v: unknown): string => {
    try {
      if (typeof v === "string") return v;
      if (v === null || (typeof v !== "object" && typeof v !== "function")) return StringCtor(v);
      const json = stringify(v);
      return json === undefined ? "[object]" : json;
    } catch {
      return "[object]";
    }
  };
  const write = function (...args: unknown[]) {
    let n = 1;
    for (let i = 0; i < args.length; i++) n += format(args[i]).length + 1;
    outBytes += n;
    // Past the cap the host exits at once (even inside a busy loop): the strict runner redoes it.
    if (outBytes > outputCap) hostOverflow();
  };
  const consoleObject = ObjectCreate(null);
  const methods = [
    "log",
    "info",
    "warn",
    "error",
    "debug",
    "trace",
    "dir",
    "dirxml",
    "table",
    "time",
    "timeEnd",
    "timeLog",
    "group",
    "groupCollapsed",
    "groupEnd",
    "count",
    "countReset",
    "assert",
    "clear",
  ];
  for (let i = 0; i < methods.length; i++) consoleObject[methods[i]] = write;
  ObjectDefineProperty(G, "console", { value: consoleObject, writable: true, configurable: true });

  // Timers: kept here, fired when the host calls `fire`.
  interface Timer {
    cb: unknown;
    args: unknown[];
    due: number;
    every: number;
  }
  // A prototype-less record, not a Map: the job can patch Map.prototype in this realm.
  const timers: Record<number, Timer> = ObjectCreate(null);
  let nextId = 1;
  let uncaught = false;
  const schedule = (every: boolean) =>
    function (cb: unknown, ms?: unknown, ...args: unknown[]) {
      const delay = MathMax(0, Number(ms) || 0);
      const id = nextId++;
      timers[id] = { cb, args, due: now() + delay, every: every ? MathMax(1, delay) : -1 };
      return id;
    };
  const cancel = function (id: unknown) {
    delete timers[Number(id)];
  };
  const define = (name: string, value: unknown) =>
    ObjectDefineProperty(G, name, { value, writable: true, configurable: true });
  define("setTimeout", schedule(false));
  define("setInterval", schedule(true));
  define("clearTimeout", cancel);
  define("clearInterval", cancel);
  define("queueMicrotask", function (cb: () => void) {
    ReflectApply(PromiseThen, resolved(), [() => {
      try {
        cb();
      } catch {
        uncaught = true;
      }
    }]);
  });

  // node:assert: the host's functions, called with this context's values; host
  // assertion errors come back as primitives and are rethrown as errors of this realm.
  const throwFrom = (reply: string) => {
    if (reply === "ok") return;
    const cut = reply.indexOf("\u0000");
    const name = reply.slice(1, cut);
    const message = reply.slice(cut + 1);
    if (reply[0] === "A") {
      const error = new ErrorCtor(message);
      ObjectDefineProperty(error, "name", {
        value: "AssertionError",
        writable: true,
        configurable: true,
      });
      ObjectDefineProperty(error, "code", {
        value: "ERR_ASSERTION",
        writable: true,
        configurable: true,
      });
      throw error;
    }
    const Ctor = ctors[name] ?? ErrorCtor;
    throw new Ctor(message);
  };
  const NAMES = [
    "ok",
    "equal",
    "notEqual",
    "strictEqual",
    "notStrictEqual",
    "deepEqual",
    "notDeepEqual",
    "deepStrictEqual",
    "notDeepStrictEqual",
    "throws",
    "doesNotThrow",
    "match",
    "doesNotMatch",
    "fail",
    "ifError",
  ];
  // node:assert calls a validation function as `ReflectApply(fn, {}, [error])`: that `{}` is
  // the host's, and its constructor the host's Function. The host gets a wrapper instead that
  // does the class check and the call here, with an object of this realm.
  const ObjectIsPrototypeOf = Object.prototype.isPrototypeOf;
  const guard = (validator: unknown, throwsMode: boolean) => {
    if (typeof validator !== "function") return validator;
    const check = validator as (this: unknown, actual: unknown) => unknown;
    const wrapper = function (actual: unknown) {
      if (check.prototype !== undefined && actual instanceof check) return true;
      if (ReflectApply(ObjectIsPrototypeOf, ErrorCtor, [check])) {
        // doesNotThrow: not the error it tolerates (node rethrows the error itself).
        if (!throwsMode) return false;
        // throws: node:assert's wording for a class that does not match.
        const expected = StringCtor(check.name);
        let message = `The error is expected to be an instance of "${expected}". Received `;
        if (hostIsError(actual)) {
          const e = actual as {
            constructor?: { name?: unknown };
            name?: unknown;
            message?: unknown;
          };
          const name = StringCtor(e.constructor?.name || e.name);
          message += expected === name
            ? "an error with identical name but a different prototype."
            : `"${name}"`;
          if (e.message) message += `\n\nError message:\n\n${StringCtor(e.message)}`;
        } else {
          message += `"${typeof actual === "string" ? `'${actual}'` : StringCtor(actual)}"`;
        }
        const error = new ErrorCtor(message);
        ObjectDefineProperty(error, "name", { value: "AssertionError", configurable: true });
        ObjectDefineProperty(error, "code", { value: "ERR_ASSERTION", configurable: true });
        throw error;
      }
      return ReflectApply(check, {}, [actual]);
    };
    ObjectDefineProperty(wrapper, "name", { value: check.name });
    wrapper.prototype = undefined;
    return wrapper;
  };
  const makeAssert = (mode: string) => {
    const call = (name: string, given: unknown[]) => {
      let args = given;
      if ((name === "throws" || name === "doesNotThrow") && typeof given[1] === "function") {
        args = [given[0], guard(given[1], name === "throws")];
        for (let i = 2; i < given.length; i++) args[i] = given[i];
      }
      const reply = hostAssert(mode, name, args);
      if (reply[0] === "B") return reply === "Btrue";
      throwFrom(reply);
      return undefined;
    };
    const assert = function (...args: unknown[]) {
      call("ok", args);
    } as unknown as Record<string, unknown>;
    for (let i = 0; i < NAMES.length; i++) {
      const name = NAMES[i];
      assert[name] = function (...args: unknown[]) {
        call(name, args);
      };
    }
    const rejects = (expectRejection: boolean) =>
      function (promiseOrFn: unknown, ...rest: unknown[]) {
        return new PromiseCtor<void>((resolve, reject) => {
          let p: unknown;
          try {
            p = typeof promiseOrFn === "function" ? (promiseOrFn as () => unknown)() : promiseOrFn;
          } catch (error) {
            reject(error);
            return;
          }
          const onValue = () => {
            if (!expectRejection) return resolve();
            try {
              throwFrom(`A\u0000Missing expected rejection.`);
            } catch (error) {
              reject(error);
            }
          };
          const onError = (error: unknown) => {
            try {
              call(expectRejection ? "throws" : "doesNotThrow", [() => {
                throw error;
              }, ...rest]);
              resolve();
            } catch (e) {
              reject(e);
            }
          };
          ReflectApply(PromiseThen, resolved(p), [onValue, onError]);
        });
      };
    assert.rejects = rejects(true);
    assert.doesNotReject = rejects(false);
    assert.AssertionError = class AssertionError extends ErrorCtor {
      code = "ERR_ASSERTION";
      constructor(options: { message?: string } = {}) {
        super(options?.message ?? "Failed");
        this.name = "AssertionError";
      }
    };
    return assert;
  };
  const loose = makeAssert("loose");
  const strict = makeAssert("strict");
  loose.strict = strict;
  strict.strict = strict;
  ObjectFreeze(loose);
  ObjectFreeze(strict);
  const util = ObjectCreate(null);
  util.isDeepStrictEqual = function (a: unknown, b: unknown) {
    return hostAssert("util", "isDeepStrictEqual", [a, b]) === "Btrue";
  };
  ObjectFreeze(util);

  // The cases: sealed right after the tests' body (see the trailer), run in order.
  let names: string[] = [];
  let sealed: Record<string, unknown> | null = null;
  const results: Record<number, string | null> = ObjectCreate(null);
  /** The last case whose function returned (see PreludeApi.returned). */
  let returned = -1;
  const seal = function (namespace: unknown) {
    const cases = ReflectGet(namespace as object, "cases");
    if (cases === null || typeof cases !== "object") return null;
    const snapshot: Record<string, unknown> = ObjectCreate(null);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (ObjectHasOwn(cases, name)) snapshot[name] = ReflectGet(cases, name);
    }
    sealed = ObjectFreeze(snapshot);
    return sealed;
  };
  ObjectDefineProperty(G, "__assaySeal", { value: seal });

  const describe = (error: unknown): { assertion: boolean; message: string } => {
    try {
      if (error !== null && (typeof error === "object" || typeof error === "function")) {
        const genuine = hostIsError(error);
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
  };
  const record = (index: number, status: string, message: string, ms: number) => {
    results[index] = stringify({ __proto__: null, status, message, ms });
  };
  const settle = (result: unknown, onPass: () => void, onThrow: (error: unknown) => void) => {
    const promise = hostIsPromise(result)
      ? result as Promise<unknown>
      : new PromiseCtor<unknown>((resolve) => resolve(result));
    ObjectDefineProperty(promise, "constructor", { value: undefined });
    ReflectApply(PromiseThen, promise, [onPass, onThrow]);
  };

  const start = function (t: string, index: number) {
    if (t !== token) return;
    const name = names[index];
    const started = now();
    results[index] = null;
    const fn = sealed !== null && ObjectHasOwn(sealed, name) ? sealed[name] : undefined;
    if (typeof fn !== "function") {
      record(index, "error", `test case "${name}" is not defined in tests.ts`, 0);
      return;
    }
    let finished = false;
    const finish = (failed: boolean, error?: unknown) => {
      if (finished) return;
      finished = true;
      if (failed) {
        const { assertion, message } = describe(error);
        record(index, assertion ? "fail" : "error", message, now() - started);
      } else {
        // As the strict runner: a pass after the job changed a shared built-in is not trusted.
        const voided = voidedPass();
        record(index, voided === "" ? "pass" : "error", voided, now() - started);
      }
    };
    try {
      const result = (fn as () => unknown)();
      returned = index;
      settle(result, () => finish(false), (error) => finish(true, error));
    } catch (error) {
      returned = index;
      finish(true, error);
    }
  };
  // The host arms a case, then starts it through a script run with a timeout, so that a
  // case's synchronous loop is cut off at its limit. The global is non-writable and starts
  // nothing unless armed; the token never enters the context's code.
  // Armed with FIRE_DUE it fires the timers due instead (after the cases: see runJob).
  let armed = -1;
  ObjectDefineProperty(G, "__assayStart", {
    value: function () {
      const index = armed;
      armed = -1;
      if (index >= 0) start(token, index);
      else if (index === -2) fire();
    },
  });
  /** Fire the timers due now: how many, or -1 when one threw. */
  function fire(): number {
    const at = now();
    let fired = 0;
    for (const id in timers) {
      const timer = timers[id];
      if (timer === undefined || timer.due > at) continue;
      if (timer.every < 0) delete timers[id];
      else timer.due = at + timer.every;
      fired++;
      try {
        if (typeof timer.cb === "function") ReflectApply(timer.cb, undefined, timer.args);
      } catch {
        uncaught = true;
      }
    }
    return uncaught ? -1 : fired;
  }

  return {
    seal(list: string) {
      names = parse(list);
    },
    arm(t: string, index: number) {
      if (t === token) armed = index;
    },
    state(t: string, index: number) {
      return t === token ? (results[index] ?? null) : null;
    },
    returned(t: string, index: number) {
      return t === token && returned === index;
    },
    fire(t: string) {
      return t === token ? fire() : 0;
    },
    nextDue(t: string) {
      if (t !== token) return -1;
      if (uncaught) return -2;
      let due = Infinity;
      for (const id in timers) if (timers[id].due < due) due = timers[id].due;
      return due === Infinity ? -1 : MathMax(0, due - now());
    },
    outBytes(t: string) {
      return t === token ? outBytes : 0;
    },
    modules(t: string) {
      if (t !== token) return ObjectCreate(null);
      return {
        __proto__: null,
        "node:assert": { __proto__: null, default: loose, ...loose },
        "node:assert/strict": { __proto__: null, default: strict, ...strict },
        "node:util": { __proto__: null, isDeepStrictEqual: util.isDeepStrictEqual },
      } as never;
    },
  };
}

const PRELUDE = new vm.Script(`(${prelude.toString()})`, { filename: "assay-prelude.js" });
/** Names the context's own standard built-ins (builtin_watch.ts), before the job's code runs. */
const ROOTS = new vm.Script(`(${builtinRoots.toString()})()`, { filename: "assay-roots.js" });
/** Run under a timeout, it drains the context's microtasks (microtaskMode: afterEvaluate). */
const NOTHING = new vm.Script("0", { filename: "assay-drain.js" });

/** Host side of node:assert for a context: returns "ok", "Btrue"/"Bfalse", or an error as text. */
function hostAssert(mode: string, name: string, args: unknown[]): string {
  try {
    if (mode === "util") return isDeepStrictEqual(args[0], args[1]) ? "Btrue" : "Bfalse";
    const target = (mode === "strict" ? assertStrict : assertLoose) as unknown as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    const fn = target[name];
    if (typeof fn !== "function") return `ETypeError\u0000assert.${name} is not a function`;
    // Reflect.apply reads the arguments by index: the context's patched iterators are not used.
    ReflectApply(fn, undefined, args);
    return "ok";
  } catch (error) {
    // An error of the context's own realm (thrown by its code) goes back as is.
    if (!(error instanceof HostError)) throw error;
    const errorName = StringCtor(ReflectGet(error, "name"));
    const message = StringCtor(ReflectGet(error, "message"));
    const assertion = errorName === "AssertionError" ||
      ReflectGet(error, "code") === "ERR_ASSERTION";
    return `${assertion ? "A" : "E"}${errorName}\u0000${message}`;
  }
}

/** The current job's watch on its context's built-ins (set before the job's code runs). */
let watching: () => string | null = () => null;

const HOST = ObjectFreeze({
  assert: hostAssert,
  isPromise: (v: unknown) => isPromise(v),
  isError: (v: unknown) => isNativeError(v),
  overflow: () => exit(OVERFLOW),
  tampered: () => {
    const what = watching();
    return what === null ? "" : tamperedMessage(what);
  },
});

// ---------------------------------------------------------------------------

interface Job {
  id: number;
  solution: string;
  tests: string;
  files: Record<string, string>;
  cases: string[];
  outputCap: number;
  /** The sample's wall-clock limit for this job, ms: its code is cut off there. */
  timeoutMs: number;
  /** Each case's own limit, ms, aligned with `cases` (null: the sample's limit alone bounds it). */
  caseLimits: (number | null)[];
  /** How long the timers due after the cases may run, ms (settle.ts's SETTLE_GRACE_MS). */
  settleMs: number;
  /** Tests of the integrity check only: change an intrinsic after the job (PoolOptions.contaminateAfter). */
  contaminate?: boolean;
}

class Fallback extends Error {}
/** The job's code ran past its deadline (V8 terminated it). */
class OutOfTime extends Error {
  /** The case that was running and had not finished, if any. */
  running: string | null = null;
  /** True when the deadline was the running case's own limit, not the sample's. */
  own = false;
  /** How long the running case had run, ms. */
  ms = 0;
  /** True when the time ran out waiting for a timer (not in a loop of microtasks). */
  waiting = false;
}
/** Armed instead of a case's index, START fires the timers due (see the prelude's `__assayStart`). */
const FIRE_DUE = -2;
/** Starts the armed case (see the prelude's `__assayStart`); strict, so no frame leaks. */
const START = new vm.Script('"use strict"; __assayStart();', { filename: "assay-start.js" });

let nonce = "";
const send = (fields: Record<string, unknown>) => {
  try {
    stdoutWrite(encode(`${nonce} ${stringify(fields)}\n`));
  } catch {
    exit(3);
  }
};

/** The job does not load, exactly as the strict runner would report it (a syntax error). */
class LoadError extends Error {}

const strip = (path: string, source: string): string => {
  if (!/\.(ts|mts|tsx)$/.test(path)) return source;
  try {
    return stripTypeScriptTypes(source, { mode: "transform" });
  } catch (error) {
    const message = StringCtor((error as Error).message);
    // Deno parses with the same parser: its dynamic import of the tests fails with this
    // SyntaxError wrapped in a TypeError, located in the job's file. Anything else (syntax the
    // stripper does not support) goes to the strict runner.
    if (message.startsWith("SyntaxError: ")) {
      throw new LoadError(
        `TypeError: ${
          message.replaceAll("file:///stripTypeScriptTypes.ts", `file:///job/${path}`)
        }`,
      );
    }
    throw new Fallback(`${path} does not parse: ${message.split("\n")[0]}`);
  }
};

/** `a/b.ts` + `../c.ts` → `c.ts`; null when it leaves the tree or is not relative. */
function resolvePath(from: string, specifier: string): string | null {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return null;
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "." || part === "") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

async function runJob(job: Job): Promise<void> {
  const token = crypto.randomUUID();
  // An ordinary global object (not one proxied to a host object): its properties behave as in
  // a process, e.g. redefining the non-configurable `__assaySeal` throws as it does there.
  const context = vm.createContext(vm.constants.DONT_CONTEXTIFY, {
    microtaskMode: "afterEvaluate",
    codeGeneration: { strings: true, wasm: false },
  } as vm.CreateContextOptions);
  const api = (PRELUDE.runInContext(context) as (
    h: typeof HOST,
    t: string,
    cap: number,
  ) => PreludeApi)(HOST, token, job.outputCap);
  api.seal(stringify(job.cases));
  // Snapshot the context's built-ins here (warm host code) before any job code runs.
  watching = watchBuiltins(ROOTS.runInContext(context) as [string, object, string[]?][]);
  // Code runs here, cut off at the deadline: the sample's (just before the parent's own), or
  // the running case's own limit when that comes first.
  const sampleDeadline = now() + job.timeoutMs;
  let deadline = sampleDeadline;
  const timed = (script: vm.Script) => {
    try {
      script.runInContext(context, { timeout: Math.max(1, Math.round(deadline - now())) });
    } catch (error) {
      if ((error as { code?: string })?.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") {
        throw new OutOfTime();
      }
      throw error;
    }
  };
  const drain = () => timed(NOTHING);

  const sources: Record<string, string> = {
    ...job.files,
    "solution.ts": job.solution,
    "tests.ts": job.tests,
  };
  const builtins = api.modules(token);
  const modules = new Map<string, vm.Module>();
  const moduleFor = (path: string): vm.Module => {
    let m = modules.get(path);
    if (m) return m;
    const source = sources[path];
    if (source === undefined) throw new Fallback(`"${path}" is not in the job`);
    m = new vm.SourceTextModule(strip(path, source), { context, identifier: path });
    modules.set(path, m);
    return m;
  };
  const builtin = (specifier: string): vm.Module => {
    const ns = builtins[specifier];
    const key = `builtin:${specifier}`;
    let m = modules.get(key);
    if (m) return m;
    const names = Object.keys(ns);
    m = new vm.SyntheticModule(names, function (this: vm.SyntheticModule) {
      for (const n of names) this.setExport(n, ns[n]);
    }, { context, identifier: specifier });
    modules.set(key, m);
    return m;
  };
  const tests = moduleFor("tests.ts");
  try {
    await tests.link((specifier: string, referencing: vm.Module) => {
      if (builtins[specifier] !== undefined) return builtin(specifier);
      const path = resolvePath(referencing.identifier, specifier);
      if (path === null) throw new Fallback(`unsupported import "${specifier}"`);
      return moduleFor(path);
    });
  } catch (error) {
    // E.g. an import of a name the module does not export: the strict runner reports it.
    if (error instanceof Fallback || error instanceof LoadError) throw error;
    throw new Fallback(`the job does not link: ${describeHostSide(error)}`);
  }
  // Top-level code may wait on timers: drive them until the evaluation settles.
  let evaluated = false;
  let failed: unknown = null;
  // The evaluation's promise belongs to the context, whose Promise.prototype.then the job may
  // have replaced: settle it with this realm's `then` (and no species lookup).
  const evaluation = tests.evaluate();
  Object.defineProperty(evaluation, "constructor", { value: undefined });
  ReflectApply(PromiseThen, evaluation, [() => evaluated = true, (error: unknown) => {
    evaluated = true;
    failed = error ?? new Error("evaluation failed");
  }]);
  // The module's own status settles it too: vm's promise plumbing may use the context's `then`.
  const settled = () => {
    if (tests.status === "errored" && failed === null) {
      failed = tests.error ?? new Error("evaluation failed");
    }
    return evaluated || tests.status === "evaluated" || tests.status === "errored";
  };
  const left = () => deadline - now();
  try {
    await pump(api, token, drain, settled, job, left);
  } catch (error) {
    // A microtask loop of its top-level code used up the time: the strict runner may well
    // start the cases among those microtasks, so it judges the sample. (Waiting on a timer
    // past the deadline is a timeout in both.)
    if (error instanceof OutOfTime && !error.waiting) {
      throw new Fallback("a microtask loop ran out the load's time");
    }
    throw error;
  }
  if (failed !== null) {
    throw new Fallback(`the job did not load: ${describeHostSide(failed)}`);
  }
  const cases = (tests.namespace as Record<string, unknown>).__assayCases;
  if (cases === null || typeof cases !== "object") {
    throw new Fallback("tests.ts does not export `cases`");
  }

  const report = (i: number) => {
    const state = parse(api.state(token, i)!);
    send({
      type: "case",
      name: job.cases[i],
      status: state.status,
      message: state.message,
      ms: state.ms,
    });
  };
  for (let i = 0; i < job.cases.length; i++) {
    const started = now();
    const own = job.caseLimits[i];
    deadline = own !== null && started + own < sampleDeadline ? started + own : sampleDeadline;
    send({ type: "start", name: job.cases[i] });
    try {
      api.arm(token, i);
      timed(START); // its microtasks run before it returns (microtaskMode: afterEvaluate)
      if (api.outBytes(token) > job.outputCap) throw new Fallback("output passed the cap");
      // A case that settled within them needs no pumping (most do).
      if (api.state(token, i) === null) {
        await pump(api, token, drain, () => api.state(token, i) !== null, job, left);
      }
    } catch (error) {
      if (error instanceof OutOfTime) {
        // The case finished, but a microtask loop it started used up the time. The strict
        // runner starts the next case among those microtasks (and may finish several), which
        // this host cannot reproduce: the strict runner judges the sample.
        if (api.state(token, i) !== null) throw new Fallback("a microtask loop outlived its case");
        // Its function returned and the time went in microtasks, not waiting for a timer: how
        // far the strict runner gets among them (and how a heap filled by a chain of pending
        // promises behaves) is not reproducible here either.
        if (!error.waiting && api.returned(token, i)) {
          throw new Fallback("a microtask loop ran out a case's time");
        }
        error.running = job.cases[i];
        error.own = deadline !== sampleDeadline;
        error.ms = now() - started;
      }
      throw error;
    }
    report(i);
  }
  // A module must settle (settle.ts). Each case's microtasks were drained under its limit; what
  // the strict runner still runs before its `done` are the timers due now: fired here, with
  // their microtasks, under the settle grace. Work still running then, or an error thrown (it
  // ends the strict runner's process), and the strict runner judges the sample.
  if (api.nextDue(token) === 0) {
    deadline = now() + job.settleMs;
    api.arm(token, FIRE_DUE);
    try {
      timed(START);
    } catch (error) {
      if (error instanceof OutOfTime) {
        throw new Fallback("a timer due after the cases kept running");
      }
      throw error;
    }
  }
  if (api.nextDue(token) === -2) throw new Fallback("a timer or microtask threw");
}

function describeHostSide(error: unknown): string {
  try {
    return StringCtor(ReflectGet(error as object, "message") ?? error).split("\n")[0];
  } catch {
    return "unknown error";
  }
}

/** Run microtasks and timers until `ready()`; anything the strict runner would end on is a fallback. */
async function pump(
  api: PreludeApi,
  token: string,
  drain: () => void,
  ready: () => boolean,
  job: Job,
  left: () => number,
): Promise<void> {
  for (;;) {
    drain();
    // Host reactions (evaluation promise) run on the host's queue.
    await Promise.resolve();
    drain();
    if (api.outBytes(token) > job.outputCap) throw new Fallback("output passed the cap");
    if (ready()) return;
    const wait = api.nextDue(token);
    if (wait === -2) throw new Fallback("a timer or microtask threw");
    if (wait === -1) {
      // Give host-queued reactions one more turn before calling the loop empty.
      await sleep(0);
      drain();
      if (ready()) return;
      if (api.nextDue(token) === -1) {
        throw new Fallback("the event loop emptied before the case finished");
      }
      continue;
    }
    if (wait >= left()) {
      // The next timer is due after the deadline: wait out the time, then stop.
      await sleep(Math.max(0, left()));
      const error = new OutOfTime();
      error.waiting = true;
      throw error;
    }
    if (wait > 0) await sleep(wait);
    if (api.fire(token) < 0) throw new Fallback("a timer threw");
  }
}

// ---------------------------------------------------------------------------

let pending = "";
const buffer = new Uint8Array(1 << 16);
async function readLine(): Promise<string | null> {
  for (;;) {
    const cut = pending.indexOf("\n");
    if (cut >= 0) {
      const line = pending.slice(0, cut);
      pending = pending.slice(cut + 1);
      return line;
    }
    const n = await stdinRead(buffer);
    if (n === null) return null;
    pending += decode(buffer.subarray(0, n), true);
  }
}

nonce = parse((await readLine()) ?? "{}").nonce ?? "";
for (;;) {
  const line = await readLine();
  if (line === null) break;
  if (line.trim() === "") continue;
  const job: Job = parse(line);
  const started = now();
  send({ type: "begin" });
  let ending: Record<string, unknown> = { type: "done" };
  try {
    await runJob(job);
  } catch (error) {
    if (error instanceof OutOfTime) {
      ending = { type: "timeout", name: error.running, own: error.own, ms: error.ms };
    } else if (error instanceof LoadError) ending = { type: "load_error", message: error.message };
    else {
      ending = {
        type: "fallback",
        reason: error instanceof Fallback ? error.message : `host: ${describeHostSide(error)}`,
        ms: now() - started,
      };
    }
  }
  if (job.contaminate === true) {
    // deno-lint-ignore no-explicit-any
    (Array.prototype as any).includes = () => true;
  }
  // Before the job's last word: a job that reached this realm could have bent what the host
  // reported, so its verdict is void (the parent has the strict runner judge it) and the host
  // stops.
  const what = changed();
  if (what !== null) {
    send({ type: "contaminated", what });
    exit(CONTAMINATED);
  }
  send(ending);
}
exit(0);
