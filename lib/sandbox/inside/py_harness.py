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
#   reach the interpreter's frames (sys._getframe, traceback/generator/coroutine frames, gc
#   walking, tracing, profiling and monitoring hooks, signal handlers, /proc/*/mem) — to
#   everyone: no standard-library caller is trusted with a frame — and every way out (processes,
#   threads, sockets, ctypes, /proc and /dev, the host's JavaScript realm under Pyodide): the
#   nonce stays unreadable. The hook has no "busy" state: code of the candidate that runs inside
#   it (a finalizer, a property it reads) is guarded like any other;
# - nothing of the harness is reachable from the candidate's side: its functions see a private
#   copy of the built-ins, the helpers it hands out (the assert helpers, the refusals installed in
#   signal, gc, _thread, _posixsubprocess and _imp) live in namespaces of their own, and while
#   candidate code may have run it calls only what it bound before any of it ran (its report is
#   encoded with C functions, its report descriptor checked to be the one it started with);
# - the tests run in a namespace of their own (not in sys.modules) with a private copy of the
#   built-ins, and see the standard-library modules they import as they were loaded, before the
#   candidate ran (a view of each module's attributes); the standard-library modules tests.py
#   and solution.py import are loaded before any candidate code;
# - a watch of shared interpreter state (builtins, sys settings, the modules loaded before the
#   candidate, the classes of the modules the tests import, the tests' namespace and built-ins):
#   once the candidate changed it — at import, or in any case — no later pass counts;
# - `assert` in tests.py is rewritten so that when one side of a comparison (==, !=, <, <=, >, >=,
#   in, not in; chained or nested in the assert's expression too), or of `abs(a - b) < tol`, is a
#   plain built-in value the other must be one too (an object whose __eq__ always returns True,
#   or whose __sub__ returns 0.0, cannot pass); the helpers are constants of the tests' code, not
#   names the candidate could rebind, and they note every failure in a ledger only the harness
#   reads (an __exit__ of the candidate's that swallows the AssertionError changes nothing);
# - SystemExit, KeyboardInterrupt and any BaseException from a case are errors, never passes.
#
# What stays out of reach of this design (one interpreter for the candidate and the tests): a
# tests.py that hands the candidate an object it defined (an instance, a callback, any class it
# defines is reachable through object.__subclasses__()) hands it the tests' namespace; a change
# there, or to a standard-library class or container the tests use, that undoes itself before
# the watch looks is not seen (one that stays is).
import sys
import os
import ast
import json
import json.encoder
import time
import types
import builtins
import collections
import typing
import enum
import logging
import warnings
import gc
import _imp
import _thread
# Importing importlib renames _frozen_importlib's attributes: done here, not by the candidate.
import importlib
import importlib.machinery
import importlib.util

# Every function of the harness defined below sees this private copy of the built-ins, not the
# builtins module the candidate may patch (a function's built-ins are bound when it is made).
__builtins__ = dict(vars(builtins))

_write = os.write
_fstat = os.fstat
_exit = os._exit
_REPORT_FD = os.dup(1)
_REPORT_ID = (os.fstat(_REPORT_FD).st_dev, os.fstat(_REPORT_FD).st_ino)
_perf = time.perf_counter
_encode_str = json.encoder.encode_basestring_ascii  # C (the _json accelerator) in both runtimes
_float_repr = float.__repr__
_AssertionError = AssertionError
_BaseException = BaseException
_SyntaxError = SyntaxError
_type = type
_repr = repr
_str = str
_len = len
_id = id
_str_copy = str.__str__
_FunctionType = types.FunctionType
_ModuleType = types.ModuleType
_CodeType = types.CodeType
_TracebackType = types.TracebackType
_traceback_of = BaseException.__traceback__.__get__
_type_dict = type.__dict__["__dict__"].__get__
_set_traceback = BaseException.__traceback__.__set__
_modules = sys.modules
_getrecursionlimit = sys.getrecursionlimit
_gettrace = sys.gettrace
_getprofile = sys.getprofile
_getswitchinterval = sys.getswitchinterval
_get_int_max_str_digits = getattr(sys, "get_int_max_str_digits", lambda: 0)
_gc_enable = gc.enable
_gc_disable = gc.disable
_gc_isenabled = gc.isenabled

# ---------------------------------------------------------------------------------------------
# The audit hook: armed while candidate code (or the tests, which call it) runs.
_state = {"armed": False, "describing": False, "changed": [], "wrote": [], "solution": "",
          "cwd": "/", "sweeping": False, "tampered": None}
_BLOCKED_IMPORTS = frozenset((
    "js", "pyodide_js", "pyodide", "_pyodide", "_pyodide_core", "ctypes", "_ctypes",
    "pyodide_http", "micropip", "signal", "_signal", "_testcapi", "_testinternalcapi",
    "_testbuffer", "_testlimitedcapi", "_testsinglephase", "_testmultiphase",
    "_xxsubinterpreters", "_interpreters", "_interpqueues", "_interpchannels",
    "_pyodide_importhook",
    # Loaded before the candidate and guarded there (their refusals below); a fresh copy
    # would not be.
    "_thread", "gc", "_imp"))
_BLOCKED_EVENTS = frozenset((
    "sys._current_frames", "sys._current_exceptions", "gc.get_objects", "gc.get_referrers",
    "gc.get_referents", "sys.settrace", "sys.setprofile", "sys.addaudithook", "os.system",
    "os.fork", "os.forkpty", "os.posix_spawn", "os.kill", "os.killpg", "subprocess.Popen",
    "pty.spawn", "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.sendto",
    "socket.__new__", "urllib.Request", "sys.monitoring.register_callback",
    "sys.monitoring.use_tool_id", "sys.remote_exec", "sys._setprofileallthreads",
    "sys._settraceallthreads", "resource.setrlimit", "os.chdir", "code.__new__", "marshal.loads",
    "marshal.load", "_thread.start_new_thread",
    # A link into /proc or /dev would defeat the path check of `open`.
    "os.symlink"))
