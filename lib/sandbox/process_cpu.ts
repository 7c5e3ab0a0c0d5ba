/**
 * CPU time used by a process and its descendants, read from Linux's /proc: how the sandbox
 * tells a sample that keeps a CPU busy from one merely waiting for a CPU on a loaded machine.
 *
 * @module
 */

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * The CPU time (user + system, every thread) used so far by process `pid` and every process
 * below it, ms, at /proc's resolution (10 ms); null when /proc cannot be read (not Linux, or the
 * process is gone). A descendant that ends meanwhile is left out; its CPU time is not counted.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { processTreeCpuMs } from "./process_cpu.ts";
 * const used = processTreeCpuMs(Deno.pid);
 * if (Deno.build.os === "linux") assert.ok(used !== null && used >= 0);
 * assert.equal(processTreeCpuMs(2 ** 22 + 1), null); // above Linux's pid limit: no such process
 * ```
 */
export function processTreeCpuMs(pid: number): number | null {
  let ticks = 0;
  let found = false;
  const todo = [pid];
  const seen = new Set<number>();
  while (todo.length > 0) {
    const p = todo.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    let stat: string;
    try {
      stat = Deno.readTextFileSync(`/proc/${p}/stat`);
    } catch {
      continue; // gone meanwhile
    }
    // The command name (2nd field) is in parentheses and may hold spaces: count after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    ticks += Number(fields[11]) + Number(fields[12]);
    found = true;
    try {
      for (const task of Deno.readDirSync(`/proc/${p}/task`)) {
        const children = Deno.readTextFileSync(`/proc/${p}/task/${task.name}/children`).trim();
        if (children !== "") todo.push(...children.split(" ").map(Number));
      }
    } catch { /* gone meanwhile, or no children file */ }
  }
  return found ? (ticks * 1000) / TICKS_PER_SECOND : null;
}
