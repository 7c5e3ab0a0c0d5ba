# assay's Python harness, continued: the warm pool's side. Not a module: lib/sandbox/python.ts
# concatenates py_harness*.py in order (py_harness_main.py comes before this file) into the
# one harness.py a job folder gets.

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
            _id(warnings.showwarning), _gc_isenabled(), gc.get_threshold(),
            _getrecursionlimit(), _get_int_max_str_digits())


# Standard-library modules answers often import, loaded once per host, before the baseline: a
# sample that imports one finds it loaded (as a strict job finds it after the harness imported
# it before any code of the candidate) instead of loading it again, and leaves nothing of it
# behind (random, for one, registers an at-fork hook that would keep a fresh copy alive).
_POOL_PRELOAD = ("math", "cmath", "random", "re", "string", "collections", "itertools",
                 "functools", "heapq", "bisect", "operator", "copy", "statistics", "fractions",
                 "decimal", "datetime", "hashlib", "dataclasses", "array", "unicodedata")


def setup_pool():
    """Prepare once (refusals; Pyodide's JS namespaces emptied) and take the pool's baseline:
    everything alive now is frozen, so the search for a sample's leftovers sees only what came
    after it."""
    for name in _POOL_PRELOAD:
        try:
            __import__(name)
        except ImportError:
            pass
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
    # (Compared with `is`, not by id(): every id() call is an audit event, the hook's to judge.)
    own = (globals(), _REFUSALS, _ASSERTS, _REWRITE, _VIEWS)
    left = []
    for o in objects:
        # (A loop, not a comprehension: in 3.11 a comprehension is a function of its own.)
        if _type(o) is _FunctionType:
            namespace = o.__globals__
            if not any(map(_is, _repeat(namespace), own)):
                left.append(o)
    del objects
    return left


def _end_of_sample(report):
    """Forget the sample (its modules and caches) and say whether the host can go on."""
    global _SNAPSHOT
    reasons = list(_state.get("tampered") or [])
    if _state["changed"]:
        reasons.append(_state["changed"][0])
    if _state["wrote"]:
        reasons.append("wrote files")
    if _registries() != _BASELINE["registries"]:
        reasons.append("warnings, copyreg, os.environ, the collector's or sys's limits")
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
    # The collector ran the sample's finalizers just now, after its last case: what they changed
    # is looked for again.
    if _SNAPSHOT is not None:
        late = _shared_changes(after_sample=True)
        if late:
            reasons.append(late[0] + " (after the last case)")
    _state["changed"] = []
    _state["wrote"] = []
    _state["tampered"] = None
    _SNAPSHOT = None
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

