/**
 * `./assay notebooks`: execute every researcher notebook headlessly into
 * `data/notebooks/<name>.html`.
 *
 * @module
 */
import { relative } from "node:path";
import type { ExecuteAllNotebooksOptions } from "../report/execute_notebooks.ts";

/** Options for {@link runNotebooks}. */
export interface RunNotebooksOptions {
  /** What executes the notebooks. @default `executeAllNotebooks` from `lib/report/execute_notebooks.ts` */
  execute?: (options: ExecuteAllNotebooksOptions) => Promise<string[]>;
}

/**
 * Run `notebooks`: one line per page as it is written, then the count. Arguments are ignored.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runNotebooks } from "./notebooks.ts";
 * const pages = await runNotebooks([], {
 *   execute: async ({ onNotebook }) => {
 *     onNotebook?.({ notebook: "notebooks/a.ipynb", html: "data/notebooks/a.html", seconds: 1.25 });
 *     return ["data/notebooks/a.html"];
 *   },
 * });
 * assert.deepEqual(pages, ["data/notebooks/a.html"]);
 * ```
 *
 * @param _args The arguments after `notebooks` (none are read).
 * @param options What executes the notebooks.
 * @returns The HTML pages written.
 */
export async function runNotebooks(
  _args: string[],
  options: RunNotebooksOptions = {},
): Promise<string[]> {
  // Loaded only for this command: it brings the headless notebook machinery.
  const execute = options.execute ??
    (await import("../report/execute_notebooks.ts")).executeAllNotebooks;
  const pages = await execute({
    onNotebook: ({ html, seconds }) =>
      console.log(`${relative(Deno.cwd(), html)} (${seconds.toFixed(1)} s)`),
  });
  console.log(`\n${pages.length} notebooks executed`);
  return pages;
}
