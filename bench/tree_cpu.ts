/**
 * CPU time this bench's own process tree used between two samples: how busy a mode kept the
 * cores, which says whether it could go faster by overlapping more (cores idle) or only by doing
 * less per sample (cores full). The bench process itself, each live process below it (a pool
 * host: the process and all its threads, V8's compiler and collector threads included), and the
 * children it reaped meanwhile (a cold `deno run`: the kernel adds a waited-for child's time to
 * its parent's). A process that ended inside a bubblewrap PID namespace reaches no parent of the
 * bench's (others_cpu.ts), so a strict run's CPU time is not counted: a floor. Sample where only
 * long-lived processes (hosts) are alive, between rounds: a child alive at the first sample and
 * reaped before the second counts whole, its time before the first sample included.
 *
 * @module
 */
import {
  cpuGrowth,
  descendants,
  type ProcessSample,
  readProcesses,
  ticksToMs,
} from "./others_cpu.ts";

/** The processes, and the CPU time, ticks, of the children this process has reaped. */
export interface TreeSample {
  processes: ProcessSample[];
  reaped: number;
}

/** Sample now, or null where there is no /proc. */
export function sampleTree(): TreeSample | null {
  const processes = readProcesses();
  if (processes === null) return null;
  try {
    const stat = Deno.readTextFileSync("/proc/self/stat");
    // Fields counted from 3 after the name: cutime(16) cstime(17) are the 14th and 15th.
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { processes, reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/** CPU time, ms: the bench process's own, and that of the processes below it. */
export interface TreeMs {
  self: number;
  below: number;
}

/**
 * CPU time, ms, that `self` (the bench) and the processes below it used between `before` and
 * `after`: `self` its own, `below` its live descendants' growth (all of one born since) plus the
 * children it reaped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { treeMs } from "./tree_cpu.ts";
 * const p = (pid: number, ppid: number, cpu: number, start = 1) => ({ pid, ppid, cpu, start });
 * // 10 is the bench, 20 a host, 21 the host's deno; 30 another user's; 40 born since.
 * const before = { processes: [p(10, 1, 100), p(20, 10, 5), p(21, 20, 50), p(30, 1, 7)], reaped: 3 };
 * const after = {
 *   processes: [p(10, 1, 130), p(20, 10, 5), p(21, 20, 90), p(30, 1, 70), p(40, 10, 2)],
 *   reaped: 23,
 * };
 * assert.deepEqual(treeMs(before, after, 10), { self: 300, below: (40 + 2 + 20) * 10 });
 * ```
 */
export function treeMs(before: TreeSample, after: TreeSample, self: number): TreeMs {
  const ours = descendants(after.processes, self);
  const growth = cpuGrowth(before.processes);
  let own = 0;
  let below = after.reaped - before.reaped;
  for (const p of after.processes) {
    if (!ours.has(p.pid)) continue;
    if (p.pid === self) own += growth(p);
    else below += growth(p);
  }
  return { self: ticksToMs(own), below: ticksToMs(below) };
}

/**
 * How busy (b) and (d) kept the cores over their turns (`cpu`, one {@link TreeMs} per turn;
 * `modes`, their wall times), and what (d)'s CPU time per program allows: with every core busy,
 * its rate can rise only to programs / (CPU time / cores). A mode near full use goes faster only
 * by spending less CPU time per program, not by overlapping more. Lines to print.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cpuBudget } from "./tree_cpu.ts";
 * const cpu = { b: [{ self: 100, below: 1900 }], d: [{ self: 100, below: 300 }] };
 * const modes = { b: { ms: 1000, roundMs: [1000] }, d: { ms: 250, roundMs: [250] } };
 * const lines = cpuBudget(cpu, modes, { programs: 100, bRate: 100, cores: 2 });
 * assert.match(lines[0], /\(b\) 2\.00 s in 1\.00 s, 2\.00 of 2 cores busy; \(d\) 0\.40 s/);
 * // 100 programs in 0.4 s of CPU on 2 cores: at most 500 programs/s, 5 times (b)'s 100.
 * assert.match(lines[1], /at most 500 programs\/s, \(d\)\/\(b\) 5\.0$/);
 * ```
 */
export function cpuBudget(
  cpu: Record<"b" | "d", TreeMs[]>,
  modes: Record<"b" | "d", { ms: number; roundMs: number[] }>,
  o: { programs: number; bRate: number; cores?: number },
): string[] {
  const cores = o.cores ?? navigator.hardwareConcurrency;
  if (cpu.b.length !== modes.b.roundMs.length || cpu.d.length !== modes.d.roundMs.length) {
    return ["CPU time: not measured (no /proc)"];
  }
  const total = (xs: TreeMs[]) => xs.reduce((t, x) => t + x.self + x.below, 0);
  const [b, d] = [total(cpu.b), total(cpu.d)];
  const dSelf = cpu.d.reduce((t, x) => t + x.self, 0);
  const busy = (ms: number, wallMs: number) => `${(ms / wallMs).toFixed(2)} of ${cores} cores`;
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const dMax = o.programs / (d / 1000 / cores);
  return [
    `CPU time (this bench's tree; a floor: processes that end inside bubblewrap are not counted): (b) ${
      s(b)
    } s in ${s(modes.b.ms)} s, ${busy(b, modes.b.ms)} busy; (d) ${
      s(d)
    } s (this process: the pool's parent and the bench's samplers, ${s(dSelf)} s, its hosts ${
      s(d - dSelf)
    } s) in ${s(modes.d.ms)} s, ${busy(d, modes.d.ms)} busy`,
    `(d) CPU per round, s: ${
      cpu.d.map((x) => s(x.self + x.below)).join(", ")
    }; with every core busy, (d)'s CPU time per program allows at most ${
      dMax.toFixed(0)
    } programs/s, (d)/(b) ${(dMax / o.bRate).toFixed(1)}`,
  ];
}
