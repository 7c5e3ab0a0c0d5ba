/** A copy of the tiny fixture suite whose sum-evens reference is slower than its declared limit. */
import { join } from "node:path";
import { tinySuite } from "../cli/_cli.ts";

/** Blocks the module for `ms` without using CPU (the sandbox grants no permissions; Atomics needs none). */
const sleepLine = (ms: number) =>
  `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});\n`;

/**
 * The tiny suite with sum-evens made slow: its reference (and so the synthetic:reference answer)
 * blocks `ms` when it loads (the line is appended: equivalentMutants' positions hold), and its task.json declares `timeoutMs: 1000`.
 */
export function slowSuite(ms: number): Promise<string> {
  return tinySuite(async (d) => {
    const ref = join(d, "sum-evens/reference.ts");
    await Deno.writeTextFile(ref, await Deno.readTextFile(ref) + sleepLine(ms)); // lines unchanged
    const path = join(d, "sum-evens/task.json");
    const task = JSON.parse(await Deno.readTextFile(path));
    await Deno.writeTextFile(path, JSON.stringify({ ...task, timeoutMs: 1000 }));
  });
}
