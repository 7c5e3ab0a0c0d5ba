/**
 * `./assay score`: judge a recorded run against an acceptable-risk policy; exits 1 when a
 * threshold is violated.
 *
 * @module
 */
import { parseArgs } from "./args.ts";
import { resolve } from "node:path";
import { summarize } from "../analyze/summary.ts";
import { loadRun } from "../analyze/load_run.ts";
import { EXIT, UsageError } from "./errors.ts";
import { junitArg, policyArg } from "./inputs.ts";
import { RUNS_DIR } from "./paths.ts";
import { reportPolicy } from "./policy_report.ts";
import { defaultRun, refuseIncomplete } from "./run_choice.ts";
import { printGaps, summaryText } from "./summary_text.ts";
import { costText } from "./cost_text.ts";
import { pricesArg } from "./prices_arg.ts";
import { BUILTIN_PRICES } from "../model/prices.ts";

/**
 * Run `score [--run DIR] [--policy NAME|FILE] [--junit out.xml] [--allow-incomplete]
 * [--prices FILE] [--wide]`: print the run's summary and cost (priced by `--prices`, else by the
 * prices the run recorded), what it does not cover, and the policy's verdicts; exit 1 when one fails.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runScore } from "./score.ts";
 * await assert.rejects(runScore(["--policy", "no-such-policy"]), { name: "UsageError" });
 * await assert.rejects(runScore(["--run", "no/such/run"]), { name: "UsageError" });
 * await assert.rejects(runScore(["--prices", "no/such.json"]), { name: "UsageError", message: /Cannot read prices/ });
 * ```
 *
 * @param args The arguments after `score`.
 * @throws {UsageError} For a bad option, policy, `--junit` path, run folder or an incomplete run.
 */
export async function runScore(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      run: { type: "string" },
      policy: { type: "string", default: "internal-tooling" },
      junit: { type: "string" },
      "allow-incomplete": { type: "boolean", default: false },
      prices: { type: "string" },
      wide: { type: "boolean", default: false },
    },
  });
  const policy = await policyArg(values.policy);
  const prices = await pricesArg(values.prices);
  const junit = await junitArg(values.junit);
  const dir = values.run ? resolve(values.run) : await defaultRun(RUNS_DIR);
  let run;
  try {
    run = await loadRun(dir);
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  refuseIncomplete(run, values["allow-incomplete"]);
  const rows = summarize(run, { prices });
  console.log(summaryText(rows, { wide: values.wide }));
  const cost = costText(rows, prices?.notes ?? run.manifest.prices?.notes ?? BUILTIN_PRICES.notes);
  if (cost) console.log(`\n${cost}`);
  printGaps(run);
  if (!(await reportPolicy(run, policy, junit))) Deno.exit(EXIT.policy);
}
