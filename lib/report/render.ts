/**
 * Headless notebook execution and HTML export: the report of a run.
 *
 * @module
 */
import { dirname, isAbsolute, join, resolve } from "node:path";
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
 * `data/jupyter/kernels/deno`) and export it as self-contained HTML, using
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
  /** The HTML to write. @default "<runDir>/report.html" */
  out?: string;
  /** Time limit per cell, seconds. @default 120 */
  timeoutSeconds?: number;
  /** Include the code cells' source in the HTML. @default false (outputs and prose only) */
  showCode?: boolean;
}

/**
 * Render the report of a run: execute `notebooks/report.ipynb` with
 * `ASSAY_RUN=<absolute runDir>` and write `<runDir>/report.html`.
 *
 * @example
 * ```ts ignore
 * import { renderReport } from "./render.ts";
 * const html = await renderReport("data/runs/2026-11-26T10-00-00");
 * ```
 *
 * @param runDir The run folder.
 * @param options Where the notebook is and where the HTML goes.
 * @returns The path of the HTML written (absolute).
 */
export async function renderReport(
  runDir: string,
  options: RenderReportOptions = {},
): Promise<string> {
  const run = isAbsolute(runDir) ? runDir : resolve(runDir);
  const notebook = options.notebook ?? join(ROOT, "notebooks", "report.ipynb");
  return await executeNotebook(notebook, {
    outHtml: options.out ?? join(run, "report.html"),
    env: { ASSAY_RUN: run },
    timeoutSeconds: options.timeoutSeconds,
    noInput: !options.showCode,
  });
}
