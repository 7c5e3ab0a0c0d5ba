# assay's in-sandbox test harness for Python candidates (CPython under bubblewrap, or Pyodide
# inside the sandboxed Deno process: lib/sandbox/inside/py_runner.ts). It is copied into every job
# folder and run before any code of the candidate; it is not imported by the rest of assay.
#
# Protocol (the same as the TypeScript runner, lib/sandbox/inside/runner.ts): the parent writes
# one JSON line on stdin, {"nonce": "…", "cases": ["name", …]}, and closes it. The harness loads
# tests.py (which imports the candidate, solution.py), runs each declared case in order, saying
# when each starts, and reports each as a line `<nonce> <json>` on stdout, then `done`.
#
# The candidate shares this interpreter, so the harness guards what it relies on:
# - an audit hook (PEP 578; it cannot be removed) refuses, while candidate code runs, every way to
#   reach the harness's frames or objects (sys._getframe, traceback/generator frames, gc
#   walking, tracing and profiling hooks, ctypes, sys.addaudithook, /proc/*/mem) and every way out
#   (processes, sockets, the host's JavaScript realm under Pyodide): the nonce stays unreadable;
# - a watch of shared interpreter state (builtins, sys settings, the modules loaded before the
#   candidate, the tests module, stdlib classes): a pass after the candidate changed it is void;
# - `assert a == b` in tests.py is rewritten so that when one side is a plain built-in value the
#   other must be one too (an object whose __eq__ always returns True cannot pass);
# - SystemExit, KeyboardInterrupt and any BaseException from a case are errors, never passes.
import sys
import os
import ast
import json
import time
import types
import builtins
import traceback
import collections
import typing
import enum
import logging
import linecache

_write = os.write
_REPORT_FD = os.dup(1)
_perf = time.perf_counter
_dumps = json.dumps
_AssertionError = AssertionError
_BaseException = BaseException
_isinstance = isinstance
_type = type
_repr = repr
_str = str
_len = len
_id = id

# ---------------------------------------------------------------------------------------------
# The audit hook: armed while candidate code (or the tests, which call it) runs.
_state = {"armed": False, "busy": False, "changed": [], "wrote": []}
_BLOCKED_IMPORTS = ("js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "ctypes", "_ctypes",
                    "pyodide_http", "micropip", "signal", "_signal", "_testcapi",
                    "_testinternalcapi", "_testbuffer", "_xxsubinterpreters", "_interpreters",
                    "_posixsubprocess", "_pyodide_importhook")
_BLOCKED_EVENTS = ("sys._current_frames", "sys._current_exceptions", "gc.get_objects",
                   "gc.get_referrers", "gc.get_referents", "sys.settrace", "sys.setprofile",
                   "sys.addaudithook", "os.system", "os.fork", "os.forkpty", "os.exec", "os.posix_spawn",
                   "os.spawn", "os.kill", "os.killpg", "subprocess.Popen", "pty.spawn",
                   "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.sendto",
                   "socket.__new__", "urllib.Request", "sys.monitoring.register_callback",
                   "sys.monitoring.use_tool_id", "sys.remote_exec", "sys._setprofileallthreads",
                   "sys._settraceallthreads", "resource.setrlimit", "os.chdir", "code.__new__",
                   "marshal.load", "function.__new__")
_FRAME_ATTRS = ("tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back", "gi_frame")


def _codes():
    """The stdlib code allowed to take a frame while the candidate runs: it never hands one out."""
    allowed = []
    for owner, name in ((collections, "namedtuple"), (typing, "_caller"),
                        (traceback, "format_stack"), (traceback, "extract_stack"),
                        (traceback, "print_stack"), (traceback, "_walk_tb_with_full_positions"),
                        (traceback, "walk_tb"), (logging, "currentframe")):
        fn = getattr(owner, name, None)
        if fn is not None:
            allowed.append(fn.__code__)
    create = getattr(getattr(enum, "EnumType", enum.EnumMeta), "_create_", None)
    if create is not None:
        allowed.append(getattr(create, "__func__", create).__code__)
    return allowed


