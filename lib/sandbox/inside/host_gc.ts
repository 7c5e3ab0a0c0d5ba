/**
 * A full garbage collection of the host's heap, on demand: after a job whose declared packages
 * it evaluated (mathjs: ~1,000 modules in the job's context), V8 would otherwise grow the heap
 * by the hundreds of MiB such jobs leave behind before it collects. V8's `gc` is taken once,
 * at load, from a private context made while `--expose-gc` is set; the flag is cleared before
 * any job's context exists, so no job sees a `gc` global (the strict runner's processes have
 * none).
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
