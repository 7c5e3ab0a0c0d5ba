/**
 * One warm host of the Python pool (python_pool.ts): a long-lived sandboxed process that keeps one
 * loaded interpreter and runs one sample after another in it, under the isolation of a strict
 * Python job (python_command.ts with `serve`).
 *
 * - **Pyodide**: the permission-less Deno process runs inside/py_pool_host.ts; a sample's files
 *   travel in its request line and land in Pyodide's in-memory file system.
 * - **CPython**: `/usr/bin/python3 harness.py --serve` under bubblewrap and prlimit; a sample's
 *   files are written on the host into the folder's `sample/`, which the jail sees read-only at
 *   `/job/sample` (a strict job's folder is read-only too), before its request line is sent.
 *
 * Either way the host answers with the harness's lines on stdout, the sample's `end` line last.
 *
 * @module
 */
import { join } from "node:path";
import { writeJobFiles } from "./job_files.ts";
import { pyodideDir, pyodideSnapshot } from "./pyodide_snapshot.ts";
import { packagesJail, PYTHON_RUNNER_FILES } from "./python.ts";
import { pythonCommand } from "./python_command.ts";
import type { Isolation, PythonRuntime, SandboxJob } from "./sandbox.ts";
import { killGroup, spawnSandboxed } from "./spawn.ts";

const read = (name: string) => Deno.readTextFileSync(new URL(`./inside/${name}`, import.meta.url));
const PYODIDE_HOST = read("py_pool_host.ts");
/** Where a CPython host's sample files are, inside its jail. */
const SAMPLE_INSIDE = "/job/sample";

/** Options for {@link startPythonHost}. */
export interface PythonHostOptions {
  runtime: PythonRuntime;
  isolation: Isolation;
  /** The Deno binary's real path. */
  denoPath: string;
  /** V8 old-space cap (Pyodide), MiB. */
  heapMb: number;
  /** RLIMIT_DATA (Pyodide) or RLIMIT_AS (CPython), MiB. */
  dataMb: number;
  /** The host's whole life, s: the process group is killed then, whatever it does. */
  lifetimeS: number;
}

/** One host process and the sample it is running. */
export class PythonHost {
  readonly startedAt = performance.now();
  /** Samples sent to this host. */
  jobs = 0;
  dead = false;
  /** The tail of stderr since the current sample was sent. */
  stderr = "";
  /** Called with every chunk of stdout (and an empty chunk for stderr). */
  onChunk: ((chunk: Uint8Array) => void) | null = null;
  /** Called once when the process is gone. */
  onExit: (() => void) | null = null;
  readonly child: Deno.ChildProcess;
  readonly exited: Promise<void>;
  #writer: WritableStreamDefaultWriter<Uint8Array>;

  constructor(
    command: ReturnType<typeof pythonCommand>,
    readonly dir: string,
    readonly runtime: PythonRuntime,
  ) {
    const child = spawnSandboxed(command, dir);
    this.child = child;
    this.#writer = child.stdin.getWriter();
    const out = (async () => {
      for await (const chunk of child.stdout) this.onChunk?.(chunk);
    })();
    const err = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of child.stderr) {
        this.stderr = (this.stderr + decoder.decode(chunk, { stream: true })).slice(-4000);
        this.onChunk?.(new Uint8Array(0));
      }
    })();
    this.exited = Promise.all([out, err, child.status]).then(() => {
      this.dead = true;
      this.onExit?.();
    });
  }

  /** Hand the host one sample: its files and the request line `{nonce, cases, …}`. */
  async send(job: SandboxJob, nonce: string): Promise<void> {
    this.stderr = "";
    const cases = job.cases.map((c) => c.name);
    let request: unknown;
    if (this.runtime === "cpython") {
      // (Synchronous: a few small files, written faster than the async calls are scheduled.)
      const sample = join(this.dir, "sample");
      try {
        Deno.removeSync(sample, { recursive: true });
      } catch { /* the first sample */ }
      Deno.mkdirSync(sample);
      if (job.files && Object.keys(job.files).length > 0) await writeJobFiles(sample, job.files);
      Deno.writeTextFileSync(join(sample, "solution.py"), job.code);
      Deno.writeTextFileSync(join(sample, "tests.py"), job.testsSource);
      request = { nonce, cases, dir: SAMPLE_INSIDE };
    } else {
      const files = { ...job.files ?? {}, "solution.py": job.code, "tests.py": job.testsSource };
      request = { nonce, cases, files };
    }
    await this.#writer.write(new TextEncoder().encode(JSON.stringify(request) + "\n"))
      .catch(() => {});
  }

  async kill(): Promise<void> {
    this.dead = true;
    killGroup(this.child);
    await this.exited.catch(() => {});
    await Deno.remove(this.dir, { recursive: true }).catch(() => {});
  }
}

/**
 * Prepare a host's folder and start it. The host loads its interpreter first; its first `ready`
 * line says it can run the sample it was sent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { startPythonHost } from "./python_host.ts";
 * const host = await startPythonHost({
 *   runtime: "cpython", isolation: "bwrap", denoPath: Deno.execPath(), heapMb: 512, dataMb: 1024, lifetimeS: 60,
 * });
 * let out = "";
 * host.onChunk = (chunk) => (out += new TextDecoder().decode(chunk));
 * const job = {
 *   language: "py" as const, entry: "f", code: "def f():\n    return 1\n",
 *   testsSource: "from solution import f\n\ndef _t():\n    assert f() == 1\n\ncases = {'one': _t}\n",
 *   cases: [{ name: "one", kind: "core" as const, tags: [] }],
 * };
 * await host.send(job, "n0nce");
 * while (!out.includes('"end"')) await new Promise((r) => setTimeout(r, 10));
 * assert.match(out, /n0nce \{"type": "case", "name": "one", "status": "pass"/);
 * await host.kill();
 * ```
 */
export async function startPythonHost(o: PythonHostOptions): Promise<PythonHost> {
  const dir = await Deno.makeTempDir({ prefix: "assay-pyhost-" });
  await Deno.writeTextFile(join(dir, "harness.py"), PYTHON_RUNNER_FILES["harness.py"]);
  const packageDir = pyodideDir();
  let snapshot: string | undefined;
  if (o.runtime === "pyodide") {
    snapshot = await pyodideSnapshot({ denoPath: o.denoPath });
    await Deno.writeTextFile(join(dir, "host.ts"), PYODIDE_HOST);
    await Deno.mkdir(join(dir, ".deno"));
    if (o.isolation === "bwrap") {
      await Deno.mkdir(join(dir, "pyodide"));
      await Deno.writeFile(join(dir, "pyodide.snapshot"), new Uint8Array());
    } else {
      await Deno.symlink(packageDir, join(dir, "pyodide"));
      await Deno.symlink(snapshot, join(dir, "pyodide.snapshot"));
    }
  }
  const command = pythonCommand({
    runtime: o.runtime,
    isolation: o.isolation,
    dir,
    denoPath: o.denoPath,
    pyodideDir: packageDir,
    snapshot,
    killAfterMs: o.lifetimeS * 1000,
    heapMb: o.heapMb,
    dataMb: o.dataMb,
    timeoutMs: o.lifetimeS * 1000,
    serve: true,
    // The jail of a strict CPython job that declares no packages (jobs that do run strict).
    jail: packagesJail({}, o.runtime).jail,
  });
  return new PythonHost(command, dir, o.runtime);
}