_ALLOWED_CODES = _codes()
_ALLOWED_IDS = frozenset(_id(c) for c in _ALLOWED_CODES)
# marshal.loads builds code objects from bytes (crafted bytecode reads memory): only the import
# system may call it, to load a cached stdlib module (.pyc).
_BOOTSTRAP = sys.modules.get("_frozen_importlib_external")
_LOAD_PYC = frozenset(_id(getattr(_BOOTSTRAP, name).__code__)
                      for name in ("_compile_bytecode",) if hasattr(_BOOTSTRAP, name))
_FIND_CALLER = logging.Logger.findCaller.__code__
_LOGGING_FRAME = logging.currentframe.__code__
_TRACEBACK_CODES = frozenset(_id(v.__code__) for v in vars(traceback).values()
                             if _isinstance(v, types.FunctionType))
_WALK_TB = traceback.walk_tb.__code__
_getframe = sys._getframe


class _Blocked(PermissionError):
    pass


# What the sandbox refused reads as a PermissionError in the verdict.
_Blocked.__name__ = _Blocked.__qualname__ = "PermissionError"


def _caller_allowed():
    # Frame 0 is this function, 1 the hook, 2 the Python code that triggered the event.
    frame = _getframe(2)
    code = frame.f_code
    if _id(code) not in _ALLOWED_IDS:
        return False
    back = frame.f_back
    if code is _LOGGING_FRAME:
        return back is not None and back.f_code is _FIND_CALLER
    if code is _WALK_TB:
        return back is not None and _id(back.f_code) in _TRACEBACK_CODES
    return True


def _hook(event, args):
    if not _state["armed"] or _state["busy"]:
        return
    _state["busy"] = True
    try:
        what = None
        if event == "sys._getframe":
            if not _caller_allowed():
                what = "sys._getframe (reading the interpreter's frames)"
        elif event == "object.__getattr__":
            if args[1] in _FRAME_ATTRS and not _caller_allowed():
                what = "reading ." + args[1] + " (the interpreter's frames)"
        elif event == "object.__setattr__" or event == "object.__delattr__":
            target = args[0]
            if _isinstance(target, types.FunctionType):
                # The tests' functions, the assert helper and the functions of modules loaded
                # before the candidate keep their code (a module the candidate imports may set
                # attributes of its own functions while it loads).
                owner = sys.modules.get(target.__module__)
                if target.__module__ in ("tests", "assay_compare") or \
                        (owner is not None and _id(owner) in _SNAPSHOT_MODULE_IDS):
                    what = "changing ." + _str(args[1]) + " of a function the candidate did not define"
            elif _isinstance(target, _type):
                module = sys.modules.get(target.__module__)
                if module is not None and _id(module) in _SNAPSHOT_MODULE_IDS and \
                        getattr(module, target.__qualname__, None) is target:
                    _state["changed"].append(target.__module__ + "." + target.__qualname__ + "." +
                                             _str(args[1]))
        elif event == "import":
            name = args[0]
            root = name.split(".")[0]
            if root in _BLOCKED_IMPORTS:
                what = "importing " + name
        elif event == "open":
            path = args[0]
            if _isinstance(path, (str, bytes)):
                text = path.decode("utf-8", "replace") if _isinstance(path, bytes) else path
                if text.startswith("/proc/") and (text.endswith("/mem") or "/mem" in text):
                    what = "opening " + text
                mode = args[1] if _len(args) > 1 else "r"
                flags = args[2] if _len(args) > 2 else 0
                if (_isinstance(mode, str) and any(c in mode for c in "wax+")) or \
                        (_isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)):
                    _state["wrote"].append(text)
        elif event.startswith("gc.") and (_getframe(1).f_code is _SURVIVORS_CODE or
                                           _getframe(1).f_code is _SETUP_CODE):
            pass
        elif event == "marshal.loads":
            if _id(_getframe(1).f_code) not in _LOAD_PYC:
                what = "marshal.loads (building code objects from bytes)"
        elif event.startswith("ctypes.") or event in _BLOCKED_EVENTS or \
                event.startswith("os.exec") or event.startswith("os.spawn"):
            what = event
        if what is not None:
            raise _Blocked("assay sandbox: " + what + " is not allowed")
    finally:
        _state["busy"] = False


