/**
 * Honest ratios: the machine's load around a benchmark, the verdict on a target only when the
 * machine was quiet — judged before the run, and during it by what other processes used, never by
 * the load the bench itself adds — and the programs split into slices so that modes run
 * interleaved in rounds (b, d, c, b, d, c …), a change of load hitting every mode alike.
 *
 * @module
 */

/** The 1-, 5- and 15-minute load averages (/proc/loadavg), or null where there is none. */
export function loadAverage(): [number, number, number] | null {
  try {
    const [one, five, fifteen] = Deno.readTextFileSync("/proc/loadavg").split(" ").map(Number);
    return [one, five, fifteen];
  } catch {
    return null;
  }
}

/**
 * The load averages as printed: `1.02 0.80 0.75 (1, 5, 15 min)`, or `unknown`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatLoad } from "./machine_load.ts";
 * assert.equal(formatLoad([1.5, 0.25, 2]), "1.50 0.25 2.00 (1, 5, 15 min)");
 * assert.equal(formatLoad(null), "unknown");
 * ```
 */
export function formatLoad(load: [number, number, number] | null): string {
  return load ? `${load.map((x) => x.toFixed(2)).join(" ")} (1, 5, 15 min)` : "unknown";
}

/** What decides whether a ratio measured on this machine is comparable (see {@link targetVerdict}). */
export interface MachineLoad {
  /** The load averages just before the run (null: unknown). */
  before: [number, number, number] | null;
  /** The machine's cores. */
  cores: number;
  /**
   * Cores other processes kept busy during the run, on average (others_cpu.ts); null: unknown
   * (then only the load before decides). @default null
   */
  othersDuring?: number | null;
}

/**
 * The verdict on a ratio target: `met`/`not met` on a quiet machine. No verdict ("machine
 * busy: ratio not comparable") when the 1-minute load average before the run exceeded the
 * cores, or when, during the run, other processes kept more than half the cores busy on average
 * (the bench's own work, which makes the load average climb past the cores by itself, never
 * counts: others_cpu.ts); nor when the load before is unknown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { targetVerdict } from "./machine_load.ts";
 * const quiet = { before: [0.47, 1, 1] as [number, number, number], cores: 2, othersDuring: 0.1 };
 * assert.equal(targetVerdict(6.4, 6, quiet), "target >= 6: met");
 * assert.equal(targetVerdict(3, 6, quiet), "target >= 6: not met");
 * assert.equal(
 *   targetVerdict(6.4, 6, { ...quiet, before: [2.5, 1, 1] }),
 *   "target >= 6; machine busy before the run (1-min load 2.50 > 2 cores): ratio not comparable",
 * );
 * assert.equal(
 *   targetVerdict(6.4, 6, { ...quiet, othersDuring: 1.4 }),
 *   "target >= 6; machine busy during the run (other processes used 1.40 of 2 cores on average, > half): ratio not comparable",
 * );
 * assert.equal(targetVerdict(6.4, 6, { ...quiet, before: null }), "target >= 6; load unknown: ratio not comparable");
 * ```
 */
export function targetVerdict(ratio: number, target: number, load: MachineLoad): string {
  const head = `target >= ${target}`;
  if (load.before === null) return `${head}; load unknown: ratio not comparable`;
  if (load.before[0] > load.cores) {
    return `${head}; machine busy before the run (1-min load ${
      load.before[0].toFixed(2)
    } > ${load.cores} cores): ratio not comparable`;
  }
  const others = load.othersDuring ?? null;
  if (others !== null && others > load.cores / 2) {
    return `${head}; machine busy during the run (other processes used ${
      others.toFixed(2)
    } of ${load.cores} cores on average, > half): ratio not comparable`;
  }
  return `${head}: ${ratio >= target ? "met" : "not met"}`;
}

/**
 * `n` items in `rounds` contiguous slices of near-equal size (index ranges `[start, end)`); no
 * empty slice.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { slices } from "./machine_load.ts";
 * assert.deepEqual(slices(10, 3), [[0, 4], [4, 7], [7, 10]]);
 * assert.deepEqual(slices(2, 5), [[0, 1], [1, 2]]);
 * assert.deepEqual(slices(0, 4), []);
 * ```
 */
export function slices(n: number, rounds: number): [number, number][] {
  const k = Math.max(1, Math.min(rounds, n));
  const out: [number, number][] = [];
  let start = 0;
  for (let i = 0; i < k && start < n; i++) {
    const end = start + Math.ceil((n - start) / (k - i));
    out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * Run each mode over the same slices, in rounds (mode 1 on slice 1, mode 2 on slice 1, …, mode 1
 * on slice 2, …), calling `afterRound` after each round, and `around(mode)` as each mode's turn
 * starts (the function it returns as that turn ends); returns each mode's results in item order,
 * its summed wall time, ms, and each round's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { interleaved } from "./machine_load.ts";
 * const order: string[] = [];
 * const out = await interleaved(4, 2, {
 *   b: (i) => (order.push(`b${i}`), Promise.resolve(i * 10)),
 *   d: (i) => (order.push(`d${i}`), Promise.resolve(-i)),
 * });
 * assert.deepEqual(order, ["b0", "b1", "d0", "d1", "b2", "b3", "d2", "d3"]);
 * assert.deepEqual(out.b.values, [0, 10, 20, 30]);
 * assert.deepEqual(out.d.values, [-0, -1, -2, -3]);
 * assert(out.b.ms >= 0 && out.d.ms >= 0);
 * assert.equal(out.d.roundMs.length, 2);
 * const turns: string[] = [];
 * await interleaved(2, 2, { b: async () => 0 }, undefined, (m) => {
 *   turns.push(`${String(m)}+`);
 *   return () => turns.push(`${String(m)}-`);
 * });
 * assert.deepEqual(turns, ["b+", "b-", "b+", "b-"]);
 * ```
 */
export async function interleaved<R extends Record<string, unknown>>(
  n: number,
  rounds: number,
  modes: { [K in keyof R]: (index: number) => Promise<R[K]> },
  afterRound: () => void = () => {},
  around: (mode: keyof R) => () => void = () => () => {},
): Promise<{ [K in keyof R]: { values: R[K][]; ms: number; roundMs: number[] } }> {
  const names = Object.keys(modes) as (keyof R)[];
  const out = Object.fromEntries(
    names.map((m) => [m, { values: new Array(n), ms: 0, roundMs: [] as number[] }]),
  ) as { [K in keyof R]: { values: R[K][]; ms: number; roundMs: number[] } };
  for (const [start, end] of slices(n, rounds)) {
    for (const m of names) {
      const ended = around(m);
      const started = performance.now();
      const indices = Array.from({ length: end - start }, (_, k) => start + k);
      const values = await Promise.all(indices.map((i) => modes[m](i)));
      const ms = performance.now() - started;
      ended();
      out[m].ms += ms;
      out[m].roundMs.push(ms);
      values.forEach((v, k) => out[m].values[start + k] = v);
    }
    afterRound();
  }
  return out;
}
