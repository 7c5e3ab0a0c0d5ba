# assay's Python harness, continued: the refusals it installs and the scrub of Pyodide's JavaScript namespaces. Not a module: lib/sandbox/python.ts
# concatenates py_harness*.py in order (py_harness.py comes before this file) into the
# one harness.py a job folder gets.

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

