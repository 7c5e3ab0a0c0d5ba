/**
 * The timers of a warm-pool job's vm context (part of the prelude, prelude.ts): `setTimeout`,
 * `setInterval`, their `clear*` and `queueMicrotask`, kept inside the context and fired when the
 * host says so (pump.ts, run_job.ts).
 *
 * Self-contained: the pool host compiles its source text inside each job's context.
 *
 * @module
 */

/** The host's handle on a context's timers. */
export interface ContextTimers {
  /** Fire the timers due now: how many, or -1 when one threw. */
  fire(): number;
  /** Ms until the next timer is due (0: due now), -1 when none is pending, -2 once one threw. */
  nextDue(): number;
}

/**
 * Define the timer globals on the context's global object.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import vm from "node:vm";
 * import { contextTimers } from "./context_timers.ts";
 * const context = vm.createContext();
 * const timers = vm.runInContext(`(${contextTimers.toString()})`, context)();
 * vm.runInContext("globalThis.n = 0; setTimeout(() => n++, 0);", context);
 * assert.equal(timers.nextDue(), 0);
 * assert.equal(timers.fire(), 1);
 * assert.equal(vm.runInContext("n", context), 1);
 * assert.equal(timers.nextDue(), -1);
 * ```
 */
export function contextTimers(): ContextTimers {
  "use strict";
  const G = globalThis;
  const ObjectCreate = Object.create;
  const ObjectDefineProperty = Object.defineProperty;
  const ReflectApply = Reflect.apply;
  const PromiseCtor = Promise;
  const PromiseThen = Promise.prototype.then;
  const PromiseResolve = Promise.resolve;
  const resolved = (value?: unknown) => ReflectApply(PromiseResolve, PromiseCtor, [value]);
  const DateNow = Date.now;
  const MathMax = Math.max;
  const now = () => DateNow();

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

  const fire = (): number => {
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
  };
  const nextDue = (): number => {
    if (uncaught) return -2;
    let due = Infinity;
    for (const id in timers) if (timers[id].due < due) due = timers[id].due;
    return due === Infinity ? -1 : MathMax(0, due - now());
  };
  return { fire, nextDue };
}
