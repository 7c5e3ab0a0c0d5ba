/**
 * `./assay export`: a recorded run as CSV or JSON Lines (one row per sample, with the answer and
 * its code) or as a markdown summary for a pull-request comment (with a policy's verdicts).
 *
 * @module
 */
import { parseArgs } from "./args.ts";
import { csvText, exportRows, jsonlText } from "../analyze/export_rows.ts";
import { pricesArg } from "./prices_arg.ts";
import { loadRun } from "../analyze/load_run.ts";
import { markdownSummary } from "../analyze/markdown_summary.ts";
import { incompleteLabel } from "../analyze/load_run.ts";
import { resolveRunDirs, RunArgumentError } from "../report/report_args.ts";
import { UsageError } from "./errors.ts";
import { policyArg } from "./inputs.ts";
import { RUNS_DIR } from "./paths.ts";
import { defaultRun, refuseIncomplete } from "./run_choice.ts";

/** The formats `export` writes. */
export const EXPORT_FORMATS = ["csv", "jsonl", "md"] as const;

/**
 * Run `export [--run R] [--runs-dir data/runs] [--format csv|jsonl|md] [--out FILE]
 * [--policy NAME|FILE] [--prices FILE] [--allow-incomplete]`: R is a run folder or a bare run id in the runs
 * folder (default: the newest complete CLI run there); the text goes to stdout unless `--out`. csv and jsonl write every recorded
 * sample (an incomplete run too, with a warning on stderr); md refuses an incomplete run unless
 * `--allow-incomplete`, and then says so at the top.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runExport } from "./export.ts";
 * await assert.rejects(runExport(["--run", "no/such/run"]), { name: "UsageError" });
 * await assert.rejects(runExport(["--format", "xlsx"]), /Cannot use --format "xlsx": use csv, jsonl or md/);
 * await assert.rejects(runExport(["--format", "csv", "--policy", "internal-tooling"]), /--policy .* only with --format md/);
 * ```
 *
 * @param args The arguments after `export`.
 * @returns The text written.
 * @throws {UsageError} For a bad option, policy, run or output path, or an incomplete run (md).
 */
export async function runExport(args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      run: { type: "string" },
      "runs-dir": { type: "string", default: RUNS_DIR },
      format: { type: "string", default: "csv" },
      out: { type: "string" },
      policy: { type: "string" },
      prices: { type: "string" },
      "allow-incomplete": { type: "boolean", default: false },
    },
  });
  const format = values.format as typeof EXPORT_FORMATS[number];
  if (!EXPORT_FORMATS.includes(format)) {
    throw new UsageError(`Cannot use --format "${values.format}": use csv, jsonl or md`);
  }
  if (values.policy !== undefined && format !== "md") {
    throw new UsageError(
      `Cannot use --policy "${values.policy}" with --format ${format}: policy verdicts are written only with --format md`,
    );
  }
  const policy = values.policy === undefined ? undefined : await policyArg(values.policy);
  const prices = await pricesArg(values.prices);
  let dir: string;
  try {
    dir = values.run === undefined
      ? await defaultRun(values["runs-dir"])
      : (await resolveRunDirs([values.run], { runsDir: values["runs-dir"] }))[0];
  } catch (error) {
    throw error instanceof RunArgumentError
      ? new UsageError((error as Error).message.replace("Cannot report on", "Cannot export"))
      : error;
  }
  let run;
  try {
    run = await loadRun(dir);
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  let text: string;
  if (format === "md") {
    refuseIncomplete(run, values["allow-incomplete"]);
    text = markdownSummary(run, { ...(policy ? { policy } : {}), ...(prices ? { prices } : {}) });
  } else {
    if (run.incomplete) {
      console.error(
        `assay: warning: ${run.dir} is ${incompleteLabel(run.incomplete)}; exporting those`,
      );
    }
    const rows = exportRows(run, prices ? { prices } : {});
    text = format === "csv" ? csvText(rows) : jsonlText(rows);
  }
  if (values.out === undefined) {
    await Deno.stdout.write(new TextEncoder().encode(text));
  } else {
    try {
      await Deno.writeTextFile(values.out, text);
    } catch (error) {
      throw new UsageError(`Cannot write --out "${values.out}": ${(error as Error).message}`, {
        cause: error,
      });
    }
    console.error(`assay: wrote ${format} of ${run.manifest.runId} to ${values.out}`);
  }
  return text;
}
