/**
 * A module must settle. Once every case has reported, the code under test may leave timers
 * pending (they wait; nothing is starved) but no work running: a loop of microtasks, or a
 * synchronous loop started in one (or in a timer already due), would pin a CPU and starve the
 * event loop of any program that imported the module.
 *
 * The check costs a macrotask, not a wait. After the last case the runner says `done` from a
 * `setTimeout(0)` callback, which runs only once the microtask queue is empty and no loop holds
 * the thread; the parent stops a run still busy {@link SETTLE_GRACE_MS} after the last case
 * reported ({@link SettleWatch}). A module that settles pays that one timer turn (a few ms).
 * The warm pool drains each case's microtasks under the case's limit, so a loop outlives a case
 * there only as a microtask loop that runs out the time, or as a timer due when the cases end;
 * both go to the strict runner, whose verdict is then the pool's (pool_host.ts).
 *
 * The verdict ({@link unsettledResult}): outcome `timeout`, detail "the module never settled:
 * work kept running after the cases (…)", and every case that passed gets the status `timeout`
 * with that message (a case that failed keeps its own verdict). Every case, not the last one:
 * the work need not come from the last case (it may run since the module loaded), and no case's
 * pass is usable while importing the module never lets the program settle. The scorer thus
 * counts the sample failed, and the taxonomy files it under `timeout` with the detail as
 * evidence.
 *
 * @module
 */
import type { CaseVerdict } from "../run/records.ts";
import type { SandboxResult } from "./sandbox.ts";

/** How long work may keep running after the last case reported, ms. */
export const SETTLE_GRACE_MS = 200;

/** The evidence of a sample stopped for not settling (detail and case messages begin with it). */
export const NEVER_SETTLED = "the module never settled: work kept running after the cases";

/**
 * The parent's side of the check, for one process: arm it with the cases the process runs, tell
 * it each case reported and the runner's `done`, and ask it at the sample's deadline. It calls
 * `onOverdue(specifics)` when the process is still running {@link SETTLE_GRACE_MS} after the last
 * case reported without saying `done`, or that long after the sample's deadline passed with
 * every case reported (it said `done` but does not end). Before every case reported it does
 * nothing: the case and sample limits bound the run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SETTLE_GRACE_MS, SettleWatch } from "./settle.ts";
 * const calls: string[] = [];
 * const watch = new SettleWatch(["a", "b"], 1000, (why) => calls.push(why));
 * watch.reported("a");
 * assert.equal(watch.deadline(), false); // "b" has not reported: the sample's limit applies
 * watch.reported("b");
 * await new Promise((resolve) => setTimeout(resolve, SETTLE_GRACE_MS + 50));
 * assert.deepEqual(calls, [`still busy ${SETTLE_GRACE_MS} ms after the last case reported`]);
 * const settled = new SettleWatch(["a"], 1000, (why) => calls.push(why));
 * settled.reported("a");
 * settled.done(); // the runner's macrotask ran: the module settled
 * await new Promise((resolve) => setTimeout(resolve, SETTLE_GRACE_MS + 50));
 * assert.equal(calls.length, 1);
 * settled.stop();
 * ```
 */
export class SettleWatch {
  #left: Set<string>;
  #timeoutMs: number;
  #onOverdue: (specifics: string) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The sample's deadline passed with every case reported: `done` no longer stops the grace. */
  #late = false;

  /** `cases`: the names the process runs; `timeoutMs`: the sample's limit (for the wording). */
  constructor(
    cases: readonly string[],
    timeoutMs: number,
    onOverdue: (specifics: string) => void,
  ) {
    this.#left = new Set(cases);
    this.#timeoutMs = timeoutMs;
    this.#onOverdue = onOverdue;
  }

  /** The case `name` reported; the last one starts the grace. */
  reported(name: string): void {
    if (this.#left.delete(name) && this.#left.size === 0) {
      this.#arm(`still busy ${SETTLE_GRACE_MS} ms after the last case reported`);
    }
  }

  /** The runner said `done` from its macrotask: the module settled. */
  done(): void {
    if (!this.#late) this.#clear();
  }

  /**
   * The sample's deadline: true when the watch decides instead (every case reported; the process
   * gets the rest of the grace, or a grace of its own if it said `done` and did not end).
   */
  deadline(): boolean {
    if (this.#left.size > 0) return false;
    this.#late = true;
    if (this.#timer === undefined) {
      this.#arm(`still running when the sample's ${this.#timeoutMs} ms limit ran out`);
    }
    return true;
  }

  /** The process ended. */
  stop(): void {
    this.#clear();
  }

  #arm(specifics: string): void {
    this.#clear();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#onOverdue(specifics);
    }, SETTLE_GRACE_MS);
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

/**
 * The verdict of a run stopped for not settling: outcome `timeout`, the detail
 * {@link NEVER_SETTLED} with `specifics`, and every case that passed `timeout` with that message.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { unsettledResult } from "./settle.ts";
 * const r = unsettledResult({
 *   outcome: "timeout", detail: "", execMs: 250, stderr: "",
 *   cases: [
 *     { name: "a", kind: "core", status: "pass", message: "", ms: 1 },
 *     { name: "b", kind: "edge", status: "fail", message: "AssertionError: no", ms: 1 },
 *   ],
 * }, "still busy 200 ms after the last case reported");
 * assert.equal(r.outcome, "timeout");
 * assert.equal(r.detail, "the module never settled: work kept running after the cases (still busy 200 ms after the last case reported)");
 * assert.deepEqual(r.cases.map((c) => c.status), ["timeout", "fail"]);
 * assert.match(r.cases[0].message, /^the module never settled: .*its own checks passed/);
 * ```
 */
export function unsettledResult(result: SandboxResult, specifics: string): SandboxResult {
  const detail = `${NEVER_SETTLED} (${specifics})`;
  const cases = result.cases.map((c): CaseVerdict =>
    c.status === "pass"
      ? { ...c, status: "timeout", message: `${NEVER_SETTLED} (its own checks passed)` }
      : c
  );
  return { ...result, outcome: "timeout", detail, cases };
}
