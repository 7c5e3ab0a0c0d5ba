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
# the watch looks is not seen (one that stays is); between cases the watch compares values, not
# names, so a module's or class's last attribute renamed with its object kept voids no later
# pass of the sample (it is seen after the last case: the warm pool replaces the interpreter).
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
_is = __import__("_operator").is_
_chain = __import__("itertools").chain.from_iterable
_repeat = __import__("itertools").repeat
_dict_values = dict.values
_proxy_values = types.MappingProxyType.values
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
    if event == "builtins.id":
        return  # the most frequent event by far, and harmless
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

