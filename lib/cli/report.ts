/**
 * `./assay report`: execute `notebooks/report.ipynb` for one run, or a comparison of several,
 * and export it as HTML.
 *
 * @module
 */
import { join, relative, resolve } from "node:path";
import { loadRun } from "../analyze/load_run.ts";
import { renderReport } from "../report/render.ts";
import { parseReportArgs, resolveRunDirs, RunArgumentError } from "../report/report_args.ts";
import { UsageError } from "./errors.ts";
import { RUNS_DIR } from "./paths.ts";
import { defaultRun, refuseIncomplete } from "./run_choice.ts";
import { pricesArg } from "./prices_arg.ts";

/**
 * Run `report [--run DIR]… [--out FILE] [--show-code] [--allow-incomplete] [--prices FILE]`: every
 * run is read (and an incomplete one refused) before the notebook executes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runReport } from "./report.ts";
 * await assert.rejects(runReport(["--run", "no/such/run"]), { name: "UsageError" });
 * await assert.rejects(runReport(["--prices", "no/such.json"]), { name: "UsageError", message: /Cannot read prices/ });
 * ```
 *
 * @param args The arguments after `report`.
 * @returns The HTML report's path.
 * @throws {UsageError} For a bad option, a missing run or an incomplete one.
 */
export async function runReport(args: string[]): Promise<string> {
  const { runs, showCode, out, allowIncomplete, prices } = parseReportArgs(args);
  // A price file re-prices the runs (checked here; the notebook reads it from ASSAY_PRICES).
  if (prices !== undefined) {
    await pricesArg(prices);
    Deno.env.set("ASSAY_PRICES", resolve(prices));
  }
  let dirs: string[];
  try {
    dirs = runs.length
      ? await resolveRunDirs(runs, { runsDir: RUNS_DIR })
      : [await defaultRun(RUNS_DIR)];
  } catch (error) {
    throw error instanceof RunArgumentError ? new UsageError(error.message) : error;
  }
  if (runs.length === 0) {
    try {
      await Deno.stat(join(dirs[0], "manifest.json"));
    } catch {
      throw new UsageError(
        `Cannot report on "${dirs[0]}": it has no manifest.json (is it a run folder?)`,
      );
    }
  }
  for (const dir of dirs) {
    let run;
    try {
      run = await loadRun(dir);
    } catch (error) {
      throw new UsageError((error as Error).message, { cause: error });
    }
    refuseIncomplete(run, allowIncomplete);
  }
  const shown = dirs.map((d) => {
    const r = relative(Deno.cwd(), d);
    return r && !r.startsWith("..") ? r : d;
  }).join(" vs ");
  console.error(
    `assay: executing notebooks/report.ipynb for ${
      dirs.length > 1 ? "a comparison of " : ""
    }${shown}`,
  );
  const html = await renderReport(dirs, { showCode, out: out ? resolve(out) : undefined });
  console.log(`report: ${html}`);
  return html;
}
