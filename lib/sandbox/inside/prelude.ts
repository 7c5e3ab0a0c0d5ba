/**
 * The prelude of a warm-pool job: it runs inside each job's fresh vm context before any job
 * code, defines what the job may reach (console, timers, the cases' seal and start) and returns
 * the host's handle on the context ({@link PreludeApi}). The strict runner's counterpart is
 * runner.ts; the case-verdict protocol both use is case_protocol.ts.
 *
 * Self-contained JavaScript, compiled from source text: {@link PRELUDE_SOURCE} assembles this
 * file's {@link prelude} with its parts (context_console.ts, context_timers.ts,
 * context_assert.ts, case_protocol.ts), each of which uses nothing outside its own body.
 *
 * @module
 */
import { caseProtocol } from "./case_protocol.ts";
import { contextAsserts } from "./context_assert.ts";
import { contextConsole } from "./context_console.ts";
import { contextTimers } from "./context_timers.ts";

/** What the prelude returns to the host (context functions, called directly). */
export interface PreludeApi {
  seal: (names: string) => void;
  /** The sealed cases tests.ts exported (`__assayCases`), read by the host from the module. */
  cases: (token: string, exported: Readonly<Record<string, unknown>>) => void;
  arm: (token: string, index: number) => void;
  state: (token: string, index: number) => string | null;
  /** True once the case's function returned (or threw): its synchronous part is over. */
  returned: (token: string, index: number) => boolean;
  fire: (token: string) => number;
  nextDue: (token: string) => number;
  outBytes: (token: string) => number;
  modules: (token: string) => Record<string, Record<string, unknown>>;
}

/** The host functions a context reaches (host_bridge.ts): they take context values, return primitives. */
export interface PreludeHost {
  assert: (mode: string, name: string, args: unknown[]) => string;
  isPromise: (v: unknown) => boolean;
  isError: (v: unknown) => boolean;
  overflow: () => void;
  tampered: () => string;
}

/** The prelude's parts, compiled in the same context. */
export interface PreludeParts {
  console: typeof contextConsole;
  timers: typeof contextTimers;
  asserts: typeof contextAsserts;
  cases: typeof caseProtocol;
}

/** Armed instead of a case's index, `__assayStart` fires the timers due (see run_job.ts). */
export const FIRE_DUE = -2;

/**
 * Set up a job's context: `host` is the host's bridge, `token` a secret the host's calls must
 * carry, `outputCap` the job's output cap.
 */
export function prelude(
  host: PreludeHost,
  token: string,
  outputCap: number,
  parts: PreludeParts,
): PreludeApi {
  "use strict";
  const G = globalThis;
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const DateNow = Date.now;
  const now = () => DateNow();

  const outBytes = parts.console(host.overflow, outputCap);
  const timers = parts.timers();
  const { loose, strict, util } = parts.asserts(host.assert, host.isError);
  // The case-verdict protocol, as the strict runner's. The built-ins the job shares with its
  // tests: the host watches them, from a snapshot taken before the job's code runs, and says why
  // a pass is void ("" when it stands).
  const protocol = parts.cases({
    isError: host.isError,
    isPromise: host.isPromise,
    voidedPass: host.tampered,
    now,
  });

  // The cases: sealed right after the tests' body (see the trailer), run in order.
  let names: string[] = [];
  let sealed: Readonly<Record<string, unknown>> | null = null;
  const results: Record<number, string | null> = ObjectCreate(null);
  /** The last case whose function returned (see PreludeApi.returned). */
  let returned = -1;
  // The cases that run are the ones tests.ts exports as `__assayCases` (the trailer's seal), handed
  // over by the host (`cases`), never the last call of the global: the candidate can call it too.
  const seal = function (namespace: unknown) {
    return protocol.seal(names, namespace);
  };
  ObjectDefineProperty(G, "__assaySeal", { value: seal });

  const start = function (t: string, index: number) {
    if (t !== token) return;
    results[index] = null;
    protocol.runCase(sealed, names[index], (status, message, ms) => {
      results[index] = stringify({ __proto__: null, status, message, ms });
    }, () => returned = index);
  };
  // The host arms a case, then starts it through a script run with a timeout, so that a
  // case's synchronous loop is cut off at its limit. The global is non-writable and starts
  // nothing unless armed; the token never enters the context's code.
  // Armed with FIRE_DUE (-2) it fires the timers due instead (after the cases: see run_job.ts).
  let armed = -1;
  ObjectDefineProperty(G, "__assayStart", {
    value: function () {
      const index = armed;
      armed = -1;
      if (index >= 0) start(token, index);
      else if (index === -2) timers.fire();
    },
  });

  return {
    seal(list: string) {
      names = parse(list);
    },
    cases(t: string, exported: Readonly<Record<string, unknown>>) {
      if (t === token) sealed = exported;
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
      return t === token ? timers.fire() : 0;
    },
    nextDue(t: string) {
      return t === token ? timers.nextDue() : -1;
    },
    outBytes(t: string) {
      return t === token ? outBytes() : 0;
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

/**
 * The prelude as one script's source: evaluated in a context, a function of `(host, token,
 * outputCap)` that runs {@link prelude} with its parts compiled in that context.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import vm from "node:vm";
 * import { PRELUDE_SOURCE } from "./prelude.ts";
 * const context = vm.createContext();
 * const host = { assert: () => "ok", isPromise: () => false, isError: () => false, overflow: () => {}, tampered: () => "" };
 * const api = vm.runInContext(PRELUDE_SOURCE, context)(host, "t", 1000);
 * api.seal('["a"]');
 * assert.equal(api.nextDue("t"), -1);
 * assert.equal(vm.runInContext("typeof setTimeout", context), "function");
 * ```
 */
export const PRELUDE_SOURCE = `(function (host, token, outputCap) {
  "use strict";
  return (${prelude.toString()})(host, token, outputCap, {
    console: (${contextConsole.toString()}),
    timers: (${contextTimers.toString()}),
    asserts: (${contextAsserts.toString()}),
    cases: (${caseProtocol.toString()}),
  });
})`;
