/**
 * A warm Pyodide host (lib/sandbox/python_pool.ts): the sandboxed Deno process keeps one loaded
 * interpreter and runs one Python sample after another in it, each in fresh modules (the
 * harness's `serve`, after `setup_pool`). Read permission for its own folder only (where the
 * Pyodide package and snapshot are mounted), as a strict Python job; it is not imported by the
 * rest of assay.
 *
 * Protocol: one JSON line per sample on stdin, `{"nonce", "cases", "files": {path: text}}`
 * (`solution.py`, `tests.py` and the task's other files); the harness's lines on stdout, the
 * sample's `end` line last (with the reason to replace this host, if any). The files go to
 * Pyodide's in-memory file system at /job (emptied between samples).
 *
 * @module
 */
const here = new URL(".", import.meta.url).pathname;
const { loadPyodide } = await import(`${here}pyodide/pyodide.mjs`);

const snapshot = await Deno.readFile(`${here}pyodide.snapshot`).catch(() => undefined);
const out = (file: typeof Deno.stdout) => ({
  write(buffer: Uint8Array): number {
    file.writeSync(buffer);
    return buffer.length;
  },
});
const pyodide = await loadPyodide({
  indexURL: `${here}pyodide/`,
  ...(snapshot ? { _loadSnapshot: snapshot } : {}),
});
pyodide.setStdout(out(Deno.stdout));
pyodide.setStderr(out(Deno.stderr));
pyodide.setStdin({ stdin: () => null });
const FS = pyodide.FS;
FS.mkdirTree("/job");
FS.chdir("/job");

// No way back to this realm (as py_runner.ts): the FFI modules and their import hooks go.
pyodide.runPython(`
import sys
for _name in list(sys.modules):
    if _name.split(".")[0] in ("js", "pyodide", "_pyodide", "pyodide_js", "_pyodide_core"):
        del sys.modules[_name]
sys.meta_path[:] = [f for f in sys.meta_path
                    if not type(f).__module__.split(".")[0] in ("_pyodide", "pyodide", "js")]
del _name
`);
const globals = pyodide.globals.get("dict")();
globals.set("__name__", "assay_pool_host");
pyodide.runPython(new TextDecoder().decode(await Deno.readFile(`${here}harness.py`)), {
  globals,
  filename: "/job/harness.py",
});
const serve = globals.get("serve");
globals.get("setup_pool")();

/** Empty /job, leaving the folder itself. */
function clear(dir: string): void {
  for (const name of FS.readdir(dir)) {
    if (name === "." || name === "..") continue;
    const path = `${dir}/${name}`;
    if (FS.isDir(FS.stat(path).mode)) {
      clear(path);
      FS.rmdir(path);
    } else FS.unlink(path);
  }
}

const lines = Deno.stdin.readable.pipeThrough(new TextDecoderStream());
let buffer = "";
for await (const chunk of lines) {
  buffer += chunk;
  let at: number;
  while ((at = buffer.indexOf("\n")) >= 0) {
    const line = buffer.slice(0, at);
    buffer = buffer.slice(at + 1);
    if (line.trim() === "") continue;
    const job = JSON.parse(line) as {
      nonce: string;
      cases: string[];
      files: Record<string, string>;
    };
    clear("/job");
    for (const [path, text] of Object.entries(job.files)) {
      const slash = path.lastIndexOf("/");
      if (slash > 0) FS.mkdirTree(`/job/${path.slice(0, slash)}`);
      FS.writeFile(`/job/${path}`, text);
    }
    FS.chdir("/job");
    serve(JSON.stringify({ nonce: job.nonce, cases: job.cases, dir: "/job" }));
  }
}
