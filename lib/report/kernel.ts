/**
 * The Jupyter side of report rendering: the Deno kernel spec and the Python
 * that runs nbclient/nbconvert.
 *
 * @module
 */
import { join } from "node:path";

/** The interpreter Debian's Jupyter packages are installed for (TOOLCHAIN.md). */
const JUPYTER_PYTHON = "/usr/bin/python3";

/**
 * Write `<dir>/kernels/assay/kernel.json`, a kernel spec named `assay` that runs
 * `denoPath jupyter --kernel --conn {connection_file}`. Idempotent: the file is
 * rewritten (atomically) only when its content differs. Put `dir` on
 * `JUPYTER_PATH` to use it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ensureKernelSpec, findJupyter } from "./kernel.ts";
 * const dir = await Deno.makeTempDir();
 * const file = await ensureKernelSpec(dir, Deno.execPath()); // then JUPYTER_PATH=dir finds kernel "assay"
 * assert(JSON.parse(await Deno.readTextFile(file)).language === "typescript");
 * await Deno.remove(dir, { recursive: true });
 * await findJupyter().catch((error) => console.log(error.message)); // the kernel needs Jupyter
 * ```
 *
 * @param dir The folder to hold `kernels/assay/kernel.json`.
 * @param denoPath The deno binary the kernel runs (usually `Deno.execPath()`).
 * @returns The path of kernel.json.
 */
export async function ensureKernelSpec(dir: string, denoPath: string): Promise<string> {
  const kernelDir = join(dir, "kernels", "assay");
  const file = join(kernelDir, "kernel.json");
  const spec = JSON.stringify(
    {
      argv: [denoPath, "jupyter", "--kernel", "--conn", "{connection_file}"],
      display_name: "Deno (assay)",
      language: "typescript",
    },
    null,
    2,
  ) + "\n";
  try {
    if (await Deno.readTextFile(file) === spec) return file;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  await Deno.mkdir(kernelDir, { recursive: true });
  const temp = await Deno.makeTempFile({ dir: kernelDir, prefix: ".kernel-", suffix: ".json" });
  await Deno.writeTextFile(temp, spec);
  await Deno.rename(temp, file);
  return file;
}

/**
 * Check that Debian's Python can import nbclient and nbconvert; return its path.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ensureKernelSpec, findJupyter } from "./kernel.ts";
 * const python = await findJupyter().catch(() => null); // null when Jupyter is not installed
 * assert(python === null || python.endsWith("python3"));
 * if (python) { // Jupyter is there: give it a Deno kernel
 *   const dir = await Deno.makeTempDir();
 *   await ensureKernelSpec(dir, Deno.execPath());
 *   await Deno.remove(dir, { recursive: true });
 * }
 * ```
 *
 * @returns `/usr/bin/python3`.
 * @throws {Error} `Cannot run notebooks: jupyter-nbconvert is not installed: run "apt-get install …"`.
 */
export async function findJupyter(): Promise<string> {
  const missing = new Error(
    'Cannot run notebooks: jupyter-nbconvert is not installed: run "apt-get install -y ' +
      '--no-install-recommends jupyter-nbconvert jupyter-client"',
  );
  try {
    const { success } = await new Deno.Command(JUPYTER_PYTHON, {
      args: ["-c", "import nbclient, nbconvert, jupyter_client"],
      stdin: "null",
      stdout: "null",
      stderr: "null",
    }).output();
    if (success) return JUPYTER_PYTHON;
  } catch {
    // no /usr/bin/python3 at all
  }
  throw missing;
}