_FRAME_ATTRS = frozenset(("tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back", "f_code"))
# What may be opened under /dev (the rest of /dev, and all of /proc, is refused: /proc/self/fd/1
# would read the report channel back, /proc/self/mem the interpreter's memory).
_DEV_OK = frozenset(("null", "zero", "urandom", "random", "full"))
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT


class _Blocked(PermissionError):
    pass


class _BlockedFrame(_Blocked, ValueError):
    # sys._getframe refused as the "stack not deep enough" ValueError too: the stdlib callers that
    # only want a module name (collections.namedtuple, typing, enum) catch it and carry on.
    pass


# What the sandbox refused reads as a PermissionError in the verdict.
_Blocked.__name__ = _Blocked.__qualname__ = "PermissionError"
_BlockedFrame.__name__ = _BlockedFrame.__qualname__ = "PermissionError"


def _outside(text):
    """Whether the path `text` (as given to open) lands in /proc, or in /dev beyond _DEV_OK.

    Lexical: symbolic links are not followed (os.symlink is refused; /usr has none into /proc),
    and a relative path is checked from the working folder and from / (an opened directory's
    descriptor, `dir_fd`, can make it relative to anything that was itself allowed to open)."""
    for base in (_state["cwd"], "/"):
        parts = []
        for part in (text if text.startswith("/") else base + "/" + text).split("/"):
            if part == "" or part == ".":
                continue
            if part == "..":
                if parts:
                    parts.pop()
                continue
            parts.append(part)
        if parts and (parts[0] == "proc" or
                      (parts[0] == "dev" and (_len(parts) == 1 or parts[1] not in _DEV_OK))):
            return True
    return False


def _setattr_refusal(args):
    """An object.__setattr__/__delattr__ event: what to refuse, if anything. Reads only C-level
    attributes of the target (no code of the candidate runs here)."""
    if _len(args) < 2 or _type(args[1]) is not str:
        return None
    target, name = args[0], args[1]
    kind = _type(target)
    if kind is _FunctionType:
        filename = target.__code__.co_filename
        # The candidate may change its own functions (and those it made with exec or eval); not
        # the tests', the harness's or the standard library's (a file, or the harness's "<assay>").
        if _type(filename) is str and filename != _state["solution"] and \
                (filename.startswith("/") or filename.startswith("<assay")):
            return "changing ." + name + " of a function the candidate did not define"
    elif issubclass(kind, _ModuleType):
        if name == "__class__":
            return "changing the class of a module"
    elif issubclass(kind, _type):
        module_name = target.__module__
        qualname = target.__qualname__
        if _type(module_name) is str and _type(qualname) is str:
            module = _modules.get(module_name)
            if module is not None and _id(module) in _SNAPSHOT_MODULE_IDS and \
                    vars(module).get(qualname) is target:
                _state["changed"].append(module_name + "." + qualname + "." + name)
    return None


def _hook(event, args):
    if not _state["armed"]:
        return
    event = _str_copy(event)
    if event == "gc.get_objects" and _state["sweeping"]:
        return
    what = None
    if event == "sys._getframe":
        raise _BlockedFrame("assay sandbox: sys._getframe (reading the interpreter's frames) "
                            "is not allowed")
    elif event == "object.__getattr__":
        name = args[1] if _len(args) > 1 else None
        if _type(name) is str and name in _FRAME_ATTRS and not _state["describing"]:
            what = "reading ." + name + " (the interpreter's frames)"
    elif event == "object.__setattr__" or event == "object.__delattr__":
        what = _setattr_refusal(args)
    elif event == "import":
        name = args[0] if _len(args) else None
        if _type(name) is str and name.partition(".")[0] in _BLOCKED_IMPORTS:
            what = "importing " + name
    elif event == "open":
        path = args[0] if _len(args) else None
        text = None
        if issubclass(_type(path), str):
            text = _str_copy(path)
        elif issubclass(_type(path), bytes):
            text = bytes.decode(path, "utf-8", "replace")
        if text is not None:
            if _outside(text):
                what = "opening " + text
            mode = args[1] if _len(args) > 1 else "r"
            flags = args[2] if _len(args) > 2 else 0
            if (_type(mode) is str and any(c in mode for c in "wax+")) or \
                    (_type(flags) is int and flags & _WRITE_FLAGS):
                _state["wrote"].append(text)
    elif event in _BLOCKED_EVENTS or event.startswith("ctypes.") or \
            event.startswith("os.exec") or event.startswith("os.spawn"):
        what = event
    if what is not None:
        raise _Blocked("assay sandbox: " + what + " is not allowed")


# ---------------------------------------------------------------------------------------------
# Helpers handed out to the candidate's side (installed in stdlib modules, or called by the
# tests): each lives in a namespace of its own, so nothing of the harness is reachable from it.
def _isolated(source, **names):
    namespace = {"__builtins__": dict(vars(builtins)), "__name__": "assay"}
    namespace.update(names)
    exec(compile(source, "<assay>", "exec"), namespace)
    return namespace


