/**
 * The hostile Python programs of the battery (python_hostile_test.ts), part one: reaching outside
 * (network, files, environment, processes, native code, the host's JavaScript realm under
 * Pyodide) and exhausting resources. Each is a wrong `add` plus an attack; what an attack finds
 * is noted on stderr (part of the result the test searches for leaks).
 *
 * @module
 */
import { attackingAdd, type Bait, CLASSES, program } from "./python_hostile_kit.ts";

/** One hostile program of the battery. */
export interface Hostile {
  name: string;
  program: (bait: Bait) => string;
  /** Each case's own limit, ms (programs that hang inside a call). */
  caseTimeoutMs?: number;
  /** The sample's limit per runtime, ms. @default cpython 4000, pyodide 20000 */
  timeoutMs?: { cpython: number; pyodide: number };
  /** Output cap, bytes. */
  outputCapBytes?: number;
  /** A marker the result must not contain (an attack that got through says it). */
  mustNotSay?: string;
  /** A task of its own (tests.py and its cases), where the honest wrong answer fails every case. */
  task?: { tests: string; cases: string[] };
}

/** Python that reports `JS-REACHED` when `obj` leads to the host realm (a JS global with Deno). */
const JS_PROBE = String.raw`
_REACHED = []
def _js_reached(where, obj):
    try:
        deno = getattr(obj, "Deno", None)
        if deno is None:
            ctor = obj.constructor.constructor
            deno = ctor("return globalThis")().Deno
        _REACHED.append(str(where) + " (Deno " + str(deno.version.deno) + ")")
        _note("JS-REACHED via", where)
        _note("canary through Deno:", deno.readTextFileSync("{{CANARY}}"))
    except BaseException as error:
        _note(where, "leads nowhere:", type(error).__name__, error)
`;

/** The wrong `add` of the JS probes: it says JS-REACHED in every failure when a probe got there. */
const JS_ADD = `def add(a, b):
    if _REACHED:
        return "JS-REACHED via " + _REACHED[0]
    return a - b
`;