# ---------------------------------------------------------------------------------------------
# The watch of shared interpreter state.
def _snapshot_modules():
    out = {}
    for name, module in list(sys.modules.items()):
        if module is None or name == "__main__":
            continue
        try:
            out[name] = (module, dict(vars(module)))
        except TypeError:
            out[name] = (module, {})
    return out


def _sys_settings():
    return {
        "recursion limit": sys.getrecursionlimit(),
        "sys.stdout": _id(sys.stdout), "sys.stderr": _id(sys.stderr), "sys.stdin": _id(sys.stdin),
        "sys.excepthook": _id(sys.excepthook), "sys.displayhook": _id(sys.displayhook),
        "sys.meta_path": [_id(x) for x in sys.meta_path], "sys.path": list(sys.path[1:]),
        "sys.path_hooks": [_id(x) for x in sys.path_hooks],
        "int max str digits": getattr(sys, "get_int_max_str_digits", lambda: 0)(),
        "float repr style": sys.float_repr_style,
        "switch interval": sys.getswitchinterval(),
    }


_SNAPSHOT = None
_SNAPSHOT_MODULE_IDS = frozenset()
# The module search path without the job's folder (each sample's goes first).
sys.dont_write_bytecode = True
_BASE_PATH = [p for p in sys.path if p and not p.startswith("/job")]
_WATCHED_KINDS = (types.FunctionType, types.BuiltinFunctionType, type, types.ModuleType,
                  types.MethodType)
# Modules that the import system (and importlib's own set-up) changes as any import runs.
_MUTABLE_MODULES = frozenset(("_frozen_importlib", "_frozen_importlib_external", "importlib",
                              "zipimport", "sys", "__main__", "linecache"))


def _take_snapshot():
    global _SNAPSHOT, _SNAPSHOT_MODULE_IDS
    sys.path[:] = ["/job"] + _BASE_PATH
    modules = _snapshot_modules()
    # What a forger would replace: a module's functions, classes and submodules. (Data a module
    # sets up lazily — a compiled pattern, a cache — changes in normal use.)
    watched = []
    for name, (module, attrs) in modules.items():
        if name in _MUTABLE_MODULES or name.startswith("importlib."):
            continue
        try:
            live = vars(module)
        except TypeError:
            continue
        for key, value in attrs.items():
            if _isinstance(value, _WATCHED_KINDS):
                watched.append((name, live, key, value))
    _SNAPSHOT = {"builtins": dict(vars(builtins)), "modules": modules, "sys": _sys_settings(),
                 "module objects": [(name, m) for name, (m, _) in modules.items()],
                 "watched": watched}
    _SNAPSHOT_MODULE_IDS = frozenset(_id(m) for m, _ in modules.values())


def _changes(tests_module, tests_globals, compare_namespace):
    """What the candidate changed in shared state since the snapshot (names, at most a few)."""
    found = list(_state["changed"])
    now = vars(builtins)
    before = _SNAPSHOT["builtins"]
    for key in set(before) | set(now):
        if key == "_":
            continue
        if before.get(key, _state) is not now.get(key, _state):
            found.append("builtins." + _str(key))
    settings = _sys_settings()
    for key, value in _SNAPSHOT["sys"].items():
        if settings[key] != value:
            found.append(key)
    if sys.gettrace() is not None or sys.getprofile() is not None:
        found.append("a trace or profile function")
    modules = sys.modules
    for name, module in _SNAPSHOT["module objects"]:
        if modules.get(name) is not module:
            found.append("sys.modules[" + _repr(name) + "]")
    for name, attrs, key, value in _SNAPSHOT["watched"]:
        if attrs.get(key, _state) is not value:
            found.append(name + "." + _str(key))
    for key, value in compare_namespace.items():
        if _COMPARE_NAMESPACE.get(key, _state) is not value:
            found.append("the assert helper")
            break
    if tests_module is not None:
        now_tests = vars(tests_module)
        for key, value in tests_globals.items():
            if now_tests.get(key, _state) is not value:
                found.append("tests." + _str(key))
                break
    return list(dict.fromkeys(found))[:5]