_REFUSALS = _isolated("""
def refuse(what):
    def refused(*args, **kwargs):
        raise Blocked("assay sandbox: " + what + " is not allowed")
    return refused


def gate(original, refused, modules):
    # _imp.create_builtin/create_dynamic: no second copy of a module already loaded (its copy would
    # lack the refusals installed below) and none of a refused one. A generator holds `original`:
    # only its (unreadable) frame refers to it.
    answer = None
    while True:
        try:
            args = yield answer
            spec = args[0]
            name = spec.name
            origin = getattr(spec, "origin", None)
            if type(name) is not str or (origin is not None and type(origin) is not str):
                answer = (False, "loading a module from an odd spec")
                continue
            name = str.__str__(name)
            if name in modules or name in refused or name.partition(".")[0] in refused:
                answer = (False, "loading a second copy of the module " + name)
                continue
            fresh = Spec(name=name, origin=None if origin is None else str.__str__(origin))
            answer = (True, original(fresh, *args[1:]))
        except BaseException as error:
            answer = (None, error)


def gated(gen):
    next(gen)
    def load(*args):
        ok, value = gen.send(args)
        if ok is True:
            return value
        if ok is None:
            raise value
        raise Blocked("assay sandbox: " + value + " is not allowed")
    return load
""", Blocked=_Blocked, Spec=types.SimpleNamespace)


def _install_refusals():
    """Refuse, from now on, what would hand out frames or escape the hook: Python-level signal
    handlers (they receive the interrupted frame), gc.set_debug (DEBUG_SAVEALL would keep frames
    in gc.garbage), starting threads (a second thread could race the watch; Pyodide has none), and
    a fresh copy of a loaded C module through _imp (it would lack these refusals)."""
    import signal
    import _signal
    refuse = _REFUSALS["refuse"]
    signal.signal = _signal.signal = refuse("signal handlers")
    gc.set_debug = refuse("gc.set_debug")
    # subprocess (which asyncio imports) imports _posixsubprocess: importing it stays allowed,
    # starting a process through it does not (subprocess.Popen is refused as an audit event).
    try:
        import _posixsubprocess
        _posixsubprocess.fork_exec = refuse("starting a process")
    except ImportError:
        pass
    threading = _modules.get("threading")
    for owner in (_thread, threading):
        for name in ("start_new_thread", "start_new", "start_joinable_thread",
                     "_start_new_thread", "_start_joinable_thread"):
            if owner is not None and hasattr(owner, name):
                setattr(owner, name, refuse("starting a thread"))
    refused = _BLOCKED_IMPORTS | frozenset(("_signal", "signal", "gc", "_thread", "posix", "sys",
                                            "builtins", "_io", "marshal", "_imp",
                                            "_posixsubprocess"))
    for name in ("create_builtin", "create_dynamic"):
        original = getattr(_imp, name, None)
        if original is not None:
            setattr(_imp, name, _REFUSALS["gated"](_REFUSALS["gate"](original, refused, _modules)))


def _scrub_js():
    """Pyodide: the runner removed the js and pyodide modules from sys.modules, but what they
    made stays reachable — their classes (object.__subclasses__()), functions Pyodide registered
    in the standard library (shutil's unpack formats, time.sleep, asyncio's loop), and through
    their __globals__ the modules' namespaces, holding JsProxy objects (a JS function leads to
    globalThis and its Deno). Walk every object the collector tracks, empty those namespaces and
    drop every JsProxy held anywhere else. The harness runs inside _pyodide._base.eval_code,
    which needs none of its globals once the harness returns normally."""
    prefixes = ("js", "pyodide", "_pyodide", "pyodide_js", "_pyodide_core")

    def ours(name):
        return _type(name) is str and name.partition(".")[0] in prefixes

    def js_named(cls):
        return "Js" in cls.__name__ and (ours(cls.__module__) or cls.__module__ == "builtins")

    # Every class there is, and those whose instances are JS things: JsProxy and its kinds
    # (pyodide.ffi), and the core's converters (Py2JsConverter, …: their py2js_convert hands out
    # new JsProxy objects).
    classes = []
    seen = set()
    stack = [object]
    while stack:
        cls = stack.pop()
        try:
            subclasses = _type.__subclasses__(cls)
        except TypeError:
            continue
        for sub in subclasses:
            if _id(sub) not in seen:
                seen.add(_id(sub))
                stack.append(sub)
                classes.append(sub)
    classes = tuple(classes)  # a tuple: the walk below rewrites lists that hold JS things
    kinds = frozenset(cls for cls in classes if any(js_named(base) for base in cls.__mro__))

    # Pyodide's own patches of the standard library call into those namespaces: undo them
    # (time.sleep and asyncio.run wrap the originals; the running loop is Pyodide's WebLoop).
    if hasattr(time.sleep, "__wrapped__"):
        time.sleep = time.sleep.__wrapped__
    asyncio = _modules.get("asyncio")
    if asyncio is not None:
        if hasattr(asyncio.run, "__wrapped__"):
            asyncio.run = asyncio.run.__wrapped__
        asyncio.events._set_running_loop(None)
        asyncio.events._event_loop_policy = None
    for name in list(_modules):
        if ours(name):
            del _modules[name]
    # Everything the collector tracks (the membership tests run in C: a few ms for ~30k objects).
    for obj in gc.get_objects():
        kind = _type(obj)
        if kind is dict:
            if ours(obj.get("__name__")) and "__spec__" in obj:
                obj.clear()
            elif not kinds.isdisjoint(map(_type, obj.values())):
                for key in [k for k, v in obj.items() if _type(v) in kinds]:
                    obj[key] = None
        elif kind is list:
            if not kinds.isdisjoint(map(_type, obj)):
                obj[:] = [None if _type(v) in kinds else v for v in obj]
        elif kind is types.CellType:
            try:
                if _type(obj.cell_contents) in kinds:
                    obj.cell_contents = None
            except ValueError:
                pass
        elif kind is _FunctionType:
            if obj.__defaults__ and not kinds.isdisjoint(map(_type, obj.__defaults__)):
                obj.__defaults__ = tuple(None if _type(v) in kinds else v
                                         for v in obj.__defaults__)
    refuse_new = _REFUSALS["refuse"]("creating JavaScript objects")
    for cls in classes:
        # Class attributes through setattr, not the class's dict (attribute lookups are cached).
        space = _type_dict(cls)
        if not kinds.isdisjoint(map(_type, space.values())):
            for key in [k for k, v in space.items() if _type(v) in kinds]:
                try:
                    setattr(cls, key, None)
                except (TypeError, AttributeError):
                    pass
        # Constructing some of them makes a JS object (JsException("x") wraps a new Error):
        # refuse it (the immutable core types cannot be constructed from Python at all).
        if js_named(cls):
            try:
                setattr(cls, "__new__", staticmethod(refuse_new))
            except (TypeError, AttributeError):
                pass


