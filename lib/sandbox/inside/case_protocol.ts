/**
 * The case-verdict protocol, written once for the strict runner (runner.ts, in a process) and
 * the warm pool (prelude.ts, in a vm context): how the declared cases are sealed, how a case's
 * function is run and settled, and how what it threw becomes a verdict.
 *
 * Self-contained: {@link caseProtocol} uses nothing outside its own body, because the pool host
 * compiles its source text inside each job's context (to get that realm's intrinsics), and the
 * strict runner's copy has it inlined (lib/sandbox/inside_sources.ts). Call it before any code
 * under test runs: it captures every intrinsic it relies on then.
 *
 * @module
 */

/** What the protocol needs from the realm it runs in. */
export interface CaseHooks {
  /** Whether a value is a genuine Error object (node:util/types isNativeError). */
  isError: (value: unknown) => boolean;
  /** Whether a value is a native promise (node:util/types isPromise). */
  isPromise: (value: unknown) => boolean;
  /** Why a pass cannot be trusted (a shared built-in changed), or "" when it stands. */
  voidedPass: () => string;
  /** The clock cases are timed by, ms. */
  now: () => number;
}

/** How a case ended: its status, message and duration (ms). */
export type CaseRecorder = (status: "pass" | "fail" | "error", message: string, ms: number) => void;

/** The protocol's functions (see {@link caseProtocol}). */
export interface CaseProtocol {
  /**
   * A thrown value as a verdict: an assertion failure ("fail") only when it is a genuine Error
   * named AssertionError or coded ERR_ASSERTION; anything else, a look-alike included, an "error".
   */
  describe(error: unknown): { assertion: boolean; message: string };
  /**
   * Settle what a case returned without `await`: a native promise gets an own
   * `constructor: undefined` (so `then` consults no species) and the captured `then`; any other
   * value is resolved by a fresh promise, as `await` would.
   */
  settle(result: unknown, onPass: () => void, onThrow: (error: unknown) => void): void;
  /**
   * A frozen, prototype-less copy of the declared cases `names` of a tests module's namespace
   * (its `cases`), or null when it has none.
   */
  seal(names: readonly string[], namespace: unknown): Readonly<Record<string, unknown>> | null;
  /**
   * Run case `name` of the sealed `cases`: `record` is called once with its verdict (at once for
   * a case that is not defined, or throws; after its promise settles otherwise). `returned` is
   * called when its function returned or threw (its synchronous part is over).
   */
  runCase(
    cases: Readonly<Record<string, unknown>> | null,
    name: string,
    record: CaseRecorder,
    returned?: () => void,
  ): void;
}

/**
 * The protocol over `hooks`, with the intrinsics of the realm it is called in.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isNativeError, isPromise } from "node:util/types";
 * import { caseProtocol } from "./case_protocol.ts";
 * const p = caseProtocol({ isError: isNativeError, isPromise, voidedPass: () => "", now: () => 0 });
 * const cases = p.seal(["ok", "bad"], { cases: { ok: () => {}, bad: () => assert.equal(1, 2), extra: 1 } })!;
 * assert(Object.isFrozen(cases) && !("extra" in cases));
 * const seen: string[] = [];
 * p.runCase(cases, "bad", (status) => seen.push(status));
 * p.runCase(cases, "missing", (status, message) => seen.push(`${status}: ${message}`));
 * p.runCase(cases, "ok", (status) => seen.push(status));
 * await new Promise((resolve) => setTimeout(resolve, 0));
 * // A case that throws or is not defined is recorded at once; a pass after its promise settles.
 * assert.deepEqual(seen, ["fail", 'error: test case "missing" is not defined in tests.ts', "pass"]);
 * assert.equal(p.describe({ name: "AssertionError" }).assertion, false);
 * ```
 */
export function caseProtocol(hooks: CaseHooks): CaseProtocol {
  "use strict";
  const isError = hooks.isError;
  const isPromise = hooks.isPromise;
  const voidedPass = hooks.voidedPass;
  const now = hooks.now;
  const StringCtor = String;
  const PromiseCtor = Promise;
  const PromiseThen = Promise.prototype.then;
  const ReflectApply = Reflect.apply;
  const ReflectGet = Reflect.get;
  const ObjectHasOwn = Object.hasOwn;
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectFreeze = Object.freeze;

  const describe = (error: unknown): { assertion: boolean; message: string } => {
    try {
      if (error !== null && (typeof error === "object" || typeof error === "function")) {
        const genuine = isError(error);
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

  const settle = (result: unknown, onPass: () => void, onThrow: (error: unknown) => void) => {
    const promise = isPromise(result)
      ? result as Promise<unknown>
      : new PromiseCtor<unknown>((resolve) => resolve(result));
    ObjectDefineProperty(promise, "constructor", { value: undefined });
    ReflectApply(PromiseThen, promise, [onPass, onThrow]);
  };

  const seal = (names: readonly string[], namespace: unknown) => {
    const cases = ReflectGet(namespace as object, "cases");
    if (cases === null || typeof cases !== "object") return null;
    const snapshot: Record<string, unknown> = ObjectCreate(null);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (ObjectHasOwn(cases, name)) snapshot[name] = ReflectGet(cases, name);
    }
    return ObjectFreeze(snapshot);
  };

  const runCase = (
    cases: Readonly<Record<string, unknown>> | null,
    name: string,
    record: CaseRecorder,
    returned?: () => void,
  ) => {
    const started = now();
    const fn = cases !== null && ObjectHasOwn(cases, name) ? cases[name] : undefined;
    if (typeof fn !== "function") {
      record("error", `test case "${name}" is not defined in tests.ts`, 0);
      return;
    }
    let finished = false;
    const finish = (failed: boolean, error?: unknown) => {
      if (finished) return;
      finished = true;
      if (failed) {
        const { assertion, message } = describe(error);
        record(assertion ? "fail" : "error", message, now() - started);
      } else {
        // A pass after the code under test changed a shared built-in is not trusted.
        const voided = voidedPass();
        record(voided === "" ? "pass" : "error", voided, now() - started);
      }
    };
    try {
      const result = (fn as () => unknown)();
      returned?.();
      settle(result, () => finish(false), (error) => finish(true, error));
    } catch (error) {
      returned?.();
      finish(true, error);
    }
  };

  return { describe, settle, seal, runCase };
}
