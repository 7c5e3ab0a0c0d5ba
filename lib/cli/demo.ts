/**
 * `deno task demo`: `eval` on the built-in suite with two synthetic models, then `report`.
 *
 * @module
 */
import { runEval } from "./eval.ts";
import { runReport } from "./report.ts";

/**
 * Run `demo [eval options]`: three samples of synthetic:default and synthetic:sloppy (any `eval`
 * option given overrides), then the run's report; prints the report's address.
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
  const dir = await runEval([
    "--model",
    "synthetic:default",
    "--model",
    "synthetic:sloppy",
    "--samples",
    "3",
    ...args,
  ]);
  const html = await runReport(["--run", dir]);
  console.log(`\nOpen the report: file://${html}`);
  return html;
}
