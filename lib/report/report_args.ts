/**
 * The `report` command's arguments: one `--run` for a run's report, several
 * for a comparison report; each a run folder or a run id under the runs folder.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { basename, dirname, join, resolve } from "node:path";

/** The parsed `report` arguments. */
export interface ReportArgs {
  /** The `--run` values as given, in order (empty: the newest run). */
  runs: string[];
  /** `--show-code`: include code cells' source in the HTML. */
  showCode: boolean;
  /** `--out`: where to write the HTML, when given. */
  out?: string;
  /** `--allow-incomplete`: report on an incomplete run (every page then says so). */
  allowIncomplete: boolean;
  /** `--prices FILE`: re-price the runs by this price file over the built-in table, when given. */
  prices?: string;
}

/**
 * Parse `report [--run DIR]… [--out FILE] [--show-code]`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseReportArgs } from "./report_args.ts";
 * const args = parseReportArgs(["--run", "data/runs/a", "--run", "data/runs/b", "--show-code"]);
 * assert.deepEqual(args, { runs: ["data/runs/a", "data/runs/b"], showCode: true, out: undefined, allowIncomplete: false });
 * ```
 *
 * @param args The arguments after `report`.
 * @returns The runs, the code switch, the output path.
 * @throws {TypeError} node:util's `ERR_PARSE_ARGS_*` errors for an unknown option or a missing value.
 */
export function parseReportArgs(args: readonly string[]): ReportArgs {
  const { values } = parseArgs({
    args: [...args],
    options: {
      run: { type: "string", multiple: true },
      out: { type: "string" },
      "show-code": { type: "boolean", default: false },
      "allow-incomplete": { type: "boolean", default: false },
      prices: { type: "string" },
    },
  });
  return {
    ...(values.prices === undefined ? {} : { prices: values.prices }),
    runs: values.run ?? [],
    showCode: values["show-code"] ?? false,
    out: values.out,
    allowIncomplete: values["allow-incomplete"] ?? false,
  };
}

/**
 * Thrown by {@link resolveRunDirs} for a `--run` value that is not a usable run folder (the CLI
 * prints its message and exits 2).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveRunDirs, RunArgumentError } from "./report_args.ts";
 * await assert.rejects(resolveRunDirs(["/no/such/run"], { runsDir: "data/runs" }), RunArgumentError);
 * ```
 */
export class RunArgumentError extends Error {
  override name = "RunArgumentError";
}

/** What `path` is: a run folder, another folder, a file, or nothing. */
async function kind(path: string): Promise<"run" | "folder" | "file" | "missing"> {
  try {
    const info = await Deno.stat(path);
    if (!info.isDirectory) return "file";
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return "missing";
    throw error;
  }
  try {
    return (await Deno.stat(join(path, "manifest.json"))).isFile ? "run" : "folder";
  } catch {
    return "folder";
  }
}

/**
 * Resolve `--run` values to absolute run folders: a path to a folder holding
 * `manifest.json`, or a bare run id found in `runsDir`. Each value must name
 * a different run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveRunDirs } from "./report_args.ts";
 * const fixtures = new URL("../../data/fixtures", import.meta.url).pathname;
 * const [dir] = await resolveRunDirs(["run-tiny"], { runsDir: fixtures }); // a run id in runsDir
 * assert(dir.endsWith("/data/fixtures/run-tiny"));
 * await assert.rejects(resolveRunDirs(["run-tiny", `${fixtures}/run-tiny`], { runsDir: fixtures }), /with itself/);
 * ```
 *
 * @param values The `--run` values, in order.
 * @param options `runsDir`, where bare run ids are looked up.
 * @returns Absolute run folders, in order.
 * @throws {RunArgumentError} `Cannot report on run "<value>": "<path>" does not exist: …`, or has
 *   no manifest.json, or is a file; `Cannot compare run "<value>" with itself: …`.
 */
export async function resolveRunDirs(
  values: readonly string[],
  options: { runsDir: string },
): Promise<string[]> {
  const dirs: string[] = [];
  for (const value of values) {
    const fail = (detail: string): never => {
      throw new RunArgumentError(`Cannot report on run "${value}": ${detail}`);
    };
    if (value.trim() === "") {
      fail(
        `the value is empty: pass a run folder, e.g. --run ${join(options.runsDir, "<run-id>")}`,
      );
    }
    const path = resolve(value);
    let found = await kind(path);
    let dir = path;
    if (found !== "run" && !value.includes("/")) {
      const byId = join(options.runsDir, value);
      if (await kind(byId) === "run") [found, dir] = ["run", byId];
    }
    if (found === "missing") {
      fail(
        `"${path}" does not exist: pass a run folder or a run id from "${options.runsDir}" ` +
          `(e.g. --run ${join(options.runsDir, "<run-id>")}; "./assay eval" creates one)`,
      );
    }
    if (found === "file") {
      const parent = dirname(path);
      fail(
        `"${path}" is a file, not a run folder: pass the folder that holds it` +
          ((await kind(parent)) === "run" ? ` (--run ${parent})` : ""),
      );
    }
    if (found === "folder") {
      fail(
        `"${path}" has no manifest.json, so it is not a run folder: pass a folder written by ` +
          `"./assay eval", e.g. --run ${join(options.runsDir, "<run-id>")}`,
      );
    }
    const same = dirs.findIndex((d) => resolve(d) === resolve(dir));
    if (same >= 0) {
      throw new RunArgumentError(
        `Cannot compare run "${value}" with itself: --run ${values[same]} names the same folder ` +
          `("${basename(dir)}"): pass a different run to compare with`,
      );
    }
    dirs.push(dir);
  }
  return dirs;
}
