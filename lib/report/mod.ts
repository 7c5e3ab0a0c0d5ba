/**
 * Reports: execute notebooks headlessly, export HTML, and the self-contained sample browser.
 *
 * Reached as the `assay/report` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export { ensureKernelSpec, findJupyter } from "./kernel.ts";
export { defaultReportPath, executeNotebook, renderReport } from "./render.ts";
export { parseReportArgs, resolveRunDirs, RunArgumentError } from "./report_args.ts";
export type { ReportArgs } from "./report_args.ts";
export type { ExecuteNotebookOptions, RenderReportOptions } from "./render.ts";
export { executeAllNotebooks, listNotebooks } from "./execute_notebooks.ts";
export { sampleBrowser } from "./sample_browser.ts";
export type { SampleBrowserOptions } from "./sample_browser.ts";
export type { ExecuteAllNotebooksOptions } from "./execute_notebooks.ts";