export const ESCAPES: Hostile[] = [
  {
    name: "connects to a loopback TCP server",
    program: program(
      String.raw`
import socket
def _connect():
    s = socket.create_connection(("127.0.0.1", {{PORT}}), timeout=1)
    s.sendall(b"hello")
    return "connected"
_try("create_connection 127.0.0.1", _connect)
_try("raw socket", lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", {{PORT}})))
_try("udp sendto", lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("127.0.0.1", {{PORT}})))
`,
      attackingAdd(`_try("connect in the call", _connect)`),
    ),
  },
  {
    name: "connects to a public address and resolves names",
    program: program(String.raw`
import socket
_try("connect 1.1.1.1:80", lambda: socket.create_connection(("1.1.1.1", 80), timeout=1))
_try("connect 8.8.8.8:53", lambda: socket.create_connection(("8.8.8.8", 53), timeout=1))
_try("getaddrinfo", lambda: socket.getaddrinfo("example.com", 80))
_try("gethostbyname", lambda: socket.gethostbyname("example.com"))
`),
  },
  {
    name: "fetches with urllib.request and http.client",
    program: program(String.raw`
import urllib.request
_try("urlopen loopback", lambda: urllib.request.urlopen("http://127.0.0.1:{{PORT}}/", timeout=1).read())
_try("urlopen public", lambda: urllib.request.urlopen("http://example.com/", timeout=1).read())
def _http():
    import http.client
    c = http.client.HTTPConnection("127.0.0.1", {{PORT}}, timeout=1)
    c.request("GET", "/")
    return c.getresponse().read()
_try("http.client", _http)
`),
  },
  {
    name: "reads the canary file outside the job",
    program: program(
      String.raw`
import io, pathlib
_try("open", lambda: open("{{CANARY}}").read())
_try("os.open", lambda: _os.read(_os.open("{{CANARY}}", _os.O_RDONLY), 100))
_try("pathlib", lambda: pathlib.Path("{{CANARY}}").read_text())
_try("io.FileIO", lambda: io.FileIO("{{CANARY}}").read())
_try("listdir bait", lambda: _os.listdir("{{DIR}}"))
`,
      attackingAdd(`_try("open in the call", lambda: open("{{CANARY}}").read())`),
    ),
  },
  {
    name: "reads /etc/passwd and looks around the file system",
    program: program(String.raw`
_try("/etc/passwd", lambda: open("/etc/passwd").read())
_try("/etc/shadow", lambda: open("/etc/shadow").read())
_try("listdir /", lambda: _os.listdir("/"))
_try("listdir /home", lambda: _os.listdir("/home"))
_try("listdir /root", lambda: _os.listdir("/root"))
_try("/proc/1/cmdline", lambda: open("/proc/1/cmdline").read())
`),
  },
  {
    name: "writes, deletes and renames outside the job",
    program: program(
      String.raw`
import shutil
_try("overwrite canary", lambda: open("{{CANARY}}", "w").write("pwned"))
_try("append canary", lambda: open("{{CANARY}}", "a").write("pwned"))
_try("new file beside the job", lambda: open("{{DIR}}/pwned.txt", "w").write("pwned"))
_try("host /tmp", lambda: open("{{HOSTTMP}}", "w").write("pwned"))
_try("remove canary", lambda: _os.remove("{{CANARY}}"))
_try("rename canary", lambda: _os.rename("{{CANARY}}", "{{DIR}}/moved"))
_try("rmtree bait", lambda: shutil.rmtree("{{DIR}}"))
_try("write the job folder", lambda: open("/job/pwned.txt", "w").write("pwned"))
`,
      attackingAdd(
        `_try("overwrite canary in the call", lambda: open("{{CANARY}}", "w").write("x"))`,
      ),
    ),
  },
  {
    name: "writes to /usr",
    program: program(String.raw`
_try("new file in /usr", lambda: open("/usr/assay-pwned-{{PORT}}", "w").write("pwned"))
_try("mkdir in /usr/lib", lambda: _os.mkdir("/usr/lib/assay-pwned-{{PORT}}"))
import os.path
_try("overwrite os.py", lambda: open(os.path.__file__, "a").write("\n# pwned\n"))
`),
  },
  {
    name: "reads the environment",
    program: program(
      String.raw`
_try("os.environ", lambda: dict(_os.environ))
_try("getenv", lambda: _os.getenv("ASSAY_HOSTILE_SECRET"))
_try("/proc/self/environ", lambda: open("/proc/self/environ", "rb").read())
_try("/proc/1/environ", lambda: open("/proc/1/environ", "rb").read())
_try("/proc/self/cmdline", lambda: open("/proc/self/cmdline", "rb").read())
`,
      attackingAdd(`_note("environ in the call", dict(_os.environ))`),
    ),
  },
  {
    name: "starts processes with subprocess, os.system and os.popen",
    program: program(String.raw`
import subprocess
_try("subprocess.run", lambda: subprocess.run(["/bin/cat", "{{CANARY}}"], capture_output=True).stdout)
_try("Popen sleep", lambda: subprocess.Popen(["/bin/sleep", "1000"]))
_try("os.system", lambda: _os.system("touch {{HOSTTMP}}"))
_try("os.popen", lambda: _os.popen("cat {{CANARY}}").read())
`),
  },
  {
    name: "forks and leaves a child behind",
    program: program(String.raw`
import time
def _fork():
    pid = _os.fork()
    if pid == 0:
        time.sleep(1000)
        _os._exit(0)
    return pid
_try("os.fork", _fork)
_try("os.forkpty", lambda: _os.forkpty())
`),
  },
  {
    name: "replaces itself with execv and spawns",
    program: program(String.raw`
_try("posix_spawn sleep", lambda: _os.posix_spawn("/bin/sleep", ["sleep", "1000"], {}))
_try("spawnv", lambda: _os.spawnv(_os.P_NOWAIT, "/bin/sleep", ["sleep", "1000"]))
_try("execv", lambda: _os.execv("/usr/bin/python3", ["python3", "-c", "print('replaced')"]))
`),
  },
  {
    name: "loads native code with ctypes",
    program: program(String.raw`
def _ctypes():
    import ctypes
    return ctypes.CDLL(None).system(b"touch {{HOSTTMP}}")
_try("ctypes", _ctypes)
_try("_ctypes", lambda: __import__("_ctypes"))
def _fresh():
    import _imp, importlib.machinery
    spec = importlib.machinery.ModuleSpec("_ctypes", None, origin="built-in")
    return _imp.create_builtin(spec)
_try("create_builtin _ctypes", _fresh)
`),
  },
  {
    name: "imports js (Pyodide's host realm)",
    mustNotSay: "JS-REACHED",
    program: program(
      JS_PROBE + String.raw`
def _js():
    import js
    _js_reached("import js", js)
_try("import js", _js)
def _pjs():
    import pyodide_js
    _js_reached("import pyodide_js", pyodide_js)
_try("import pyodide_js", _pjs)
`,
      JS_ADD,
    ),
  },
  {
    name: "runs JavaScript with pyodide.code.run_js and _pyodide_core",
    mustNotSay: "JS-REACHED",
    program: program(
      JS_PROBE + String.raw`
def _run_js():
    from pyodide.code import run_js
    _js_reached("run_js", run_js("globalThis"))
_try("run_js", _run_js)
def _core():
    import _pyodide_core
    _js_reached("_pyodide_core", _pyodide_core)
_try("_pyodide_core", _core)
def _fresh():
    import _imp, importlib.machinery
    return _imp.create_builtin(importlib.machinery.ModuleSpec("_pyodide_core", None))
_try("create_builtin _pyodide_core", _fresh)
`,
      JS_ADD,
    ),
  },
  {
    name: "re-imports js through sys.modules, importlib and __import__",
    mustNotSay: "JS-REACHED",
    program: program(
      JS_PROBE + String.raw`
import importlib, importlib.util
for _name in ("js", "pyodide_js", "pyodide", "_pyodide"):
    _mod = _sys.modules.get(_name)
    if _mod is not None:
        _js_reached("sys.modules " + _name, _mod)
_try("import_module js", lambda: _js_reached("import_module", importlib.import_module("js")))
_try("__import__ js", lambda: _js_reached("__import__", __import__("js")))
_try("find_spec js", lambda: importlib.util.find_spec("js"))
def _reinsert():
    _sys.modules.pop("js", None)
    _sys.meta_path.insert(0, _sys.meta_path[-1])
    import js
    _js_reached("after meta_path", js)
_try("meta_path and re-import", _reinsert)
`,
      JS_ADD,
    ),
  },
  {
    name: "hunts the host realm through every reachable object, and makes JS objects",
    mustNotSay: "JS-REACHED",
    program: program(
      JS_PROBE + CLASSES + String.raw`
def _is_js(value):
    return not isinstance(value, type) and any("Js" in getattr(b, "__name__", "") for b in type(value).__mro__)
def _walk():
    # Everything reachable from every class and module: namespaces, closures, defaults, attributes.
    found, seen, count = [], set(), 0
    queue = [(c, c.__name__) for c in _classes()] + [(m, n) for n, m in list(_sys.modules.items()) if m is not None]
    while queue and count < 300000:
        obj, path = queue.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        count += 1
        if _is_js(obj):
            found.append((path, obj))
            continue
        try:
            if isinstance(obj, dict):
                items = list(obj.items())
            elif isinstance(obj, (list, tuple, set, frozenset)):
                items = list(enumerate(obj))
            elif type(obj) is type(_walk):
                items = [("g", obj.__globals__), ("d", obj.__defaults__), ("k", obj.__kwdefaults__)]
                items += [("c", c.cell_contents) for c in obj.__closure__ or ()]
            elif isinstance(obj, type):
                items = list(vars(obj).items())
            else:
                items = list(getattr(obj, "__dict__", {}).items()) if isinstance(getattr(obj, "__dict__", None), dict) else []
            for attr in ("__func__", "__self__", "__wrapped__"):
                if hasattr(obj, attr) and not isinstance(obj, type):
                    items.append((attr, getattr(obj, attr)))
        except BaseException:
            items = []
        for key, value in items:
            if not isinstance(value, (str, bytes, int, float, bool)) and value is not None:
                queue.append((value, path + "." + str(key)[:30]))
    _note("walked", count, "objects, JS objects found:", len(found))
    return found
for _path, _value in (_try("reachable JS objects", _walk) or [])[:20]:
    _js_reached(_path, _value)
    _convert = getattr(_value, "py2js_convert", None)
    if _convert is not None:
        _try("py2js_convert", lambda: _js_reached("converted by " + _path, _convert({})))
for _cls in _classes():
    if "Js" in _cls.__name__:
        for _args in ((), ("x",), ("Error", "x")):
            def _make():
                made = _cls(*_args)
                _js_reached("new " + _cls.__name__, made)
                _js_reached("js_error of " + _cls.__name__, getattr(made, "js_error", None))
            _try("construct " + _cls.__name__, _make)
`,
      JS_ADD,
    ),
  },
  {
    name: "starts a thousand threads",
    program: program(
      String.raw`
import threading, time
def _spin():
    while True:
        time.sleep(0.01)
def _bomb():
    started = 0
    for _ in range(1000):
        threading.Thread(target=_spin, daemon=True).start()
        started += 1
    return started
_try("thread bomb", _bomb)
`,
      attackingAdd(`_try("thread bomb in the call", _bomb)`),
    ),
  },
  {
    name: "allocates without bound",
    caseTimeoutMs: 4000,
    program: program(
      String.raw`
def _grow():
    hoard = []
    while True:
        hoard.append(bytearray(64 * 1024 * 1024))
`,
      attackingAdd(
        `try:\n    big = bytearray(16 * 1024 ** 3)\nexcept MemoryError:\n    pass\n_grow()`,
      ),
    ),
  },
  {
    name: "raises the recursion limit and recurses deeply",
    caseTimeoutMs: 4000,
    program: program(
      String.raw`
_sys.setrecursionlimit(10 ** 6)
def _deep(n):
    return _deep(n + 1) + 1
`,
      attackingAdd(`_deep(0)`),
    ),
  },
  {
    name: "floods the output",
    outputCapBytes: 200_000,
    program: program("", attackingAdd(`while True:\n    print("x" * 10000)`)),
  },
  {
    name: "sleeps forever in the call",
    caseTimeoutMs: 1500,
    program: program("import time", attackingAdd(`if a == 1 and b == 2:\n    time.sleep(10 ** 6)`)),
  },
  {
    name: "loops forever at import",
    timeoutMs: { cpython: 2500, pyodide: 15000 },
    program: program("while True:\n    pass"),
  },
  {
    name: "loops forever in the call",
    caseTimeoutMs: 1500,
    program: program("", attackingAdd(`if a == 1 and b == 2:\n    while True:\n        pass`)),
  },
];
