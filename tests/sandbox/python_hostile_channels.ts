/**
 * The hostile Python programs of the battery (python_hostile_test.ts), part four: forgeries
 * through the report channel (stdout, the report's file descriptor, the process's own memory),
 * through the harness's globals and helpers (reachable classes and functions, the JSON encoder and
 * built-ins it calls), through shared modules the tests use (patched for good, or patched so the
 * patch undoes itself), and through the audit hook itself (a second thread, finalizers, an event
 * raised with hostile arguments).
 *
 * @module
 */
import { attackingAdd, CLASSES, program } from "./python_hostile_kit.ts";
import type { Hostile } from "./python_hostile_programs.ts";

/** Python that reads whatever `fd` holds for up to `ms` and forges with a nonce found in it. */
const DRAIN = String.raw`
import time as _time
def _drain(fd, ms=60):
    if fd is None:
        return
    end = _time.monotonic() + ms / 1000
    data = b""
    while _time.monotonic() < end and not _FORGED:
        try:
            chunk = _os.read(fd, 65536)
        except BlockingIOError:
            chunk = b""
        except BaseException as error:
            _note("drain stopped:", type(error).__name__, error)
            return
        data += chunk
        nonce = _hunt(data)
        if nonce:
            _forge(nonce)
            return
`;

/** Python: `_report_fd()`, the descriptor the harness reports on (a copy of fd 1's), or None. */
const REPORT_FD = String.raw`
def _report_fd():
    out = _os.fstat(1)
    for fd in range(3, 32):
        try:
            st = _os.fstat(fd)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            return fd
`;

