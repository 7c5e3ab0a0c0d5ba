/**
 * The Pyodide runner: what the sandboxed Deno process runs for a Python job. It is copied into the
 * job folder with the Python harness (py_harness.py) and runs with read permission for the job
 * folder and the Pyodide package only; it is not imported by the rest of assay.
 *
 * It reads the protocol's config line from stdin, loads Pyodide from `./pyodide/` (the npm
 * package, mounted read-only; from a memory snapshot when the job folder has one), copies the job's
 * Python files into Pyodide's in-memory file system at /job, removes every way back to this
 * JavaScript realm (the `js` and `pyodide` modules and their import hooks; py_harness.py's audit
 * hook refuses to import them again), and hands the config to the harness, whose reports reach
 * this process's stdout unchanged.
 *
 * @module
 */
const here = new URL(".", import.meta.url).pathname;
// The package is mounted into the job folder at run time (a dynamic import: no static graph).
const { loadPyodide } = await import(`${here}pyodide/pyodide.mjs`);
const decoder = new TextDecoder();

async function readStdin(): Promise<string> {
  let text = "";
  const stream = new TextDecoder();
  for await (const chunk of Deno.stdin.readable) text += stream.decode(chunk, { stream: true });
  return text + stream.decode();
}

const config = await readStdin();
const snapshot = await Deno.readFile(`${here}pyodide.snapshot`).catch(() => undefined);
const out = (fd: number) => ({
  write(buffer: Uint8Array): number {
    (fd === 1 ? Deno.stdout : Deno.stderr).writeSync(buffer);
    return buffer.length;
  },
});
const pyodide = await loadPyodide({
  indexURL: `${here}pyodide/`,
  ...(snapshot ? { _loadSnapshot: snapshot } : {}),
  stdout: undefined,
  stderr: undefined,
});
pyodide.setStdout(out(1));
pyodide.setStderr(out(2));
let fed = false;
pyodide.setStdin({ stdin: () => (fed ? null : (fed = true, config)) });

// The job's files, as the harness expects them at /job.
const FS = pyodide.FS;
const copy = async (from: string, to: string) => {
  FS.mkdirTree(to);
  for await (const entry of Deno.readDir(from)) {
    if (entry.name === "pyodide" || entry.name === ".deno") continue;
    if (entry.isDirectory) await copy(`${from}${entry.name}/`, `${to}/${entry.name}`);
    else if (entry.isFile) {
      FS.writeFile(`${to}/${entry.name}`, await Deno.readFile(`${from}${entry.name}`));
    }
  }
};
await copy(here, "/job");
FS.chdir("/job");

// No way back to this realm: the FFI modules go, and so do their import hooks.
pyodide.runPython(`
import sys
for _name in list(sys.modules):
    if _name.split(".")[0] in ("js", "pyodide", "_pyodide", "pyodide_js", "_pyodide_core"):
        del sys.modules[_name]
sys.meta_path[:] = [f for f in sys.meta_path
                    if not type(f).__module__.split(".")[0] in ("_pyodide", "pyodide", "js")]
del _name
`);
const harness = decoder.decode(await Deno.readFile(`${here}harness.py`));
const globals = pyodide.globals.get("dict")();
globals.set("__name__", "__main__");
pyodide.runPython(harness, { globals, filename: "/job/harness.py" });
Deno.exit(0);
