# assay's Python harness, continued: the watch of shared interpreter state. Not a module: lib/sandbox/python.ts
# concatenates py_harness*.py in order (py_harness_refusals.py comes before this file) into the
# one harness.py a job folder gets.

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


def _same_items(now, before):
    """Whether the dict `now` holds the very objects of the dict `before`, under the same keys,
    in the same order: compared in C (operator.is_), no code of the candidate runs and no audit
    event fires (id() fires one per call)."""
    return _len(now) == _len(before) and all(map(_is, now.values(), before.values())) and \
        all(map(_is, now, before))


def _take_snapshot(test_modules=()):
    global _SNAPSHOT, _SNAPSHOT_MODULE_IDS
    modules = _snapshot_modules()
    classes = _snapshot_classes(test_modules)
    _SNAPSHOT = {"builtins": dict(vars(builtins)), "modules": modules, "sys": _sys_settings(),
                 "classes": classes}
    # The same, as parallel lists for the quick check (_unchanged): the live dicts of the modules
    # and classes beside their copies.
    live = []
    for name, (module, attrs) in modules.items():
        try:
            now = vars(module)
        except TypeError:
            continue
        if _type(now) is dict:
            live.append((name, module, now, attrs))
    _SNAPSHOT["quick"] = (
        [name for name, _, _, _ in live], [module for _, module, _, _ in live],
        [now for _, _, now, _ in live], [attrs for _, _, _, attrs in live],
        [_len(attrs) for _, _, _, attrs in live],
        [_type_dict(cls) for cls, _ in classes], [attrs for _, attrs in classes],
        [_len(attrs) for _, attrs in classes])
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


_SOFT_SETTINGS = frozenset(("recursion limit", "int max str digits"))


def _unchanged(namespace, tests_globals, compare_namespace, tests_builtins, names_too=False):
    """The quick check, run after every case: whether everything the watch looks at holds the very
    objects of the snapshot, compared in C (no code of the candidate runs). False says only
    "look closer" (_changes names what changed, or finds an expected change).

    Between cases the modules' and classes' values are compared, in order, with their counts, not
    the names they are under (that would double the cost, dear in Pyodide, where touching every
    object of the standard library is slow): what this misses — a module's or class's last
    attribute renamed, its object kept — is looked for after the last case (`names_too`), and by
    the pool after the sample."""
    names, modules, dicts, copies, sizes, proxies, class_copies, class_sizes = _SNAPSHOT["quick"]
    if _state["changed"] or _gettrace() is not None or _getprofile() is not None:
        return False
    if not (_same_items(vars(builtins), _SNAPSHOT["builtins"]) and
            _same_items(tests_builtins, _TESTS_BUILTINS) and
            _same_items(_ASSERTS, compare_namespace) and
            _same_items(namespace, tests_globals)):
        return False
    settings = _sys_settings()
    for key, value in _SNAPSHOT["sys"].items():
        if key not in _SOFT_SETTINGS and settings[key] != value:
            return False
    return (all(map(_is, map(_modules.get, names), modules)) and
            list(map(_len, dicts)) == sizes and
            all(map(_is, _chain(map(_dict_values, dicts)), _chain(map(_dict_values, copies)))) and
            list(map(_len, proxies)) == class_sizes and
            all(map(_is, _chain(map(_proxy_values, proxies)),
                    _chain(map(_dict_values, class_copies)))) and
            (not names_too or (all(map(_is, _chain(dicts), _chain(copies))) and
                               all(map(_is, _chain(proxies), _chain(class_copies))))))


def _shared_changes(after_sample=False):
    """What changed in the interpreter's shared state since the snapshot: built-ins, sys settings,
    the snapshot's modules and classes. `after_sample`: looked at once the sample is over and
    the pool unloaded its modules and restored sys.path (those are not changes)."""
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
        # Raising the recursion limit or the int-to-str digit limit is what honest answers do
        # (deep recursion, big integers): it changes no verdict of the tests (the warm pool
        # replaces the interpreter after such a sample).
        if key in _SOFT_SETTINGS or (after_sample and key == "sys.path"):
            continue
        if settings[key] != value:
            found.append(key)
    if _gettrace() is not None or _getprofile() is not None:
        found.append("a trace or profile function")
    for name, (module, attrs) in _SNAPSHOT["modules"].items():
        if _modules.get(name) is not module:
            if not (after_sample and name not in _modules):
                found.append("sys.modules[" + _repr(name) + "]")
            continue
        try:
            now_attrs = vars(module)
        except TypeError:
            continue
        if _type(now_attrs) is dict and _same_items(now_attrs, attrs):
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
    return found


def _changes(namespace, tests_globals, compare_namespace, tests_builtins, names_too=False):
    """What the candidate changed in shared state since the snapshot (names, at most a few)."""
    if _unchanged(namespace, tests_globals, compare_namespace, tests_builtins, names_too):
        return []
    found = _shared_changes()
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