# ---------------------------------------------------------------------------------------------
# The watch of shared interpreter state.
def _snapshot_modules():
    out = {}
    for name, module in list(_modules.items()):
        if module is None or name == "__main__":
            continue
        try:
            out[name] = (module, dict(vars(module)))
        except TypeError:
            out[name] = (module, {})
    return out


def _sys_settings():
    return {
        "recursion limit": _getrecursionlimit(),
        "sys.modules": _id(sys.modules),
        "sys.stdout": _id(sys.stdout), "sys.stderr": _id(sys.stderr), "sys.stdin": _id(sys.stdin),
        "sys.excepthook": _id(sys.excepthook), "sys.displayhook": _id(sys.displayhook),
        "sys.meta_path": [_id(x) for x in sys.meta_path], "sys.path": list(sys.path),
        "sys.path_hooks": [_id(x) for x in sys.path_hooks],
        "int max str digits": _get_int_max_str_digits(),
        "float repr style": sys.float_repr_style,
        "switch interval": _getswitchinterval(),
    }


_SNAPSHOT = None
_SNAPSHOT_MODULE_IDS = frozenset()
_TESTS_BUILTINS = {}


def _snapshot_classes(names):
    """The classes defined in the modules the tests import (`names`), with their attributes:
    class attributes are not module attributes, and patching them is not an audited event."""
    out = []
    for name in names:
        module = _modules.get(name)
        if module is None:
            continue
        for value in list(vars(module).values()):
            if issubclass(_type(value), _type) and \
                    _type_dict(value).get("__module__") == module.__name__:
                out.append((value, dict(_type_dict(value))))
    return out


def _take_snapshot(test_modules=()):
    global _SNAPSHOT, _SNAPSHOT_MODULE_IDS
    modules = _snapshot_modules()
    _SNAPSHOT = {"builtins": dict(vars(builtins)), "modules": modules, "sys": _sys_settings(),
                 "classes": _snapshot_classes(test_modules)}
    _SNAPSHOT_MODULE_IDS = frozenset(_id(m) for m, _ in modules.values())


def _from_submodule(package, key, value):
    if _type(key) is not str:
        return False
    if key == "__warningregistry__":
        return True  # the warnings machinery's record of what it showed from this module
    if _type(value) is _ModuleType and _modules.get(package + "." + key) is value:
        return True
    origin = getattr(value, "__module__", None)
    if _type(origin) is not str or not origin.startswith(package + "."):
        return False
    submodule = _modules.get(origin)
    return submodule is not None and vars(submodule).get(key, _state) is value


def _changes(namespace, tests_globals, compare_namespace, tests_builtins):
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
    if _gettrace() is not None or _getprofile() is not None:
        found.append("a trace or profile function")
    for name, (module, attrs) in _SNAPSHOT["modules"].items():
        if _modules.get(name) is not module:
            found.append("sys.modules[" + _repr(name) + "]")
            continue
        try:
            now_attrs = vars(module)
        except TypeError:
            continue
        for key, value in attrs.items():
            if now_attrs.get(key, _state) is not value and key != "__warningregistry__":
                found.append(name + "." + _str(key))
                break
        else:
            if _len(now_attrs) != _len(attrs):
                # New attributes: only what a package gains as its submodules load is expected —
                # the submodule itself (concurrent.futures.thread), or a name a lazy __getattr__
                # copied from one (concurrent.futures.ThreadPoolExecutor).
                for key, value in list(now_attrs.items()):
                    if key not in attrs and not _from_submodule(name, key, value):
                        found.append(name + "." + _str(key))
                        break
    for cls, attrs in _SNAPSHOT["classes"]:
        now_attrs = _type_dict(cls)
        if _len(now_attrs) != _len(attrs) or \
                any(now_attrs.get(key, _state) is not value for key, value in attrs.items()):
            found.append(_str(cls.__module__) + "." + _str(cls.__qualname__))
    for key, value in compare_namespace.items():
        if _ASSERTS.get(key, _state) is not value:
            found.append("the assert helper")
            break
    for key, value in tests_globals.items():
        if namespace.get(key, _state) is not value:
            found.append("tests." + _str(key))
            break
    if _len(tests_builtins) != _len(_TESTS_BUILTINS) or \
            any(tests_builtins.get(key, _state) is not value
                for key, value in _TESTS_BUILTINS.items()):
        found.append("the tests' built-ins")
    return list(dict.fromkeys(found))[:5]