export const CHANNELS: Hostile[] = [
  {
    name: "replaces sys.stdout and writes fake lines to fd 1 and 2",
    program: program(
      String.raw`
import uuid
class _Filter:
    def __init__(self, real):
        self.real = real
    def write(self, text):
        return self.real.write(text.replace('"fail"', '"pass"'))
    def flush(self):
        return self.real.flush()
_sys.stdout = _Filter(_sys.stdout)
_os.write(2, ("\n" + uuid.uuid4().hex + ' {"type": "case", "name": "adds pairs", "status": "pass"}\n').encode())
_try("dup2 /dev/null over fd 1", lambda: _os.dup2(_os.open("/dev/null", _os.O_WRONLY), 1))
`,
      attackingAdd(
        `_os.write(1, ('{"type": "case", "name": "adds pairs", "status": "pass"}\\n').encode())`,
      ),
    ),
  },
  {
    name: "redirects the report descriptor into a pipe it reads",
    program: program(
      DRAIN + REPORT_FD + String.raw`
_PIPE = []
def _redirect():
    fd = _report_fd()
    read_end, write_end = _os.pipe()
    _os.set_blocking(read_end, False)
    saved = _os.dup(fd)
    _os.dup2(write_end, fd)
    _PIPE.extend([read_end, fd, saved])
    return fd
_try("redirect the report fd", _redirect)
`,
      attackingAdd(
        `if _PIPE:\n    _drain(_PIPE[0])\n    if _FORGED:\n        _os.dup2(_PIPE[2], _PIPE[1])`,
      ),
    ),
  },
  {
    name: "reads its own stdout pipe back through /proc and /dev",
    program: program(
      DRAIN + String.raw`
_READERS = []
def _open(path, **kw):
    fd = _os.open(path, _os.O_RDONLY | _os.O_NONBLOCK, **kw)
    _READERS.append(fd)
    return fd
_try("/proc/self/fd/1", lambda: _open("/proc/self/fd/1"))
_try("/dev/stdout", lambda: _open("/dev/stdout"))
_try("/dev/fd/1", lambda: _open("/dev/fd/1"))
_try("symlink in /tmp", lambda: (_os.symlink("/proc/self/fd/1", "/tmp/out"), _open("/tmp/out")))
_try("dir_fd of /", lambda: _open("proc/self/fd/1", dir_fd=_os.open("/", _os.O_RDONLY)))
_try("relative ../proc", lambda: _open("../proc/self/fd/1"))
`,
      attackingAdd("for _fd in _READERS:\n    _drain(_fd, 30)"),
    ),
  },
  {
    name: "reads its own memory through /proc/self/mem",
    program: program(
      String.raw`
import re
_PATTERN = re.compile(rb'(?<![0-9a-f])([0-9a-f]{32}) \{"type"|"nonce": ?"([0-9a-f]{32})"')
def _scan(mem_path, maps_path="/proc/self/maps", dir_fd=None):
    maps = open(maps_path).read() if dir_fd is None else _os.read(_os.open(maps_path, _os.O_RDONLY, dir_fd=dir_fd), 1 << 20).decode()
    fd = _os.open(mem_path, _os.O_RDONLY, dir_fd=dir_fd) if dir_fd is not None else _os.open(mem_path, _os.O_RDONLY)
    for line in maps.splitlines():
        span, perms = line.split()[:2]
        if not perms.startswith("rw"):
            continue
        start, end = (int(x, 16) for x in span.split("-"))
        try:
            _os.lseek(fd, start, 0)
            data = _os.read(fd, min(end - start, 1 << 26))
        except OSError:
            continue
        for m in _PATTERN.finditer(data):
            _forge((m.group(1) or m.group(2)).decode())
            return "found"
    return "not found"
_try("open /proc/self/mem", lambda: open("/proc/self/mem", "rb"))
_try("os.open /proc/self/mem", lambda: _scan("/proc/self/mem"))
_try("dir_fd proc/self/mem", lambda: _scan("proc/self/mem", "proc/self/maps", dir_fd=_os.open("/", _os.O_RDONLY)))
_try("symlinked mem", lambda: (_os.symlink("/proc/self", "/tmp/me"), _scan("/tmp/me/mem", "/tmp/me/maps")))
`,
      attackingAdd(`_try("mem in the call", lambda: _scan("/proc/self/mem"))`),
    ),
  },
  {
    name: "crafts code objects and bytecode",
    program: program(String.raw`
import types, marshal
_try("CodeType", lambda: types.CodeType(*([0] * 18)))
_try("code.replace", lambda: (lambda: 0).__code__.replace(co_consts=(None, 1)))
_try("marshal.loads", lambda: marshal.loads(marshal.dumps((lambda: 0).__code__)))
_try("FunctionType", lambda: types.FunctionType((lambda: 0).__code__, {}))
`),
  },
  {
    name: "patches math.isclose and builtins.abs for good",
    program: program(
      String.raw`
import math, builtins
math.isclose = lambda *a, **k: True
builtins.abs = lambda x: 0.0
`,
      attackingAdd("math.isclose = lambda *a, **k: True\nbuiltins.abs = lambda x: 0.0"),
    ),
  },
  {
    name: "patches math.isclose and builtins.abs so that each patch undoes itself",
    program: program(
      String.raw`
import math, builtins
_real_isclose, _real_abs = math.isclose, builtins.abs
def _isclose(*args, **kwargs):
    math.isclose = _real_isclose
    return True
def _abs(x):
    builtins.abs = _real_abs
    return 0.0
`,
      attackingAdd("math.isclose = _isclose\nbuiltins.abs = _abs"),
    ),
  },
  {
    name: "looks for the harness in __main__",
    program: program(String.raw`
import __main__
_try("vars(__main__)", lambda: dict(vars(__main__)))
_try("sys.modules['__main__']", lambda: dict(vars(_sys.modules["__main__"])))
`),
  },
  {
    name: "finds the harness's globals through reachable classes and functions",
    program: program(
      CLASSES + String.raw`
def _spaces():
    """Every namespace a function reachable from a class or a module sees: its globals, closure
    cells, defaults; and bound methods' instances."""
    spaces = {}
    function = type(_spaces)
    def add(fn):
        if type(fn) is function:
            spaces[id(fn.__globals__)] = fn.__globals__
            for cell in fn.__closure__ or ():
                try:
                    spaces[id(cell)] = {"cell": cell.cell_contents}
                except ValueError:
                    pass
            if fn.__defaults__:
                spaces[id(fn.__defaults__)] = {"defaults": list(fn.__defaults__)}
        owner = getattr(fn, "__self__", None)
        if owner is not None and hasattr(owner, "__dict__") and type(owner.__dict__) is dict:
            spaces[id(owner.__dict__)] = owner.__dict__
    for cls in _classes():
        for value in list(vars(cls).values()):
            add(getattr(value, "__func__", value))
    for module in list(_sys.modules.values()):
        if module is not None:
            for value in list(vars(module).values()):
                add(value)
    return list(spaces.values())
def _search():
    spaces = _spaces()
    for space in spaces:
        state = space.get("_state")
        if isinstance(state, dict) and "armed" in state:
            state["armed"] = False
            _note("disarmed the harness's hook")
        for key, value in list(space.items()):
            for text in ([value] if isinstance(value, (str, bytes)) else
                         [v for v in value if isinstance(v, (str, bytes))] if isinstance(value, (list, tuple)) else []):
                nonce = _hunt(text)
                if nonce:
                    _forge(nonce)
                    return "found in " + str(key)
    return "not found in %d namespaces" % len(spaces)
_try("search", _search)
`,
      attackingAdd(`_try("search in the call", _search)`),
    ),
  },
  {
    name: "prints pass lines from an atexit handler",
    program: program(String.raw`
import atexit, uuid
atexit.register(lambda: _forge(uuid.uuid4().hex))
`),
  },
  {
    name: "closes the report descriptor",
    program: program(
      REPORT_FD + String.raw`
def _close():
    fd = _report_fd()
    if fd is not None:
        _os.close(fd)
        return fd
_try("close the report fd", _close)
`,
    ),
  },
  {
    name: "races the audit hook from a second thread",
    program: program(
      String.raw`
import threading
_STOP = []
def _busy():
    while not _STOP:
        try:
            _sys._getframe()
        except BaseException:
            pass
def _race():
    threading.Thread(target=_busy, daemon=True).start()
    for _ in range(20000):
        try:
            frame = _sys._getframe(1)
        except BaseException:
            continue
        nonce = _hunt(frame)
        if nonce:
            _forge(nonce)
            return "won"
    return "lost"
`,
      attackingAdd(`if not _FORGED:\n    _try("race", _race)`),
    ),
  },
  {
    name: "takes a frame from a finalizer the garbage collector runs inside the audit hook",
    program: program(
      String.raw`
class _Finalizer:
    def __init__(self):
        self.me = self
    def __del__(self):
        if _FORGED:
            return
        try:
            frame = _sys._getframe(0)
        except BaseException:
            return
        nonce = _hunt(frame)
        if nonce:
            _forge(nonce)
def _churn():
    for _ in range(30000):
        _Finalizer()
        try:
            _sys._getframe()
        except BaseException:
            pass
`,
      attackingAdd("if not _FORGED:\n    _churn()"),
    ),
  },
  {
    name: "makes the audit hook run its code through an event with hostile arguments",
    program: program(
      String.raw`
_INSIDE = []
def _peek():
    if _INSIDE or _FORGED:
        return
    _INSIDE.append(1)
    try:
        nonce = _hunt(_sys._getframe(0))
        if nonce:
            _forge(nonce)
    except BaseException:
        pass
    finally:
        _INSIDE.pop()
class _Evil:
    @property
    def __class__(self):
        _peek()
        return object
class _Name(str):
    def startswith(self, *args):
        _peek()
        return False
    def split(self, *args):
        _peek()
        return str.split(self, *args)
    def __eq__(self, other):
        _peek()
        return str.__eq__(self, other)
    __hash__ = str.__hash__
def _audit():
    _try("setattr event", lambda: _sys.audit("object.__setattr__", _Evil(), "__code__", None))
    _try("open event", lambda: _sys.audit("open", _Name("/x"), "r", 0))
    _try("import event", lambda: _sys.audit("import", _Name("x"), None, None, None, None))
    _try("getattr event", lambda: _sys.audit("object.__getattr__", _Evil(), _Name("tb_frame")))
`,
      attackingAdd("_audit()"),
    ),
  },
  {
    name: "patches the JSON encoder the harness reports with",
    program: program(
      String.raw`
import json, json.encoder
class _Encoder(json.JSONEncoder):
    def encode(self, o):
        if isinstance(o, dict) and o.get("type") == "case":
            o = dict(o, status="pass", message="")
        return json.JSONEncoder.encode(self, o)
json._default_encoder = _Encoder()
_real_c = json.encoder.c_make_encoder
json.encoder.c_make_encoder = None
`,
      attackingAdd("json._default_encoder = _Encoder()"),
    ),
  },
  {
    name: "blinds the harness by patching built-ins it calls",
    program: program(
      String.raw`
import builtins, math
class _List(list):
    def __new__(cls, *args):
        if args and type(args[0]) is dict and any(isinstance(k, str) and ("." in k or "[" in k) for k in args[0]):
            return []
        return list.__new__(cls, *args)
builtins.list = _List
math.isclose = lambda *a, **k: True
`,
      attackingAdd("math.isclose = lambda *a, **k: True"),
    ),
  },
];
