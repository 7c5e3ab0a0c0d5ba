/**
 * Running one Python sample: the job folder gets `solution.py`, `tests.py`, the task's other files
 * and the harness (inside/py_harness.py; for Pyodide also inside/py_runner.ts), then one process
 * per attempt runs it — Pyodide in the sandboxed Deno process, or CPython under bubblewrap
 * (python_command.ts) — watched from outside exactly as a TypeScript job is (strict_run.ts:
 * the sample's and each case's limit, the output cap, the nonce-tagged protocol lines). A job's
 * declared packages (`pythonPackages`) are mounted for CPython from Debian's dist-packages, the
 * rest of which the jail hides (python_packages.ts); Pyodide has none and refuses such a job.
 *
 * @module
 */
import { join } from "node:path";
import { writeJobFiles } from "./job_files.ts";
import { resolveLimits } from "./limits.ts";
import { pyodideDir, pyodideSnapshot } from "./pyodide_snapshot.ts";
import { pythonCommand } from "./python_command.ts";
import { DIST_PACKAGES, PACKAGES_INSIDE, pythonPackageBinds } from "./python_packages.ts";
import type {
  Isolation,
  PythonRuntime,
  SandboxJob,
  SandboxLimits,
  SandboxResult,
} from "./sandbox.ts";
import { strictRun } from "./strict_run.ts";
import { SandboxUnavailableError } from "./sandbox_unavailable.ts";

const read = (name: string) => Deno.readTextFileSync(new URL(`./inside/${name}`, import.meta.url));
/** The harness's parts (lib/sandbox/inside/py_harness*.py), in the order they make one file. */
const HARNESS_PARTS = [
  "py_harness.py",
  "py_harness_refusals.py",
  "py_harness_watch.py",
  "py_harness_asserts.py",
  "py_harness_views.py",
  "py_harness_packages.py",
  "py_harness_main.py",
  "py_harness_pool.py",
  "py_harness_start.py",
];
/** The harness and the Pyodide runner, as every Python job folder gets them. */
export const PYTHON_RUNNER_FILES: Readonly<Record<string, string>> = Object.freeze({
  "harness.py": HARNESS_PARTS.map(read).join("\n"),
  "runner.ts": read("py_runner.ts"),
});

/** Options for {@link runPythonSample}. */
export interface RunPythonOptions extends SandboxLimits {
  /** Which Python runs the sample. @default "pyodide" */
  python?: PythonRuntime;
  /** `bwrap` (OS isolation) or `none` (Deno permissions only: Pyodide only). @default "bwrap" */
  isolation?: Isolation;
  /** The Deno binary (Pyodide). @default Deno.execPath() */
  denoPath?: string;
  /** Start Pyodide from a memory snapshot (made once per machine, pyodide_snapshot.ts). @default true */
  snapshot?: boolean;
}

/**
 * How long the interpreter may take to start before the sample's own limit begins (the harness's
 * `ready` line): loading Pyodide costs 1–3 s here and much more on a loaded machine; CPython tens
 * of ms. Not starting in time is a sandbox failure, not a verdict.
 */
const startupMs = (runtime: PythonRuntime) => (runtime === "pyodide" ? 60_000 : 20_000);

/** Pyodide needs more memory than a bare Deno process: its WebAssembly heap grows in it (MiB). */
export const PYODIDE_MIN_DATA_MB = 1536;

/**
 * What the jail of a CPython job adds: Debian's dist-packages hidden, the job's declared packages
 * bound read-only under `/pkgs`, and the config field that puts them on `sys.path`. Throws when
 * one is not installed, or when the job runs in Pyodide (npm `pyodide` ships no packages).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { packagesJail } from "./python.ts";
 * assert.equal(packagesJail({}, "pyodide").jail, undefined);
 * assert.deepEqual(packagesJail({}, "cpython").jail?.readOnly, {});
 * assert.throws(() => packagesJail({ pythonPackages: ["yaml"] }, "pyodide"), /ships no packages/);
 * ```
 */
