/**
 * A full garbage collection of the host's heap, on demand: after a job whose declared packages
 * it evaluated (mathjs: ~1,000 modules in the job's context), V8 would otherwise grow the heap
 * by the hundreds of MiB such jobs leave behind before it collects. A `gc` is taken once,
 * at load, from a private context made while `--expose-gc` is set; the flag is cleared before
 * any job's context exists, so no job sees a `gc` global (the strict runner's processes have
 * none).
 *
 * Its cost, measured (Deno 2.9.6, `--trace-gc`): a `gc` got this way is a *low-memory
 * notification* whatever its arguments — two memory-reducing mark-compacts (~50–70 ms here) that
 * also drop the compiled code of everything dead, so a host's next mathjs job links and
 * evaluates it anew (linking and evaluating mathjs took 170–250 ms after each such `gc`,
 * ~100 ms after a regular one: one process, 8 jobs each way). The regular
 * collection (~20 ms, compiled code kept) is the `gc` of `--expose-gc` given at start, which
 * V8 then installs in every context made later, the jobs' too, unremovably (non-configurable):
 * not an option. Hence a threshold, not a collection after every package job.
 *
 * @module
 */
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInContext(
  "typeof gc === 'function' ? gc : null",
  vm.createContext(vm.constants.DONT_CONTEXTIFY),
) as (() => void) | null;
v8.setFlagsFromString("--no-expose-gc");

/**
 * Past this much heap (MiB) after a package job, the host collects: a host's heap holds ~30 MiB
 * once collected, and each mathjs job leaves ~20 MiB, so about every other such job (a host
 * holding mathjs stays near 100–140 MiB resident, against 150–170 with 96 here).
 */
const COLLECT_OVER_MB = 48;

/** Collect the heap when it holds more than {@link COLLECT_OVER_MB}; whether it did. */
export function collectIfLarge(): boolean {
  if (gc === null) return false;
  if (Deno.memoryUsage().heapUsed < COLLECT_OVER_MB * 1024 * 1024) return false;
  gc();
  return true;
}