# ---------------------------------------------------------------------------------------------
# The assert rewrite of tests.py. The helpers live in a namespace of their own (only a private
# copy of the built-ins in it) and reach the tests' code as constants of it (a sentinel string
# in the compiled code, replaced by the helper): the candidate can neither rebind nor reach them.
_ASSERTS_SOURCE = """
PLAIN = (int, float, complex, bool, str, bytes, type(None), list, tuple, dict, set, frozenset)


def plain(value, _type=type, _PLAIN=PLAIN, _dict=dict, _list=list, _tuple=tuple, _set=set,
          _frozenset=frozenset, _id=id, _len=len):
    # Iterative and by identity: no global the candidate could rebind, and a metaclass's __eq__
    # or __hash__ cannot make a type look plain.
    stack = [value]
    seen = _set()
    count = 0
    while stack:
        item = stack.pop()
        kind = _type(item)
        for known in _PLAIN:
            if kind is known:
                break
        else:
            return False
        if kind is _dict or kind is _list or kind is _tuple or kind is _set or kind is _frozenset:
            key = _id(item)
            if key in seen:
                continue
            seen.add(key)
            count += _len(item)
            if count > 10000000:
                return False
            if kind is _dict:
                for k, v in _dict.items(item):
                    stack.append(k)
                    stack.append(v)
            else:
                stack.extend(item)
    return True


def short(value, _repr=repr, _type=type, _len=len, _str=str, _BaseException=BaseException):
    try:
        text = _str.__str__(_repr(value))
    except _BaseException:
        text = "<unprintable " + _str.__str__(_type(value).__name__) + ">"
    return text if _len(text) <= 200 else text[:200] + "…"


def apply(left, right, op):
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if op == "<":
        return left < right
    if op == "<=":
        return left <= right
    if op == ">":
        return left > right
    if op == ">=":
        return left >= right
    if op == "in":
        return left in right
    return left not in right


def mixed(left, right, op, _plain=plain):
    # A plain built-in value on one side needs one on the other (for `in`: a plain container
    # needs a plain item; a container of the candidate's own decides for itself).
    if op == "in" or op == "not in":
        return _plain(right) and not _plain(left)
    return _plain(left) != _plain(right)


def fail(detail, note, _AssertionError=AssertionError):
    note(("failed", detail))
    raise _AssertionError(detail)


def odd(left, right, source, note=NOTE, _plain=plain, _short=short, _type=type, _str=str,
        _fail=fail):
    value = left if not _plain(left) else right
    _fail("assert " + source + ": got " + _short(value) + " (" +
          _str.__str__(_type(value).__name__) + ", not a plain built-in value)", note)


def verdict(result, got, source, message, note=NOTE, _plain=plain, _short=short, _type=type,
            _bool=bool, _str=str, _fail=fail):
    ok = result if _type(result) is _bool else (_bool(result) if _plain(result) else False)
    if not ok:
        detail = "assert " + source + ": got " + _short(got)
        if message is not None:
            detail += ": " + _str.__str__(_str(message()))
        _fail(detail, note)


def truth(value, source, message, note=NOTE, _str=str, _fail=fail):
    # Any other assert: as Python's, its message when it has one, recorded when it fails.
    if not value:
        _fail("" if message is None else _str.__str__(_str(message())), note)


def check(left, right, op, source, message, top, note=NOTE, _mixed=mixed, _odd=odd, _apply=apply,
          _verdict=verdict):
    # `left <op> right` in an assert: the assert itself when `top`, else a comparison inside it.
    if _mixed(left, right, op):
        _odd(left, right, source, note)
    result = _apply(left, right, op)
    if not top:
        return result
    _verdict(result, left, source, message, note)


def close(a, b, tol, op, source, message, top, note=NOTE, _plain=plain, _odd=odd, _apply=apply,
          _verdict=verdict, _abs=abs):
    # `abs(a - b) < tol`: `a - b` would hand the expected value to a look-alike's __sub__.
    if _plain(a) != _plain(b):
        _odd(a, b, source, note)
    result = _apply(_abs(a - b), tol, op)
    if _plain(tol) != _plain(result):
        _odd(result, tol, source, note)
    if not top:
        return result
    _verdict(result, a, source, message, note)


def chain(first, steps, source, message, top, note=NOTE, _check=check, _verdict=verdict,
          _enumerate=enumerate):
    # `a <op> b <op> c …`: each operand evaluated once and only when needed, as Python does.
    left = first
    result = True
    got = first
    for index, (op, thunk) in _enumerate(steps):
        right = thunk()
        result = _check(left, right, op, source, None, False, note)
        if not result:
            got = right if index == 0 else left
            break
        left = right
    if not top:
        return result
    _verdict(result, got, source, message, note)
"""
# The failed asserts of the running case, kept where no code but the harness can take them (it
# sends its private token; a generator's locals are out of everyone's reach): a failure stays a
# failure even if an __exit__ of the candidate's swallows the AssertionError on its way.
_LEDGER_SOURCE = """
def ledger(token):
    failed = []
    answer = None
    while True:
        try:
            request = yield answer
        except BaseException:
            answer = None
            continue
        answer = None
        if type(request) is tuple and len(request) == 2:
            if request[0] is token:
                answer = failed
                failed = []
            elif type(request[1]) is str:
                failed.append(request[1])


"""
_LEDGER_TOKEN = object()
_LEDGER = _isolated(_LEDGER_SOURCE)["ledger"](_LEDGER_TOKEN)
next(_LEDGER)
# The helpers note failures there (a default argument: a tuple no one may replace).
_ASSERTS = _isolated(_ASSERTS_SOURCE, NOTE=_LEDGER.send)
# Each helper's sentinel: a str constant no tests.py contains, replaced in the compiled code.
_CALLS = {kind: "__assay_" + kind + "_" + os.urandom(8).hex() + "__"
          for kind in ("check", "close", "chain", "truth")}
_SENTINELS = {name: _ASSERTS[kind] for kind, name in _CALLS.items()}


def _failed_asserts():
    """The asserts that failed since the last call (taken from the ledger), or None when the
    ledger no longer answers (the candidate broke it: nothing it passes can be trusted)."""
    try:
        failed = _LEDGER.send((_LEDGER_TOKEN, None))
    except _BaseException:
        return None
    return failed if _type(failed) is list else None

