/**
 * What other processes used while a bench ran, its own work left out. The load average cannot
 * say: a bench with 4 workers, warm hosts and sandboxes pushes it past the cores by itself. Nor
 * can the machine's CPU time minus the bench's own: a process in a bubblewrap PID namespace is
 * never accounted to the bench (its CPU time does not reach the bench's children's times). So
 * the bench samples /proc: every process that is not the bench or a descendant of it (by parent
 * links, sandboxes included) and not a kernel thread, and the CPU time each used between two
 * samples — all of it for a process born since the last sample. A process born and gone between
 * two samples is missed (a short `git` or compiler run of another user), so the figure is a floor.
 *
 * @module
 */

/** One process as /proc shows it. */
export interface ProcessSample {
  pid: number;
  ppid: number;
  /** Start time, clock ticks after boot (with `pid`, tells a reused pid apart). */
  start: number;
  /** User + system CPU time so far, clock ticks. */
  cpu: number;
}

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;
/** The kernel thread daemon: its children are kernel threads. */
const KTHREADD = 2;

/** Every process in /proc now, or null where there is no /proc. */
export function readProcesses(): ProcessSample[] | null {
  const out: ProcessSample[] = [];
  try {
    for (const entry of Deno.readDirSync("/proc")) {
      if (!/^\d+$/.test(entry.name)) continue;
      try {
        const stat = Deno.readTextFileSync(`/proc/${entry.name}/stat`);
        // After the name (in parentheses, may hold spaces): state ppid … utime(14) stime(15) …
        // starttime(22); fields counted from 3 after the name.
        const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        out.push({
          pid: Number(entry.name),
          ppid: Number(f[1]),
          cpu: Number(f[11]) + Number(f[12]),
          start: Number(f[19]),
        });
      } catch { /* gone meanwhile */ }
    }
  } catch {
    return null;
  }
  return out;
}

/**
 * `self` and every process below it by parent links, among `processes`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { descendants } from "./others_cpu.ts";
 * const p = (pid: number, ppid: number) => ({ pid, ppid, cpu: 0, start: 1 });
 * assert.deepEqual([...descendants([p(10, 1), p(20, 10), p(21, 20), p(30, 1)], 10)].sort(), [10, 20, 21]);
 * ```
 */
export function descendants(processes: readonly ProcessSample[], self: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const ours = new Set<number>();
  const todo = [self];
  while (todo.length > 0) {
    const pid = todo.pop()!;
    if (ours.has(pid)) continue;
    ours.add(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return ours;
}

/** Clock ticks of /proc's CPU times as ms. */
export const ticksToMs = (ticks: number): number => (ticks * 1000) / TICKS_PER_SECOND;

/**
 * How much CPU time, ticks, a process of a later sample used since `before`: its growth when
 * `before` has it (the same pid and start time), all of it for a process born since.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cpuGrowth } from "./others_cpu.ts";
 * const growth = cpuGrowth([{ pid: 10, ppid: 1, cpu: 100, start: 1 }]);
 * assert.equal(growth({ pid: 10, ppid: 1, cpu: 130, start: 1 }), 30);
 * assert.equal(growth({ pid: 10, ppid: 1, cpu: 5, start: 9 }), 5); // pid reused
 * ```
 */
export function cpuGrowth(before: readonly ProcessSample[]): (p: ProcessSample) => number {
  const earlier = new Map(before.map((p) => [`${p.pid}:${p.start}`, p.cpu]));
  return (p) => Math.max(0, p.cpu - (earlier.get(`${p.pid}:${p.start}`) ?? 0));
}

/**
 * CPU time, ms, that processes other than `self` and its descendants (and kernel threads) used
 * between two samples: the growth of each process seen in both, all of a process born since.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { othersMs } from "./others_cpu.ts";
 * const p = (pid: number, ppid: number, cpu: number, start = 1) => ({ pid, ppid, cpu, start });
 * const before = [p(10, 1, 100), p(20, 10, 50), p(30, 1, 40), p(99, 2, 0)];
 * // 10 is the bench, 20 its sandbox, 21 a sandbox's child; 30 another user's, 31 born since.
 * const after = [p(10, 1, 400), p(20, 10, 300), p(21, 20, 90), p(30, 1, 60), p(31, 1, 5), p(99, 2, 70)];
 * assert.equal(othersMs(before, after, 10), (20 + 5) * 10);
 * ```
 */
export function othersMs(
  before: readonly ProcessSample[],
  after: readonly ProcessSample[],
  self: number,
): number {
  const ours = descendants(after, self);
  const growth = cpuGrowth(before);
  let ticks = 0;
  for (const p of after) {
    if (ours.has(p.pid) || p.pid === KTHREADD || p.ppid === KTHREADD) continue;
    ticks += growth(p);
  }
  return ticksToMs(ticks);
}

/**
 * Sample other processes' CPU time every `intervalMs` from now; `stop()` returns how many cores
 * they kept busy on average since the start, or null where there is no /proc.
 */
export function watchOthers(intervalMs = 500): { stop(): number | null } {
  const started = performance.now();
  let last = readProcesses();
  let ms = 0;
  const sample = () => {
    const now = readProcesses();
    if (last !== null && now !== null) ms += othersMs(last, now, Deno.pid);
    last = now;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      if (last === null) return null;
      sample();
      return ms / (performance.now() - started);
    },
  };
}
