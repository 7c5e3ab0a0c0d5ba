/**
 * Driving a warm-pool job's event loop from the host: its microtasks (drained under the
 * deadline) and its timers (fired when due), until what the host waits for is ready. Anything
 * the strict runner would end on is a Fallback.
 *
 * @module
 */
import type { PreludeApi } from "./prelude.ts";
import { Fallback, OutOfTime } from "./host_errors.ts";

/** A host-realm timer (the job's timers are its context's: context_timers.ts). */
export const sleep = (ms: number): Promise<void> =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Run microtasks and timers until `ready()`; anything the strict runner would end on is a fallback. */
export async function pump(
  api: PreludeApi,
  token: string,
  drain: () => void,
  ready: () => boolean,
  outputCap: number,
  left: () => number,
): Promise<void> {
  for (;;) {
    drain();
    // Host reactions (evaluation promise) run on the host's queue.
    await Promise.resolve();
    drain();
    if (api.outBytes(token) > outputCap) throw new Fallback("output passed the cap");
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