# ---------------------------------------------------------------------------------------------
# The assert rewrite of tests.py. The comparison helper lives in a namespace of its own (only
# builtins in it), because tests.py holds a reference to it: nothing of the harness is reachable
# from there.
_COMPARE_SOURCE = """
_PLAIN = (int, float, complex, bool, str, bytes, type(None), list, tuple, dict, set, frozenset)
_CONTAINERS = (list, tuple, set, frozenset)


def _plain(value, depth=0, _type=type, _PLAIN=_PLAIN, _CONTAINERS=_CONTAINERS, _all=all):
    kind = _type(value)
    if kind not in _PLAIN or depth > 50:
        return False
    if kind in _CONTAINERS:
        return _all(_plain(item, depth + 1) for item in value)
    if kind is dict:
        return _all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return True


def _short(value, _repr=repr, _type=type, _len=len, _BaseException=BaseException):
    try:
        text = _repr(value)
    except _BaseException:
        text = "<unprintable " + _type(value).__name__ + ">"
    return text if _len(text) <= 200 else text[:200] + "…"


def compare(left, right, op, source, message, _plain=_plain, _short=_short, _type=type,
            _bool=bool, _str=str, _AssertionError=AssertionError):
    # `assert left <op> right` with plain values kept plain: a look-alike cannot pass.
    left_plain = _plain(left)
    right_plain = _plain(right)
    if left_plain != right_plain:
        ok = False
    elif op == "==":
        ok = left == right
    elif op == "!=":
        ok = left != right
    elif op == "<":
        ok = left < right
    elif op == "<=":
        ok = left <= right
    elif op == ">":
        ok = left > right
    else:
        ok = left >= right
    if _type(ok) is not _bool:
        ok = _bool(ok) if _plain(ok) else False
    if not ok:
        detail = "assert " + source + ": got " + _short(left)
        if left_plain != right_plain:
            odd = right if left_plain else left
            detail += " (" + _type(odd).__name__ + ", not a plain built-in value)"
        if message is not None:
            detail += ": " + _str(message())
        raise _AssertionError(detail)
"""
_COMPARE_NAMESPACE = {"__builtins__": builtins, "__name__": "assay_compare"}
exec(_COMPARE_SOURCE, _COMPARE_NAMESPACE)
_compare = _COMPARE_NAMESPACE["compare"]


_OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}


class _Rewrite(ast.NodeTransformer):
    def __init__(self, source):
        self.source = source

    def visit_Assert(self, node):
        test = node.test
        if not (_isinstance(test, ast.Compare) and _len(test.ops) == 1 and
                _type(test.ops[0]) in _OPS):
            return node
        text = ast.get_source_segment(self.source, test) or "…"
        message = ast.Constant(None) if node.msg is None else \
            ast.Lambda(ast.arguments([], [], None, [], [], None, []), node.msg)
        call = ast.Call(ast.Name("__assay_compare__", ast.Load()),
                        [test.left, test.comparators[0], ast.Constant(_OPS[_type(test.ops[0])]),
                         ast.Constant(" ".join(text.split())), message], [])
        return ast.copy_location(ast.Expr(call), node)


def _compile_tests(source, path):
    tree = _Rewrite(source).visit(ast.parse(source, path))
    return compile(ast.fix_missing_locations(tree), path, "exec")


