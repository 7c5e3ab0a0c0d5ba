/**
 * `./assay demo`: `eval` on the built-in TypeScript suite and ten tasks of the Python suite, in
 * one run, with two synthetic models, then `report`.
 *
 * @module
 */
import { join } from "node:path";
import { loadSuite } from "../task/load_suite.ts";
import { mixSuites } from "../task/mix_suites.ts";
import type { Suite } from "../task/schema.ts";
import { scrubArgs } from "./errors.ts";
import { runEval } from "./eval.ts";
import { ROOT } from "./paths.ts";
import { runReport } from "./report.ts";

/** The Python tasks the demo runs beside the TypeScript suite: one or two per Python trap. */
export const DEMO_PYTHON_TASKS: readonly string[] = [
  "find-index", // identity: `is` versus `==`
  "flatten", // recursion depth, copying
  "floor-bucket", // floor division, big integers
  "make-multipliers", // closures bound late
  "reverse-text", // unicode, string immutability
  "round-half-away", // banker's rounding
  "sort-by-age", // sort stability
  "unique", // generators, laziness
  "with-defaults", // mutable default arguments
  "word-counts", // dict ordering, Counter
];

/**
 * The demo's suite: every task of `tasks/builtin` (TypeScript) and {@link DEMO_PYTHON_TASKS} of
 * `tasks/python`, as one suite named `builtin+python`, so one run (and its report) shows both
 * languages side by side.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { demoSuite } from "./demo.ts";
 * const suite = await demoSuite();
 * assert.equal(suite.name, "builtin+python");
 * assert.equal(suite.tasks.filter((t) => t.language === "py").length, 10);
 * assert.ok(suite.tasks.filter((t) => t.language === "ts").length >= 60);
 * ```
 *
 * @returns The mixed suite.
 */
export async function demoSuite(): Promise<Suite> {
  const [ts, py] = await Promise.all([
    loadSuite(join(ROOT, "tasks", "builtin")),
    loadSuite(join(ROOT, "tasks", "python")),
  ]);
  return await mixSuites([{ suite: ts }, { suite: py, tasks: DEMO_PYTHON_TASKS }], {
    name: "builtin+python",
    dir: join(ROOT, "tasks"),
  });
}

/**
 * Run `demo [eval options]`: three samples of synthetic:default and synthetic:sloppy on
 * {@link demoSuite} (TypeScript and Python in one run; any `eval` option given overrides, and
 * `--suite` replaces the mixed suite), then the run's report; prints the report's address.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runDemo } from "./demo.ts";
 * await assert.rejects(runDemo(["--samples", "0"]), /Cannot use --samples "0"/);
 * ```
 *
 * @param args Extra `eval` options.
 * @returns The HTML report's path.
 */
export async function runDemo(args: string[]): Promise<string> {
  const own = args.some((a) => a === "--suite" || a.startsWith("--suite="));
  const dir = await runEval(
    [
      "--model",
      "synthetic:default",
      "--model",
      "synthetic:sloppy",
      "--samples",
      "3",
      ...args,
    ],
    own ? {} : { suite: await demoSuite(), command: ["./assay", "demo", ...scrubArgs(args)] },
  );
  const html = await runReport(["--run", dir]);
  console.log(`\nOpen the report: file://${html}`);
  return html;
}