_REWRITE_SOURCE = """
OPS = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=",
       ast.In: "in", ast.NotIn: "not in"}


def helper(kind, args):
    return ast.Call(ast.Constant(CALLS[kind]), args, [])


def thunk(body):
    return ast.Lambda(ast.arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[],
                                    defaults=[]), body)


def close_idiom(node):
    # abs(a - b) < tol, abs(a - b) <= tol
    left = node.left
    if (len(node.ops) == 1 and type(node.ops[0]) in (ast.Lt, ast.LtE) and
            isinstance(left, ast.Call) and isinstance(left.func, ast.Name) and
            left.func.id == "abs" and len(left.args) == 1 and not left.keywords and
            isinstance(left.args[0], ast.BinOp) and isinstance(left.args[0].op, ast.Sub)):
        return left.args[0].left, left.args[0].right
    return None


def rewrite(node, source, message, top):
    # A Compare node as a call of a helper; None when it has an operator the helpers lack (is).
    if not all(type(op) in OPS for op in node.ops):
        return None
    flags = [ast.Constant(source), message, ast.Constant(top)]
    idiom = close_idiom(node)
    if idiom is not None:
        return helper("close", [idiom[0], idiom[1], node.comparators[0],
                                ast.Constant(OPS[type(node.ops[0])])] + flags)
    if len(node.ops) == 1:
        return helper("check", [node.left, node.comparators[0],
                                ast.Constant(OPS[type(node.ops[0])])] + flags)
    steps = ast.Tuple([ast.Tuple([ast.Constant(OPS[type(op)]), thunk(c)], ast.Load())
                       for op, c in zip(node.ops, node.comparators)], ast.Load())
    return helper("chain", [node.left, steps] + flags)


class Inner(ast.NodeTransformer):
    # The comparisons inside an assert's expression (in all(...), a lambda, a comprehension).
    def __init__(self, source):
        self.source = source

    def visit_Compare(self, node):
        self.generic_visit(node)
        call = rewrite(node, self.source, ast.Constant(None), False)
        return node if call is None else ast.copy_location(call, node)


class Rewrite(ast.NodeTransformer):
    def __init__(self, source):
        self.source = source

    def visit_Assert(self, node):
        text = " ".join((ast.get_source_segment(self.source, node.test) or "…").split())
        message = ast.Constant(None) if node.msg is None else thunk(node.msg)
        test = node.test
        if isinstance(test, ast.Compare):
            inner = Inner(text)
            test.left = inner.visit(test.left)
            test.comparators = [inner.visit(c) for c in test.comparators]
            call = rewrite(test, text, message, True)
            if call is not None:
                return ast.copy_location(ast.Expr(call), node)
        test = Inner(text).visit(test)
        call = helper("truth", [test, ast.Constant(text), message])
        return ast.copy_location(ast.Expr(call), node)
"""
_REWRITE = _isolated(_REWRITE_SOURCE, ast=ast, CALLS=_CALLS)


def _compile_tests(tree, source, path):
    tree = _REWRITE["Rewrite"](source).visit(tree)
    with warnings.catch_warnings():
        # Calling a str constant draws a SyntaxWarning; the constant is replaced just below.
        warnings.simplefilter("ignore")
        code = compile(ast.fix_missing_locations(tree), path, "exec")
    return _bind(code)


def _bind(code):
    consts = []
    for value in code.co_consts:
        if _type(value) is str and value in _SENTINELS:
            value = _SENTINELS[value]
        elif _type(value) is _CodeType:
            value = _bind(value)
        consts.append(value)
    return code.replace(co_consts=tuple(consts))


# ---------------------------------------------------------------------------------------------
# What the tests see of the standard library: the modules they import, as loaded before the
# candidate ran (a module of its own holding the same attributes), so that a candidate that
# patches math.isclose (even with a patch that undoes itself once used) changes nothing for them.
# sys and builtins stay live (tests may set sys.stdin); modules of the job folder load as usual.
_VIEWS_SOURCE = """
def make(registry, real_import, skip, Module):
    names = {}
    for name, entry in registry.items():
        names[id(entry[0])] = name
    views = {}

    def view(name):
        found = views.get(name)
        if found is not None:
            return found
        entry = registry.get(name)
        if entry is None or name in skip:
            return None
        made = Module(name)
        views[name] = made
        space = made.__dict__
        for key, value in entry[1].items():
            other = names.get(id(value))
            if other is not None:
                value = view(other) or value
            space[key] = value
        return made

    def tests_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and type(name) is str:
            name = str.__str__(name)
            if name in registry and name.partition(".")[0] not in skip:
                found = view(name if fromlist else name.partition(".")[0])
                if found is not None:
                    return found
        return real_import(name, globals, locals, fromlist, level)

    return tests_import
"""
_VIEWS = _isolated(_VIEWS_SOURCE)


