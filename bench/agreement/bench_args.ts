/**
 * The command line of an agreement bench (`--limit N`, `--only key,…`) and the machine's load
 * printed before and after one: the same for the TypeScript and the Python agreement benches.
 *
 * @module
 */
import { parseArgs } from "node:util";

/** What {@link benchArgs} read. */
export interface BenchArgs<B> {
  /** `--limit N`: a seeded sample of N samples per benchmark; undefined for all of them. */
  limit: number | undefined;
  /** The benchmarks `--only` names (keys or key prefixes); all of them without it. */
  chosen: B[];
}

/**
 * Read `--limit N` and `--only key,…` (keys or their prefixes) from `args`, for the bench
 * `command`. Throws on a limit that is not an integer >= 1 and on an `--only` that names none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { benchArgs } from "./bench_args.ts";
 * const all = [{ key: "mbxp-ts" }, { key: "mbxp-js" }, { key: "humaneval-x" }];
 * assert.deepEqual(benchArgs(["--limit", "5", "--only", "mbxp"], all, "agreement"), {
 *   limit: 5,
 *   chosen: all.slice(0, 2),
 * });
 * assert.deepEqual(benchArgs([], all, "agreement"), { limit: undefined, chosen: all });
 * assert.throws(() => benchArgs(["--limit", "0"], all, "agreement"), /Cannot use --limit "0"/);
 * assert.throws(
 *   () => benchArgs(["--only", "x"], all, "python"),
 *   /Cannot run python --only "x": use keys among mbxp-ts, mbxp-js, humaneval-x/,
 * );
 * ```
 */
export function benchArgs<B extends { key: string }>(
  args: string[],
  benchmarks: readonly B[],
  command: string,
): BenchArgs<B> {
  const { values } = parseArgs({
    args,
    options: { limit: { type: "string" }, only: { type: "string" } },
  });
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
    throw new Error(`Cannot use --limit "${values.limit}": use an integer >= 1`);
  }
  const only = values.only?.split(",").map((s) => s.trim()).filter(Boolean);
  const chosen = benchmarks.filter((b) => !only || only.some((o) => b.key.startsWith(o)));
  if (chosen.length === 0) {
    throw new Error(
      `Cannot run ${command} --only "${values.only}": use keys among ${
        benchmarks.map((b) => b.key).join(", ")
      }`,
    );
  }
  return { limit, chosen };
}

/**
 * The load average and the cores, as a bench prints them before and after it runs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { machineLoad } from "./bench_args.ts";
 * assert.match(await machineLoad(), /^load average \S+ \S+ \S+ on \d+ cores$/);
 * ```
 */
export async function machineLoad(): Promise<string> {
  const avg = (await Deno.readTextFile("/proc/loadavg").catch(() => "? ? ?")).split(" ");
  return `load average ${avg.slice(0, 3).join(" ")} on ${navigator.hardwareConcurrency} cores`;
}
