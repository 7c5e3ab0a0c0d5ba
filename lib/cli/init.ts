/**
 * `./assay init <folder>`: a notebook folder of the user's own, outside the checkout, that imports
 * this checkout's `lib/mod.ts`. Deno resolves the library's npm packages (zod, arquero, Plot…)
 * from the checkout's `node_modules` only when the importing folder has a Deno configuration with
 * `"nodeModulesDir": "manual"`; without one, the import fails (`Import "zod" not a dependency`).
 * `init` writes that configuration and a first notebook on the "Deno (assay)" kernel.
 *
 * @module
 */
import { join, resolve } from "node:path";
import { UsageError } from "./errors.ts";
import { ROOT } from "./paths.ts";

/** The configuration a folder needs to import `lib/mod.ts` from a checkout. */
export const FOLDER_CONFIG = { nodeModulesDir: "manual" } as const;

/** The first notebook's cells: a session on two tasks, its summary and its spectrum. */
function starterNotebook(modUrl: string): string {
  const code = (id: string, source: string) => ({
    cell_type: "code",
    execution_count: null,
    id,
    metadata: {},
    outputs: [],
    source: source.split(/(?<=\n)/),
  });
  return JSON.stringify(
    {
      cells: [
        {
          cell_type: "markdown",
          id: "about",
          metadata: {},
          source: [
            "# My evaluation\n",
            "\n",
            "Imports assay from its checkout (`deno.json` beside this notebook lets Deno find its packages).",
          ],
        },
        code(
          "setup",
          `import { session, show, spectrumChart, summaryTable, tableHTML } from ${
            JSON.stringify(modUrl)
          };\n` +
            `const s = await session({ tasks: ["chunk", "group-by"], runsDir: "runs" });\n` +
            "await show(Deno.jupyter.html`${s.settingsHTML()}`);",
        ),
        code(
          "run",
          'const { run } = await s.evaluate({ label: "my evaluation" });\n' +
            "await show(Deno.jupyter.html`${tableHTML(summaryTable(run))}`);",
        ),
        code("spectrum", "await show(spectrumChart(run));\nawait s.close();"),
      ],
      metadata: {
        kernelspec: { display_name: "Deno (assay)", language: "typescript", name: "assay" },
        language_info: { name: "typescript", file_extension: ".ts" },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  ) + "\n";
}

/**
 * Run `init <folder>`: create the folder if needed, write `deno.json` (`"nodeModulesDir":
 * "manual"`) unless one is there, and `assay-start.ipynb` unless it exists. A `deno.json` without
 * that setting is left alone and named, with the line to add.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runInit } from "./init.ts";
 * const dir = await Deno.makeTempDir();
 * const written = await runInit([dir]);
 * assert.equal(written.length, 2);
 * assert.deepEqual(JSON.parse(await Deno.readTextFile(`${dir}/deno.json`)), { nodeModulesDir: "manual" });
 * assert.deepEqual(await runInit([dir]), []); // nothing overwritten
 * await assert.rejects(runInit([]), { name: "UsageError" });
 * ```
 *
 * @param args The folder.
 * @returns The files written.
 * @throws {UsageError} Without a folder, or when the folder's deno.json lacks the setting.
 */
export async function runInit(args: string[]): Promise<string[]> {
  const [folder, ...extra] = args;
  if (folder === undefined || folder.startsWith("-") || extra.length > 0) {
    throw new UsageError(
      'Cannot run "./assay init": give one folder, e.g. "./assay init ~/my-evals"',
    );
  }
  const dir = resolve(folder);
  await Deno.mkdir(dir, { recursive: true });
  const written: string[] = [];
  const config = join(dir, "deno.json");
  let existing: Record<string, unknown> | null = null;
  try {
    existing = JSON.parse(await Deno.readTextFile(config));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) {
      throw new UsageError(`Cannot read "${config}": ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  if (existing === null) {
    await Deno.writeTextFile(config, JSON.stringify(FOLDER_CONFIG, null, 2) + "\n");
    written.push(config);
  } else if (existing.nodeModulesDir !== "manual") {
    throw new UsageError(
      `Cannot use "${config}" to import assay: nodeModulesDir is ${
        JSON.stringify(existing.nodeModulesDir ?? null)
      }: add "nodeModulesDir": "manual" to it (Deno then finds assay's packages in its checkout)`,
    );
  }
  const notebook = join(dir, "assay-start.ipynb");
  try {
    await Deno.stat(notebook);
  } catch {
    const modUrl = new URL(`file://${join(ROOT, "lib", "mod.ts")}`).href;
    await Deno.writeTextFile(notebook, starterNotebook(modUrl));
    written.push(notebook);
  }
  for (const file of written) console.log(`wrote ${file}`);
  console.log(
    `next: jupyter-notebook ${dir}  (kernel "Deno (assay)"; import ${join(ROOT, "lib", "mod.ts")})`,
  );
  return written;
}