# ---------------------------------------------------------------------------------------------
# Reports and verdicts.
def _describe(error):
    """An exception as `Type: message (solution.py, line N)`."""
    try:
        name = _type(error).__name__
    except _BaseException:
        name = "BaseException"
    try:
        message = _str(error)
    except _BaseException:
        message = "(the exception could not be described)"
    if _isinstance(error, SyntaxError):
        return name + ": " + message
    where = ""
    try:
        for entry in reversed(traceback.extract_tb(error.__traceback__)):
            if entry.filename.endswith("/solution.py") or entry.filename == "solution.py":
                where = " (solution.py, line " + _str(entry.lineno) + ")"
                break
    except _BaseException:
        pass
    text = name + ": " + message
    return (text if _len(text) <= 2000 else text[:2000] + "…") + where


_str_copy = str.__str__


def main(config_text, report_raw):
    """Run the declared cases of tests.py in `config["dir"]`, reporting through `report_raw`.

    From the moment tests.py starts loading the audit hook stays armed: every line of candidate
    code, and every harness line that may call into it (describing its exceptions, the state
    check), runs guarded.
    """
    if _SNAPSHOT is None:
        _take_snapshot()
    _run(config_text, report_raw, None)


def _run(config_text, report_raw, after):
    """One sample; `after(report)` (the warm pool's) runs when it ends, however it ends."""
    config = json.loads(config_text)
    nonce = config["nonce"]
    names = [_str_copy(n) for n in config["cases"]]

    def report(record):
        line = "\n" + nonce + " " + _dumps(record) + "\n"
        try:
            report_raw(line.encode("utf-8", "replace"))
        except _BaseException:
            os._exit(3)

    # The interpreter is up: the sample's time limit counts from here (strict_process.ts).
    report({"type": "ready"})
    try:
        _cases(config, names, report)
    finally:
        if after is not None:
            after(report)


def _cases(config, names, report):
    job = config.get("dir", os.getcwd())
    sys.path[:] = [job] + _BASE_PATH
    path = os.path.join(job, "tests.py")
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    tests = types.ModuleType("tests")
    tests.__file__ = path
    tests.__dict__["__assay_compare__"] = _compare
    try:
        code = _compile_tests(source, path)
    except SyntaxError as error:
        report({"type": "load_error", "message": "tests.py: " + _describe(error)})
        return
    compare_namespace = dict(_COMPARE_NAMESPACE)
    sys.modules["tests"] = tests
    _state["armed"] = True
    sealed = None
    try:
        exec(code, tests.__dict__)
        raw = tests.__dict__.get("cases")
        if _type(raw) is dict:
            sealed = {}
            for name in names:
                if name in raw:
                    sealed[name] = raw[name]
    except _BaseException as error:
        report({"type": "load_error", "message": _str_copy(_describe(error))})
        return
    tests_globals = dict(vars(tests))
    if sealed is None:
        report({"type": "load_error", "message": "tests.py does not define a dict `cases`"})
        return
    for name in names:
        report({"type": "start", "name": name})
        fn = sealed.get(name)
        started = _perf()
        if not callable(fn):
            report({"type": "case", "name": name, "status": "error", "ms": 0,
                    "message": 'test case "' + name + '" is not defined in tests.py'})
            continue
        status = "pass"
        message = ""
        try:
            fn()
        except _BaseException as error:
            status = "fail" if _type(error) is _AssertionError else "error"
            try:
                message = _describe(error)
            except _BaseException:
                message = "(the exception could not be described)"
        ms = (_perf() - started) * 1000
        if status == "pass":
            changed = _changes(tests, tests_globals, compare_namespace)
            if changed:
                status = "error"
                message = "the sample changed shared interpreter state (" + ", ".join(changed) + \
                    "): its pass cannot be trusted"
        report({"type": "case", "name": name, "status": status, "message": _str_copy(message),
                "ms": ms})
    report({"type": "done"})