export function packagesJail(job: Pick<SandboxJob, "pythonPackages">, runtime: PythonRuntime) {
  const packages = job.pythonPackages ?? [];
  if (packages.length && runtime === "pyodide") {
    throw new SandboxUnavailableError(
      `Cannot run a Python job that declares packages (${
        packages.join(", ")
      }) in Pyodide: npm pyodide ships no packages; run it with --python cpython`,
    );
  }
  if (runtime !== "cpython") return { jail: undefined, config: undefined };
  const masked = existsDir(DIST_PACKAGES) ? [DIST_PACKAGES] : [];
  const readOnly = pythonPackageBinds(packages);
  return {
    jail: { masked, readOnly },
    config: packages.length ? { packages: PACKAGES_INSIDE } : undefined,
  };
}

function existsDir(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch {
    return false;
  }
}

/**
 * Execute one Python sample (a job with `language: "py"`) and return per-case verdicts. Throws
 * only when the sandbox itself cannot run, never because the code fails.
 * A job that declares packages (`pythonPackages`) runs only in CPython, with exactly those
 * importable (throws in Pyodide, or when one is not installed: a run checks both before work).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runPythonSample } from "./python.ts";
 * const job = {
 *   language: "py" as const, entry: "add",
 *   code: "def add(a, b):\n    return a + b\n",
 *   testsSource: "from solution import add\ncases = {'adds': lambda: None, 'wrong': lambda: add(1, 1) == 3 or (_ for _ in ()).throw(AssertionError('no'))}\n",
 *   cases: [{ name: "adds", kind: "core" as const, tags: [] }, { name: "wrong", kind: "edge" as const, tags: [] }],
 * };
 * const r = await runPythonSample(job, { python: "cpython" });
 * assert.deepEqual(r.cases.map((c) => c.status), ["pass", "fail"]);
 * ```
 */
export async function runPythonSample(
  job: SandboxJob,
  options: RunPythonOptions = {},
): Promise<SandboxResult> {
  const limits = resolveLimits(options);
  const runtime = options.python ?? "pyodide";
  const { jail, config } = packagesJail(job, runtime);
  const isolation = options.isolation ?? "bwrap";
  const denoPath = Deno.realPathSync(options.denoPath ?? Deno.execPath());
  const packageDir = pyodideDir();
  const snapshot = runtime === "pyodide" && options.snapshot !== false
    ? await pyodideSnapshot({ denoPath })
    : undefined;
  const jobDir = await Deno.makeTempDir({ prefix: "assay-py-" });
  try {
    await writeJobFiles(jobDir, job.files ?? {});
    await Deno.writeTextFile(join(jobDir, "solution.py"), job.code);
    await Deno.writeTextFile(join(jobDir, "tests.py"), job.testsSource);
    for (const [name, source] of Object.entries(PYTHON_RUNNER_FILES)) {
      await Deno.writeTextFile(join(jobDir, name), source);
    }
    if (runtime === "pyodide") {
      await Deno.mkdir(join(jobDir, ".deno"));
      if (isolation === "bwrap") {
        await Deno.mkdir(join(jobDir, "pyodide"));
        if (snapshot) await Deno.writeFile(join(jobDir, "pyodide.snapshot"), new Uint8Array());
      } else {
        await Deno.symlink(packageDir, join(jobDir, "pyodide"));
        if (snapshot) await Deno.symlink(snapshot, join(jobDir, "pyodide.snapshot"));
      }
    }
    const dataMb = runtime === "pyodide"
      ? Math.max(limits.dataMb, PYODIDE_MIN_DATA_MB)
      : limits.dataMb;
    const command = pythonCommand({
      runtime,
      isolation,
      dir: jobDir,
      denoPath,
      pyodideDir: packageDir,
      snapshot,
      killAfterMs: startupMs(runtime) + limits.timeoutMs + 3000,
      heapMb: limits.heapMb,
      dataMb,
      timeoutMs: limits.timeoutMs,
      jail,
    });
    const result = await strictRun(command, {
      cwd: jobDir,
      job,
      limits: options,
      startupMs: startupMs(runtime),
      config,
    });
    return { ...result, harnessChanges: [] };
  } finally {
    await Deno.remove(jobDir, { recursive: true }).catch(() => {});
  }
}
