/**
 * Which run `score` and `report` read: the one named, or the newest complete CLI run (saying
 * which); and the refusal of an incomplete run unless `--allow-incomplete`.
 *
 * @module
 */
import { relative } from "node:path";
import { newestRun } from "../analyze/find_runs.ts";
import { incompleteLabel, type Run } from "../analyze/load_run.ts";
import { UsageError } from "./errors.ts";
import { requireComplete } from "../analyze/incomplete_run_error.ts";

/**
 * The newest complete run made by the CLI under `runsDir`, announced on stderr.
 *
 * @throws {UsageError} When there is none.
 */
export async function defaultRun(runsDir: string): Promise<string> {
  const found = await newestRun(runsDir);
  if (found === null) {
    throw new UsageError(
      `Cannot find a complete run made by "./assay eval" in "${runsDir}": run "./assay eval" first, or name one with --run`,
    );
  }
  console.error(
    `assay: reading the newest complete CLI run: ${relative(Deno.cwd(), found.dir) || found.dir}${
      found.manifest.name ? ` ("${found.manifest.name}")` : ""
    } (name another with --run)`,
  );
  return found.dir;
}

/**
 * Refuse an incomplete run (`IncompleteRunError`, exit 2) unless the user allowed it; when allowed,
 * say so.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { refuseIncomplete } from "./run_choice.ts";
 * const run = { dir: "data/runs/r", incomplete: { recorded: 13, expected: 60 } };
 * assert.throws(() => refuseIncomplete(run, false), /13 of 60 samples recorded: rerun the eval command to resume, or pass --allow-incomplete/);
 * ```
 */
export function refuseIncomplete(run: Pick<Run, "dir" | "incomplete">, allowed: boolean): void {
  if (run.incomplete === null) return;
  if (!allowed) requireComplete(run, "judge");
  console.error(
    `assay: warning: ${run.dir} is ${
      incompleteLabel(run.incomplete)
    }; every number covers only these`,
  );
}
