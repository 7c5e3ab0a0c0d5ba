/**
 * The commands that run a Python job: Pyodide inside the permission-less Deno process (read
 * permission for the job folder, where the Pyodide package is mounted read-only, and nothing
 * else), or the machine's CPython (`/usr/bin/python3`) with `prlimit` caps on address space, CPU
 * time and file size — for one job, or as a warm host of the Python pool (`serve`). Both under bubblewrap (argv.ts's recipe: coreutils `timeout` leads the
 * process group, `prlimit`, then `bwrap`); CPython has no other wall, so it never runs without it.
 *
 * @module
 */
import { join } from "node:path";
import { DENO_SANDBOX_FLAGS, type SandboxCommand } from "./argv.ts";
import { bwrapArgs, type BwrapOptions, INSIDE } from "./isolate.ts";
import type { Isolation, PythonRuntime } from "./sandbox.ts";
import { SandboxUnavailableError } from "./sandbox_unavailable.ts";

/** The machine's CPython: Debian's, never the first `python3` on PATH (it may lack modules). */
export const CPYTHON = "/usr/bin/python3";

/** Options for {@link pythonCommand}. */
export interface PythonCommandOptions {
  runtime: PythonRuntime;
  isolation: Isolation;
  /** The job's folder on the host: `harness.py`, `tests.py`, `solution.py` (+ `runner.ts`). */
  dir: string;
  /** The Deno binary's real path (Pyodide). */
  denoPath: string;
  /** The Pyodide package folder on the host (Pyodide). */
  pyodideDir: string;
  /** A Pyodide memory snapshot on the host, mounted as `pyodide.snapshot` (Pyodide). @default none */
  snapshot?: string;
  /** When `timeout` kills the whole process group, ms after the start. */
  killAfterMs: number;
  /** V8 old-space cap, MiB (Pyodide). */
  heapMb: number;
  /** RLIMIT_DATA (Pyodide) or RLIMIT_AS (CPython), MiB. */
  dataMb: number;
  /** The sample's wall-clock limit, ms (CPython's RLIMIT_CPU is derived from it). */
  timeoutMs: number;
  /**
   * A warm host of the Python pool rather than one job: Pyodide runs `host.ts` instead of
   * `runner.ts`, CPython `harness.py --serve`. @default false
   */
  serve?: boolean;
  /** CPython's further binds and masked folders (a job's declared packages, python.ts). @default none */
  jail?: Pick<BwrapOptions, "readOnly" | "masked">;
}

/** Same hash seed in both runtimes and every run: set and dict-of-str order is reproducible. */
const HASH_SEED = "0";

/**
 * The command for a Python job. Throws when CPython is asked for without bubblewrap.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonCommand } from "./python_command.ts";
 * const o = { dir: "/tmp/j", denoPath: "/x/deno", pyodideDir: "/p", killAfterMs: 8000, heapMb: 512, dataMb: 1024, timeoutMs: 5000 };
 * const c = pythonCommand({ ...o, runtime: "cpython", isolation: "bwrap" });
 * assert(c.argv.includes("--unshare-all") && c.argv.includes("/usr/bin/python3"));
 * assert(c.argv.some((a) => a.startsWith("--as=")));
 * const p = pythonCommand({ ...o, runtime: "pyodide", isolation: "bwrap" });
 * assert(p.argv.includes("--allow-read=/job") && p.argv.at(-1) === "runner.ts");
 * assert.throws(() => pythonCommand({ ...o, runtime: "cpython", isolation: "none" }), /only under bubblewrap/);
 * ```
 */
export function pythonCommand(o: PythonCommandOptions): SandboxCommand {
  const timeout = ["timeout", "-s", "KILL", `${(o.killAfterMs / 1000).toFixed(1)}s`];
  if (o.runtime === "cpython") {
    if (o.isolation !== "bwrap") {
      throw new SandboxUnavailableError(
        "Cannot run CPython without OS isolation: it runs only under bubblewrap (install bubblewrap, or use the pyodide runtime)",
      );
    }
    const cpuSeconds = Math.ceil(o.timeoutMs / 1000) + 1;
    return {
      argv: [
        ...timeout,
        "prlimit",
        `--as=${o.dataMb * 1024 * 1024}`,
        `--cpu=${cpuSeconds}`,
        `--fsize=${16 * 1024 * 1024}`,
        "--core=0",
        "--",
        ...bwrapArgs({
          denoPath: o.denoPath,
          jobDir: o.dir,
          jobReadOnly: true,
          env: { PYTHONHASHSEED: HASH_SEED, HOME: "/tmp", LANG: "C.UTF-8" },
          ...o.jail,
        }),
        CPYTHON,
        "-s",
        "-S",
        "-B",
        "-X",
        "utf8",
        `${INSIDE.job}/harness.py`,
        ...(o.serve ? ["--serve"] : []),
      ],
      env: {},
    };
  }
  const flags = (readable: string) => [
    ...DENO_SANDBOX_FLAGS,
    `--allow-read=${readable}`,
    `--v8-flags=--max-old-space-size=${o.heapMb}`,
    o.serve ? "host.ts" : "runner.ts",
  ];
  const limits = [...timeout, "prlimit", `--data=${o.dataMb * 1024 * 1024}`, "--"];
  if (o.isolation === "bwrap") {
    return {
      argv: [
        ...limits,
        ...bwrapArgs({
          denoPath: o.denoPath,
          jobDir: o.dir,
          env: { DENO_DIR: `${INSIDE.job}/.deno`, NO_COLOR: "1", HOME: INSIDE.job },
          readOnly: {
            [o.pyodideDir]: `${INSIDE.job}/pyodide`,
            ...(o.snapshot ? { [o.snapshot]: `${INSIDE.job}/pyodide.snapshot` } : {}),
          },
        }),
        INSIDE.deno,
        ...flags(INSIDE.job),
      ],
      env: {},
    };
  }
  const readable = [o.dir, o.pyodideDir, ...(o.snapshot ? [o.snapshot] : [])].join(",");
  return {
    argv: [...limits, o.denoPath, ...flags(readable)],
    env: { DENO_DIR: join(o.dir, ".deno"), NO_COLOR: "1", HOME: o.dir },
  };
}
