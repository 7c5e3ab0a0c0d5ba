/**
 * Headless notebook execution and HTML export: the report of a run.
 *
 * @module
 */
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import { ensureKernelSpec, findJupyter } from "./kernel.ts";

/** The repository root (two folders above this file). */
const ROOT = fromFileUrl(new URL("../../", import.meta.url));
/** The Python executor beside this file. */
const EXECUTOR = fromFileUrl(new URL("./execute_notebook.py", import.meta.url));

/** Options for {@link executeNotebook}. */
export interface ExecuteNotebookOptions {
  /** Where to write the HTML. */
  outHtml: string;
  /** Extra environment variables for the kernel (added to this process's). @default {} */
  env?: Record<string, string>;
  /** Time limit per cell, seconds. @default 120 */
  timeoutSeconds?: number;
  /** Export even when a cell fails (its error is in the HTML). @default false */
  allowErrors?: boolean;
  /** Leave code cells' source out of the HTML. @default false */
  noInput?: boolean;
  /** The kernel's working folder. @default the notebook's folder */
  cwd?: string;
}

/**
 * Execute a notebook on the Deno kernel (this Deno binary, spec kept in
 * `data/jupyter/kernels/assay`) and export it as self-contained HTML, using
 * `lib/report/execute_notebook.py` on Debian's Python (nbclient, draining
 * IOPub after idle; nbconvert's HTMLExporter).
 *
 * @example
 * ```ts ignore
 * import { executeNotebook } from "./render.ts";
 * await executeNotebook("notebooks/report.ipynb", { outHtml: "/tmp/report.html" });
 * ```
 *
 * @param notebook Path of the .ipynb file.
 * @param options Output path and execution options.
 * @returns The path of the HTML written (absolute).
 * @throws {Error} `Cannot execute notebook "<notebook>": <cell error>` when a cell fails,
 *   or the error of {@link findJupyter} when Jupyter is not installed.
 */
export async function executeNotebook(
  notebook: string,
  options: ExecuteNotebookOptions,
): Promise<string> {
  const { env = {}, timeoutSeconds = 120, allowErrors = false, noInput = false } = options;
  const python = await findJupyter();
  const kernelDir = join(ROOT, "data", "jupyter");
  await ensureKernelSpec(kernelDir, Deno.execPath());
  const input = resolve(notebook);
  const outHtml = resolve(options.outHtml);
  const args = [
    EXECUTOR,
    input,
    outHtml,
    "--timeout",
    String(timeoutSeconds),
    "--kernel-dir",
    kernelDir,
    "--cwd",
    resolve(options.cwd ?? dirname(input)),
  ];
  if (allowErrors) args.push("--allow-errors");
  if (noInput) args.push("--no-input");
  const { code, stderr } = await new Deno.Command(python, {
    args,
    env,
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).output();
  if (code !== 0) {
    // stderr also carries the kernel's own chatter; the executor's message comes last.
    const text = new TextDecoder().decode(stderr).trim();
    const at = text.lastIndexOf(`Cannot execute notebook "`);
    const detail = at >= 0
      ? text.slice(at)
      : `Cannot execute notebook "${notebook}": ${
        text.split("\n").filter((l) => l.trim()).slice(-40).join("\n") || `exit code ${code}`
      }`;
    throw new Error(detail);
  }
  return outHtml;
}

/** Options for {@link renderReport}. */
export interface RenderReportOptions {
  /** The report notebook. @default "<repo>/notebooks/report.ipynb" */
  notebook?: string;
  /**
   * The HTML to write. @default "<runDir>/report.html" for one run;
   * "<first run>/report-vs-<second run id>[-vs-<third run id>…].html" for several
   */
  out?: string;
  /** Time limit per cell, seconds. @default 120 */
  timeoutSeconds?: number;
  /** Include the code cells' source in the HTML. @default false (outputs and prose only) */
  showCode?: boolean;
}

/**
 * The HTML {@link renderReport} writes by default: `<run>/report.html` for
 * one run; for several, a file in the first (baseline) run's folder named
 * after the others, `report-vs-<id>[-vs-<id>…].html`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { defaultReportPath } from "./render.ts";
 * assert.equal(defaultReportPath(["/runs/a"]), "/runs/a/report.html");
 * assert.equal(defaultReportPath(["/runs/a", "/runs/b", "/runs/c"]), "/runs/a/report-vs-b-vs-c.html");
 * ```
 *
 * @param runDirs The run folders, baseline first.
 * @returns The path (absolute when the folders are).
 */
export function defaultReportPath(runDirs: readonly string[]): string {
  const [first, ...others] = runDirs.map((d) => resolve(d));
  if (first === undefined) throw new RangeError("Cannot name a report: no run folder given");
  return others.length === 0
    ? join(first, "report.html")
    : join(first, `report-vs-${others.map((d) => basename(d)).join("-vs-")}.html`);
}

/**
 * Render the report of a run, or the comparison report of several: execute
 * `notebooks/report.ipynb` with `ASSAY_RUN=<first run>` and
 * `ASSAY_RUNS=<JSON array of every run>` (absolute folders) and write the HTML
 * (see {@link defaultReportPath}). With one run the report covers that run;
 * with two or more it adds the comparison section (summaries side by side,
 * changes with bootstrap intervals against the first run, flipped tasks) and
 * the acceptable-risk verdict of every run.
 *
 * @example
 * ```ts ignore
 * import { renderReport } from "./render.ts";
 * const html = await renderReport("data/runs/2026-11-26T10-00-00");
 * const comparison = await renderReport(["data/runs/a", "data/runs/b"]);
 * ```
 *
 * @param runDir The run folder, or the run folders to compare (baseline first).
 * @param options Where the notebook is and where the HTML goes.
 * @returns The path of the HTML written (absolute).
 */
export async function renderReport(
  runDir: string | readonly string[],
  options: RenderReportOptions = {},
): Promise<string> {
  const runs = (typeof runDir === "string" ? [runDir] : [...runDir]).map((d) =>
    isAbsolute(d) ? d : resolve(d)
  );
  if (runs.length === 0) throw new RangeError("Cannot render a report: no run folder given");
  const notebook = options.notebook ?? join(ROOT, "notebooks", "report.ipynb");
  return await executeNotebook(notebook, {
    outHtml: options.out ?? defaultReportPath(runs),
    env: { ASSAY_RUN: runs[0], ASSAY_RUNS: JSON.stringify(runs) },
    timeoutSeconds: options.timeoutSeconds,
    noInput: !options.showCode,
  });
}
