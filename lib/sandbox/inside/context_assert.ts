/**
 * node:assert and node:util's `isDeepStrictEqual` inside a warm-pool job's vm context (part of
 * the prelude, prelude.ts): the host's own functions (host_bridge.ts), called with this
 * context's values; host assertion errors come back as primitives and are rethrown as errors of
 * this realm.
 *
 * Self-contained: the pool host compiles its source text inside each job's context.
 *
 * @module
 */

/** The modules a job's context can import besides its own files. */
export interface ContextAsserts {
  /** node:assert (loose), with `strict`. */
  loose: Record<string, unknown>;
  /** node:assert/strict. */
  strict: Record<string, unknown>;
  /** node:util's one function a job may use. */
  util: Record<string, unknown>;
}

/**
 * Build this realm's node:assert objects over `hostAssert` (returns "ok", "Btrue"/"Bfalse", or an
 * error as text) and `hostIsError` (isNativeError of the host).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import vm from "node:vm";
 * import { contextAsserts } from "./context_assert.ts";
 * const context = vm.createContext();
 * const build = vm.runInContext(`(${contextAsserts.toString()})`, context);
 * const host = (_mode: string, name: string, args: unknown[]) =>
 *   name === "equal" && args[0] !== args[1] ? "AAssertionError\u0000no" : "ok";
 * const { strict } = build(host, () => true);
 * strict.equal(1, 1);
 * assert.throws(() => strict.equal(1, 2), (e: Error) => e.name === "AssertionError" && e.message === "no");
 * ```
 */
export function contextAsserts(
  hostAssert: (mode: string, name: string, args: unknown[]) => string,
  hostIsError: (v: unknown) => boolean,
): ContextAsserts {
  "use strict";
  const ObjectFreeze = Object.freeze;
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ReflectApply = Reflect.apply;
  const StringCtor = String;
  const PromiseCtor = Promise;
  const PromiseThen = Promise.prototype.then;
  const PromiseResolve = Promise.resolve;
  const resolved = (value?: unknown) => ReflectApply(PromiseResolve, PromiseCtor, [value]);
  const ErrorCtor = Error;
  const ctors: Record<string, ErrorConstructor> = {
    __proto__: null,
    Error,
    TypeError,
    RangeError,
    SyntaxError,
    ReferenceError,
  } as never;

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
  return { loose, strict, util };
}