# ---------------------------------------------------------------------------------------------
# The warm pool (inside/py_pool_host.ts): one interpreter, one sample after another, each in
# fresh modules. Whatever a sample leaves behind in the interpreter that a later sample could
# meet — changed shared state, written files, any function of its own still alive — makes the
# host say `recycle`, and the pool replaces it before the next sample.
_BASELINE = {}


def setup_pool():
    """Take the baseline the pool compares each sample's leftovers with; arm for good."""
    import gc
    import warnings
    import copyreg
    _take_snapshot()
    _BASELINE["modules"] = frozenset(sys.modules)
    _BASELINE["registries"] = _registries(warnings, copyreg)
    _BASELINE["gc"] = (gc.isenabled(), gc.get_threshold())
    # Everything alive now is the baseline: frozen, the collector (and the search for a sample's
    # leftovers) sees only what came after.
    gc.collect()
    gc.freeze()
    _state["armed"] = True


def _registries(warnings, copyreg):
    return (list(warnings.filters), dict(copyreg.dispatch_table), dict(os.environ),
            _id(warnings.showwarning))


def _survivors():
    """Functions alive now that were not at the baseline (the sample's, or its imports')."""
    import gc
    gc.collect()
    left = []
    own = globals()
    for o in gc.get_objects():
        # (A loop, not a comprehension: in 3.11 a comprehension is a function of its own.)
        if _type(o) is types.FunctionType and o.__globals__ is not own:
            left.append(o)
    return left


def _freeze():
    import gc
    gc.freeze()


_SURVIVORS_CODE = _survivors.__code__
_SETUP_CODE = setup_pool.__code__


def _end_of_sample(report):
    """Forget the sample (its modules, its path) and say whether the host can go on."""
    import gc
    import warnings
    import copyreg
    reasons = _changes(None, {}, dict(_COMPARE_NAMESPACE))
    if _state["wrote"]:
        reasons.append("wrote " + _state["wrote"][0])
    if _registries(warnings, copyreg) != _BASELINE["registries"]:
        reasons.append("warnings, copyreg or os.environ")
    if (gc.isenabled(), gc.get_threshold()) != _BASELINE["gc"]:
        reasons.append("the garbage collector's settings")
    for name in list(sys.modules):
        if name not in _BASELINE["modules"]:
            del sys.modules[name]
    sys.path[:] = ["/job"] + _BASE_PATH
    # The next sample's files have the same names: no cached listing or source lines survive.
    sys.path_importer_cache.clear()
    linecache.clearcache()
    left = _survivors()
    if left:
        reasons.append(_str(_len(left)) + " function(s) of the sample still alive, e.g. " +
                       _str(getattr(left[0], "__qualname__", "?")))
    else:
        # What is left is the harness's and the stdlib's (caches): part of the baseline now.
        _freeze()
    _state["changed"].clear()
    _state["wrote"].clear()
    report({"type": "end", "recycle": "; ".join(list(dict.fromkeys(reasons))[:3])})


def serve(config_text):
    """One sample of the warm pool (after setup_pool)."""
    _run(config_text, lambda data: _write(_REPORT_FD, data), _end_of_sample)


def _refuse_signals():
    """Python-level signal handlers receive the interrupted frame: the candidate may not set one."""
    import signal
    import _signal

    def refuse(*_args):
        raise _Blocked("assay sandbox: signal handlers are not allowed")

    signal.signal = refuse
    _signal.signal = refuse


_refuse_signals()
sys.addaudithook(_hook)

if __name__ == "__main__":
    _config = sys.stdin.read()
    # The harness's own module is not the candidate's __main__: nothing of it stays reachable.
    sys.modules["__main__"] = types.ModuleType("__main__")
    main(_config, lambda data: _write(_REPORT_FD, data))
    if sys.platform != "emscripten":
        # Threads the candidate left running and its atexit handlers do not hold the process.
        os._exit(0)
