/**
 * Execute the researcher notebooks (`notebooks/*.ipynb`, except the run
 * report) headlessly and export each as HTML under `data/notebooks/`.
 *
 * @module
 */
import { basename, join, relative } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import { executeNotebook } from "./render.ts";

/** The repository root (two folders above this file). */
const ROOT = fromFileUrl(new URL("../../", import.meta.url));

/** Options for {@link executeAllNotebooks}. */
export interface ExecuteAllNotebooksOptions {
  /** The folder holding the notebooks. @default "<repo>/notebooks" */
  dir?: string;
  /** Where `<name>.html` files go. @default "<repo>/data/notebooks" */
  outDir?: string;
  /** Only these notebooks (names without `.ipynb`). @default every notebook but `report` */
  only?: readonly string[];
  /** Extra environment variables for the kernels (e.g. `ASSAY_TASKS`, `ASSAY_SAMPLES`). @default {} */
  env?: Record<string, string>;
  /** Notebooks executed at once. @default 1 */
  concurrency?: number;
  /** Time limit per cell, seconds. @default 300 */
  timeoutSeconds?: number;
  /** Called after each notebook. */
  onNotebook?: (info: { notebook: string; html: string; seconds: number }) => void;
}

/**
 * The notebooks {@link executeAllNotebooks} runs: every `.ipynb` in `dir` but
 * the run report (`report.ipynb`, rendered per run by `renderReport()`), sorted.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { listNotebooks } from "./execute_notebooks.ts";
 * const notebooks = await listNotebooks();
 * assert(notebooks.some((path) => path.endsWith("/01-quickstart.ipynb")));
 * assert(!notebooks.some((path) => path.endsWith("/report.ipynb")));
 * ```
 *
 * @param dir The folder holding the notebooks.
 * @returns Absolute paths, sorted.
 */
export async function listNotebooks(dir: string = join(ROOT, "notebooks")): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile && entry.name.endsWith(".ipynb") && entry.name !== "report.ipynb") {
      names.push(join(dir, entry.name));
    }
  }
  return names.sort();
}

/**
 * Execute every researcher notebook on the Deno kernel and export it as
 * `<outDir>/<name>.html` (via {@link executeNotebook}). Notebooks run
 * `concurrency` at a time; every one is attempted even when another fails.
 *
 * @example
 * ```ts ignore
 * import { executeAllNotebooks } from "./execute_notebooks.ts";
 * const pages = await executeAllNotebooks({ env: { ASSAY_TASKS: "2", ASSAY_SAMPLES: "1" } });
 * console.log(pages); // [".../data/notebooks/01-quickstart.html", …]
 * ```
 *
 * @param options Folders, selection, environment, concurrency, time limit.
 * @returns The HTML paths written (absolute), in notebook order.
 * @throws {Error} `Cannot execute notebook "<path>": cell 7 (cell-07) failed: <error>`
 *   naming the notebook and the cell (every failure, one per line block, when several fail),
 *   or `findJupyter()`'s error when Jupyter is not installed.
 */
export async function executeAllNotebooks(
  options: ExecuteAllNotebooksOptions = {},
): Promise<string[]> {
  const dir = options.dir ?? join(ROOT, "notebooks");
  const outDir = options.outDir ?? join(ROOT, "data", "notebooks");
  let notebooks = await listNotebooks(dir);
  if (options.only) {
    const unknown = options.only.filter((name) =>
      !notebooks.some((n) => basename(n, ".ipynb") === name)
    );
    if (unknown.length > 0) {
      throw new Error(
        `Cannot execute notebook "${unknown[0]}": not found in "${dir}": known notebooks are ${
          notebooks.map((n) => basename(n, ".ipynb")).join(", ")
        }`,
      );
    }
    notebooks = notebooks.filter((n) => options.only!.includes(basename(n, ".ipynb")));
  }
  const results: (string | Error)[] = new Array(notebooks.length);
  let next = 0;
  const worker = async () => {
    while (next < notebooks.length) {
      const i = next++;
      const notebook = notebooks[i];
      const html = join(outDir, `${basename(notebook, ".ipynb")}.html`);
      const started = performance.now();
      try {
        results[i] = await executeNotebook(notebook, {
          outHtml: html,
          // Each notebook's runs are named after it (`./assay runs` lists them so).
          env: { ASSAY_NAME: basename(notebook, ".ipynb"), ...options.env },
          timeoutSeconds: options.timeoutSeconds ?? 300,
        });
        options.onNotebook?.({
          notebook,
          html: results[i] as string,
          seconds: (performance.now() - started) / 1000,
        });
      } catch (error) {
        results[i] = await nameTheCell(notebook, error as Error);
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 1, notebooks.length));
  await Promise.all(Array.from({ length: workers }, worker));
  const failures = results.filter((r): r is Error => r instanceof Error);
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) {
    throw new Error(
      `Cannot execute notebooks: ${failures.length} of ${notebooks.length} failed:\n\n` +
        failures.map((f) => f.message).join("\n\n"),
    );
  }
  return results as string[];
}

/** The notebook's cells as `{ index, id, type, source }`. */
async function readCells(notebook: string) {
  const json = JSON.parse(await Deno.readTextFile(notebook)) as {
    cells: { cell_type: string; id?: string; source: string | string[] }[];
  };
  return json.cells.map((cell, index) => ({
    index,
    id: cell.id ?? null,
    type: cell.cell_type,
    source: Array.isArray(cell.source) ? cell.source.join("") : cell.source,
  }));
}

/**
 * Rewrite `executeNotebook()`'s error to name the failing cell: nbclient quotes
 * the failing cell's source (a timeout quotes its first and last lines), so
 * the code cell whose source (or first line) the message contains is the one.
 */
async function nameTheCell(notebook: string, error: Error): Promise<Error> {
  const message = error.message;
  const prefix = `Cannot execute notebook "${notebook}": `;
  const detail = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  const shown = relative(Deno.cwd(), notebook) || notebook;
  let cells: Awaited<ReturnType<typeof readCells>>;
  try {
    cells = (await readCells(notebook)).filter((c) => c.type === "code" && c.source.trim());
  } catch {
    return new Error(`Cannot execute notebook "${shown}": ${detail}`, { cause: error });
  }
  const whole = cells.filter((c) => detail.includes(c.source.trim()));
  const byFirstLine = cells.filter((c) => detail.includes(c.source.trim().split("\n")[0]));
  const cell = (whole.length ? whole : byFirstLine.length === 1 ? byFirstLine : [])
    .sort((a, b) => b.source.length - a.source.length)[0];
  const where = cell ? `cell ${cell.index}${cell.id ? ` (${cell.id})` : ""} failed: ` : "";
  return new Error(`Cannot execute notebook "${shown}": ${where}${detail}`, { cause: error });
}
