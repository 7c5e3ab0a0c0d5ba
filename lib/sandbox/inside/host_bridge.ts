/**
 * What a job's context reaches of the host (prelude.ts's `PreludeHost`): node:assert, node:util's
 * `isDeepStrictEqual`, the is-promise and is-error checks, the output cap and the built-in
 * watch. Every function takes context values and returns primitives, so nothing of the host's
 * realm enters the context.
 *
 * @module
 */
import assertLoose from "node:assert";
import assertStrict from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { isNativeError, isPromise } from "node:util/types";
import { tamperedMessage } from "./builtin_watch.ts";
import type { PreludeHost } from "./prelude.ts";

const exit = Deno.exit.bind(Deno);
const HostError = Error;
const StringCtor = String;
const ReflectGet = Reflect.get;
const ReflectApply = Reflect.apply;
const ObjectFreeze = Object.freeze;
/** Exit code: a job's console output passed the cap. */
const OVERFLOW = 5;

ObjectFreeze(assertLoose);
ObjectFreeze(assertStrict);
ObjectFreeze(assertLoose.strict);

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

/** Watch the current job's context with `check` (builtin_watch.ts's watchBuiltins()). */
export function watchJob(check: () => string | null): void {
  watching = check;
}

/** The bridge every job's prelude gets. */
export const HOST: PreludeHost = ObjectFreeze({
  assert: hostAssert,
  isPromise: (v: unknown) => isPromise(v),
  isError: (v: unknown) => isNativeError(v),
  overflow: () => exit(OVERFLOW),
  tampered: () => {
    const what = watching();
    return what === null ? "" : tamperedMessage(what);
  },
});