def _preimport(trees, job):
    """Import, before the snapshot, what tests.py and solution.py import from the standard
    library: loaded before any candidate code (some run code the hook refuses at import, e.g.
    asyncio's types.coroutine replaces a code object), watched, and seen by the tests as
    loaded. The job folder's own modules (solution, a task's helpers) are left to the tests:
    they may import the candidate."""
    names = []
    for node in (node for tree in trees for node in ast.walk(tree)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            names += [node.module + "." + alias.name for alias in node.names if alias.name != "*"]
    loaded = []
    for name in names:
        root = name.partition(".")[0]
        if root in _BLOCKED_IMPORTS or os.path.exists(os.path.join(job, root + ".py")) or \
                os.path.isdir(os.path.join(job, root)):
            continue
        try:
            __import__(name)
            loaded.append(name)
        except BaseException:
            pass  # not a module (a name imported from one), or missing: tests.py will say so
    return loaded


# ---------------------------------------------------------------------------------------------
# Reports and verdicts.
def _solution_line(error):
    """The line of the innermost frame in solution.py of the error's traceback, or None. Reading
    a traceback's frames is allowed to the hook only here (`describing`), with no code of the
    candidate on the way: the traceback is read through BaseException's own descriptor, and the
    collector (whose finalizers could run the candidate's code) is off meanwhile."""
    tb = _traceback_of(error)
    found = None
    enabled = _gc_isenabled()
    _gc_disable()
    _state["describing"] = True
    try:
        while _type(tb) is _TracebackType:
            filename = tb.tb_frame.f_code.co_filename
            if _type(filename) is str and (filename == _state["solution"] or
                                           filename.endswith("/solution.py") or
                                           filename == "solution.py"):
                found = tb.tb_lineno
            tb = tb.tb_next
    finally:
        _state["describing"] = False
        if enabled:
            _gc_enable()
    return found


def _describe(error):
    """An exception as `Type: message (solution.py, line N)`."""
    try:
        name = _str_copy(_type(error).__name__)
    except _BaseException:
        name = "BaseException"
    try:
        message = _str_copy(_str(error))
    except _BaseException:
        message = "(the exception could not be described)"
    if issubclass(_type(error), _SyntaxError):
        return name + ": " + message
    where = ""
    try:
        line = _solution_line(error)
        if _type(line) is int:
            where = " (solution.py, line " + int.__repr__(line) + ")"
    except _BaseException:
        pass
    text = name + ": " + message
    return (text if _len(text) <= 2000 else text[:2000] + "…") + where


def _record(kind, name=None, status=None, message=None, ms=None):
    """One protocol record as JSON, built with C functions bound before the candidate ran (the
    json module's Python parts and its encoder object are the candidate's to patch)."""
    text = '{"type": ' + _encode_str(kind)
    if name is not None:
        text += ', "name": ' + _encode_str(name)
    if status is not None:
        text += ', "status": ' + _encode_str(status)
    if message is not None:
        text += ', "message": ' + _encode_str(message)
    if ms is not None:
        text += ', "ms": ' + _float_repr(ms)
    return text + "}"


def _prepare():
    """What is set once before the snapshot (the watch takes it as the starting point)."""
    if _state.get("prepared"):
        return
    _state["prepared"] = True
    # logging looks for its caller's frame on every call unless _srcfile is None (records then
    # say "(unknown file)"); sys._getframe is refused to everyone.
    logging._srcfile = None
    # CPython loads the standard library's .pyc with marshal.loads, which the hook refuses (a
    # crafted code object escapes everything): compile from source instead (-B writes none).
    sys.pycache_prefix = "/dev/null/assay-no-pycache"
    if sys.platform == "emscripten":
        _scrub_js()
    _install_refusals()


def main(config_text, after=None):
    """Run the declared cases of tests.py in `config["dir"]`, reporting on the report descriptor.

    From the moment tests.py starts loading the audit hook stays armed: every line of candidate
    code, and every harness line that may call into it (describing its exceptions, the state
    check), runs guarded. `after(report)` (the warm pool's end of a sample) runs when the sample
    ends, however it ends.
    """
    config = json.loads(config_text)
    nonce = _str_copy(config["nonce"])
    names = [_str_copy(n) for n in config["cases"]]
    job = _str_copy(config.get("dir", os.getcwd()))
    prefix = "\n" + nonce + " "

    def report(record):
        line = (prefix + record + "\n").encode("utf-8", "replace")
        try:
            # The descriptor must still be the one the harness started with: one the candidate
            # dup2'ed over it (a pipe it reads) would hand it the nonce.
            st = _fstat(_REPORT_FD)
            if (st.st_dev, st.st_ino) != _REPORT_ID:
                _exit(3)
            while line:
                line = line[_write(_REPORT_FD, line):]
        except _BaseException:
            _exit(3)

    # The interpreter is up: the sample's time limit counts from here (strict_process.ts).
    report(_record("ready"))
    try:
        _cases(config, names, job, report)
    finally:
        if after is not None:
            after(report)


def _cases(config, names, job, report):
    """The sample's cases (main's body)."""
    sys.path[:] = [job] + [p for p in sys.path if p not in ("", job)]
    sys.dont_write_bytecode = True
    path = os.path.join(job, "tests.py")
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    _state["solution"] = os.path.join(job, "solution.py")
    _state["cwd"] = os.getcwd()
    try:
        tree = ast.parse(source, path)
        code = _compile_tests(tree, source, path)
    except SyntaxError as error:
        report(_record("load_error", message="tests.py: " + _describe(error)))
        return
    _prepare()
    trees = [tree]
    try:
        with open(_state["solution"], encoding="utf-8") as handle:
            trees.append(ast.parse(handle.read()))
    except BaseException:
        pass  # no solution.py, or one that does not parse: importing it will say so
    _take_snapshot(_preimport(trees, job))
    global _TESTS_BUILTINS
    compare_namespace = dict(_ASSERTS)
    tests_builtins = dict(_SNAPSHOT["builtins"])
    # The views get copies of the snapshot's attributes: the watch's own stay out of reach.
    tests_builtins["__import__"] = _VIEWS["make"](
        {name: (module, dict(attrs)) for name, (module, attrs) in _SNAPSHOT["modules"].items()},
        _SNAPSHOT["builtins"]["__import__"], frozenset(("sys", "builtins", "__main__")),
        _ModuleType)
    _TESTS_BUILTINS = dict(tests_builtins)
    # The tests' namespace: not a module in sys.modules, so nothing of it is the candidate's to
    # reach (`import tests` from the candidate loads a copy of its own).
    namespace = {"__name__": "tests", "__file__": path, "__builtins__": tests_builtins}
    _state["armed"] = True
    sealed = None
    try:
        exec(code, namespace)
        raw = namespace.get("cases")
        if _type(raw) is dict:
            sealed = {}
            for name in names:
                if name in raw:
                    sealed[name] = raw[name]
    except _BaseException as error:
        report(_record("load_error", message=_describe(error)))
        return
    tests_globals = dict(namespace)
    if sealed is None:
        report(_record("load_error", message="tests.py does not define a dict `cases`"))
        return
    # Once the candidate has changed shared state (at import, or in any case, passing or not) no
    # later pass counts: a change made in one case can be what another case relies on.
    tampered = _changes(namespace, tests_globals, compare_namespace, tests_builtins)
    for name in names:
        report(_record("start", name=name))
        fn = sealed.get(name)
        started = _perf()
        if not callable(fn):
            report(_record("case", name=name, status="error", ms=0.0,
                           message='test case "' + name + '" is not defined in tests.py'))
            continue
        status = "pass"
        message = ""
        _failed_asserts()
        try:
            fn()
        except _BaseException as error:
            # The traceback without this frame: nothing that reads it reaches the harness.
            tb = _traceback_of(error)
            if _type(tb) is _TracebackType:
                _set_traceback(error, tb.tb_next)
            status = "fail" if _type(error) is _AssertionError else "error"
            try:
                message = _describe(error)
            except _BaseException:
                message = "(the exception could not be described)"
        ms = (_perf() - started) * 1000
        failed = _failed_asserts()
        if failed is None:
            tampered = tampered or ["the assert ledger"]
        elif failed and status == "pass":
            # An assert failed and something swallowed its AssertionError: still a failure.
            status = "fail"
            message = "AssertionError: " + failed[0]
        if not tampered:
            tampered = _changes(namespace, tests_globals, compare_namespace, tests_builtins)
        if status == "pass" and tampered:
            status = "error"
            message = "the sample changed shared interpreter state (" + ", ".join(tampered) + \
                "): its pass cannot be trusted"
        report(_record("case", name=name, status=status, message=message, ms=ms))
    _state["tampered"] = tampered or \
        _changes(namespace, tests_globals, compare_namespace, tests_builtins)
    report(_record("done"))
# ---------------------------------------------------------------------------------------------
# The warm pool (inside/py_pool_host.ts): one interpreter, one sample after another (main with
# `after=_end_of_sample`). Whatever a sample leaves behind that a later sample could meet —
# changed shared state, written files, any function of its own still alive — makes the host say
# so in its `end` line, and the pool replaces it before the next sample.
_BASELINE = {}
_gc_collect = gc.collect
_gc_freeze = gc.freeze
_gc_get_objects = gc.get_objects
_linecache_clear = __import__("linecache").clearcache


def _registries():
    import copyreg
    return (list(warnings.filters), dict(copyreg.dispatch_table), dict(os.environ),
            _id(warnings.showwarning), _gc_isenabled(), gc.get_threshold())


def setup_pool():
    """Prepare once (refusals; Pyodide's JS namespaces emptied) and take the pool's baseline:
    everything alive now is frozen, so the search for a sample's leftovers sees only what came
    after it."""
    _prepare()
    _BASELINE["modules"] = frozenset(_modules)
    _BASELINE["path"] = list(sys.path)
    _BASELINE["registries"] = _registries()
    _gc_collect()
    _gc_freeze()


def _leftover_functions():
    """Functions alive now that the baseline did not hold, but the harness's own. The collector
    runs first (armed: a finalizer of the candidate's is guarded like any of its code), then is
    off while the hook lets this one listing through (nothing runs meanwhile)."""
    _gc_collect()
    _gc_disable()
    _state["sweeping"] = True
    try:
        objects = _gc_get_objects()
    finally:
        _state["sweeping"] = False
        _gc_enable()
    # The harness's own functions: its module's and those of its isolated namespaces (the views
    # it makes per sample, the refusals it installed).
    own = frozenset((_id(globals()), _id(_REFUSALS), _id(_ASSERTS), _id(_REWRITE), _id(_VIEWS)))
    left = []
    for o in objects:
        # (A loop, not a comprehension: in 3.11 a comprehension is a function of its own.)
        if _type(o) is _FunctionType and _id(o.__globals__) not in own:
            left.append(o)
    del objects
    return left


def _end_of_sample(report):
    """Forget the sample (its modules and caches) and say whether the host can go on."""
    reasons = list(_state.get("tampered") or [])
    if _state["changed"]:
        reasons.append(_state["changed"][0])
    if _state["wrote"]:
        reasons.append("wrote files")
    if _registries() != _BASELINE["registries"]:
        reasons.append("warnings, copyreg, os.environ or the collector's settings")
    for name in list(_modules):
        if name not in _BASELINE["modules"]:
            del _modules[name]
    sys.path[:] = _BASELINE["path"]
    sys.path_importer_cache.clear()
    _linecache_clear()
    left = _leftover_functions()
    if left:
        reasons.append(_str(_len(left)) + " function(s) of the sample still alive, e.g. " +
                       _str(getattr(left[0], "__qualname__", "?")))
    del left
    _state["changed"] = []
    _state["wrote"] = []
    _state["tampered"] = None
    if not reasons:
        # What is left is the harness's and the standard library's: part of the baseline now.
        _gc_freeze()
    else:
        # This interpreter serves no other sample (the pool replaces the host; it would refuse).
        _state["spent"] = True
    report(_record("end", message="; ".join(list(dict.fromkeys(reasons))[:3])))


def serve(config_text):
    """One sample of the warm pool (after setup_pool). The previous sample left no code of its
    own alive (else this interpreter is spent), so nothing of it can run while the harness,
    unarmed as in a fresh process, prepares this one."""
    if _state.get("spent"):
        _exit(3)
    _state["armed"] = False
    main(config_text, _end_of_sample)


sys.addaudithook(_hook)

if __name__ == "__main__":
    # The harness's own module is not the candidate's __main__: nothing of it stays reachable.
    sys.modules["__main__"] = types.ModuleType("__main__")
    main(sys.stdin.read())
    if sys.platform != "emscripten":
        # Threads the candidate left running and its atexit handlers do not hold the process.
        os._exit(0)
