/**
 * How a warm-pool job ends other than done, inside the host: thrown from where it is found,
 * caught by the message loop (pool_host.ts), which tells the parent.
 *
 * @module
 */

const StringCtor = String;
const ReflectGet = Reflect.get;

/** The job needs the strict runner (the message names why). */
export class Fallback extends Error {}

/** The job's code ran past its deadline (V8 terminated it). */
export class OutOfTime extends Error {
  /** The case that was running and had not finished, if any. */
  running: string | null = null;
  /** True when the deadline was the running case's own limit, not the sample's. */
  own = false;
  /** How long the running case had run, ms. */
  ms = 0;
  /** True when the time ran out waiting for a timer (not in a loop of microtasks). */
  waiting = false;
}

/** The job does not load, exactly as the strict runner would report it (a syntax error). */
export class LoadError extends Error {}

/**
 * The first line of a thrown value's message, read without trusting it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describeHostSide } from "./host_errors.ts";
 * assert.equal(describeHostSide(new Error("a\nb")), "a");
 * assert.equal(describeHostSide(null), "unknown error");
 * ```
 */
export function describeHostSide(error: unknown): string {
  try {
    return StringCtor(ReflectGet(error as object, "message") ?? error).split("\n")[0];
  } catch {
    return "unknown error";
  }
}
