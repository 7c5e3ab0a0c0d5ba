/**
 * A module must settle. Once every case has reported, the code under test may leave timers
 * pending (they wait; nothing is starved) but no work running: a loop of microtasks, or a
 * synchronous loop started in one (or in a timer already due), would pin a CPU and starve the
 * event loop of any program that imported the module.
 *
 * The check costs a macrotask, not a wait. After the last case the runner says `done` from a
 * `setTimeout(0)` callback, which runs only once the microtask queue is empty and no loop holds
 * the thread; the parent stops a run that, with no `done`, used {@link SETTLE_GRACE_MS} of CPU
 * time since the last case reported ({@link SettleWatch}). A module that settles pays that one
 * timer turn (a few ms).
 * The warm pool drains each case's microtasks under the case's limit, so a loop outlives a case
 * there only as a microtask loop that runs out the time, or as a timer due when the cases end;
 * both go to the strict runner, whose verdict is then the pool's (inside/run_job.ts).
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
import type { CaseVerdict } from "../record/case_verdict.ts";
import type { SandboxResult } from "./sandbox.ts";

/**
 * How much work may run after the last case reported, ms: CPU time used by the run (wall-clock
 * time where CPU times are unknown). Past it, with no `done` from the runner, the module never
 * settled.
 */
export const SETTLE_GRACE_MS = 200;

/** The evidence of a sample stopped for not settling (detail and case messages begin with it). */
export const NEVER_SETTLED = "the module never settled: work kept running after the cases";

/** Options for {@link SettleWatch}. */
export interface SettleWatchOptions {
  /** The sample's limit, ms (for the wording). */
  timeoutMs: number;
  /**
   * Stop the run: with the specifics of a module that never settled, or with null when only the
   * sample's limit ran out (the run was not busy: the machine was too loaded to tell).
   */
  onOverdue: (specifics: string | null) => void;
  /**
   * CPU time used so far by the run's processes, ms (lib/sandbox/process_cpu.ts), or null when
   * unknown. @default () => null (wall-clock time since the last case decides)
   */
  cpuMs?: () => number | null;
}

/**
 * The parent's side of the check, for one process: tell it each case that reported, the runner's
 * `done`, and the sample's deadline. Once every case reported and no `done` came, the run is
 * stopped as never settled when it used {@link SETTLE_GRACE_MS} of CPU time since the last case
 * reported (checked from that long after it on): CPU time, not wall-clock time, so a run merely
 * waiting for a CPU on a loaded machine is not called busy. Without CPU times, wall-clock time
 * decides. At the sample's deadline with every case reported it decides instead of the limit:
 * busy (or, having said `done`, still not ended and busy), it never settled; otherwise it gets
 * one more grace to end, then `onOverdue(null)`. Before every case reported it does nothing: the
 * case and sample limits bound the run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SETTLE_GRACE_MS, SettleWatch } from "./settle.ts";
 * const calls: (string | null)[] = [];
 * const onOverdue = (why: string | null) => calls.push(why);
 * const watch = new SettleWatch(["a", "b"], { timeoutMs: 1000, onOverdue });
 * watch.reported("a");
 * assert.equal(watch.deadline(), false); // "b" has not reported: the sample's limit applies
 * watch.reported("b");
 * await new Promise((resolve) => setTimeout(resolve, SETTLE_GRACE_MS + 50));
 * assert.deepEqual(calls, [`still busy ${SETTLE_GRACE_MS} ms after the last case reported`]);
 * // A run that used no CPU time since its last case is waiting for a CPU, not busy.
 * const waiting = new SettleWatch(["a"], { timeoutMs: 1000, onOverdue, cpuMs: () => 40 });
 * waiting.reported("a");
 * await new Promise((resolve) => setTimeout(resolve, SETTLE_GRACE_MS + 50));
 * assert.equal(calls.length, 1);
 * waiting.done(); // the runner's macrotask ran: the module settled
 * waiting.stop();
 * ```
 */
export class SettleWatch {
  #left: Set<string>;
  #options: SettleWatchOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the last case reported (performance.now()), and the CPU time used by then. */
  #since = 0;
  #cpuSince: number | null = null;
  #done = false;
  /** When the sample's deadline passed with every case reported (then `done` stops nothing). */
  #lateAt: number | null = null;
  #over = false;

  /** `cases`: the names the process runs. */
  constructor(cases: readonly string[], options: SettleWatchOptions) {
    this.#left = new Set(cases);
    this.#options = options;
  }

  /** The case `name` reported; after the last one the watch starts. */
  reported(name: string): void {
    if (!this.#left.delete(name) || this.#left.size > 0) return;
    this.#since = performance.now();
    this.#cpuSince = this.#cpu();
    this.#arm(SETTLE_GRACE_MS);
  }

  /** The runner said `done` from its macrotask: the module settled. */
  done(): void {
    this.#done = true;
    if (this.#lateAt === null) this.#clear();
  }

  /** The sample's deadline: true when the watch decides instead (every case reported). */
  deadline(): boolean {
    if (this.#left.size > 0) return false;
    this.#lateAt = performance.now();
    this.#check();
    return true;
  }

  /** The process ended. */
  stop(): void {
    this.#over = true;
    this.#clear();
  }

  #cpu(): number | null {
    return this.#options.cpuMs?.() ?? null;
  }

  /** CPU time used since the last case reported, or wall-clock time when CPU times are unknown. */
  #busy(): { ms: number; cpu: boolean } {
    const cpu = this.#cpu();
    if (cpu !== null && this.#cpuSince !== null) return { ms: cpu - this.#cpuSince, cpu: true };
    return { ms: performance.now() - this.#since, cpu: false };
  }

  #check(): void {
    this.#clear();
    if (this.#over) return;
    const busy = this.#busy();
    const { timeoutMs, onOverdue } = this.#options;
    if (busy.ms >= SETTLE_GRACE_MS) {
      this.#over = true;
      onOverdue(
        this.#done
          ? `still running when the sample's ${timeoutMs} ms limit ran out`
          : busy.cpu
          ? `busy for ${SETTLE_GRACE_MS} ms of CPU time after the last case reported`
          : `still busy ${SETTLE_GRACE_MS} ms after the last case reported`,
      );
      return;
    }
    const lateFor = this.#lateAt === null ? null : performance.now() - this.#lateAt;
    if (lateFor !== null && lateFor >= SETTLE_GRACE_MS) {
      this.#over = true;
      onOverdue(null);
      return;
    }
    // Not busy yet: look again when it could have used the rest of the grace (a CPU time
    // resolution of 10 ms makes closer looks pointless).
    let wait = Math.max(20, SETTLE_GRACE_MS - busy.ms);
    if (lateFor !== null) wait = Math.min(wait, SETTLE_GRACE_MS - lateFor);
    this.#arm(wait);
  }

  #arm(ms: number): void {
    this.#clear();
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#check();
    }, ms);
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
