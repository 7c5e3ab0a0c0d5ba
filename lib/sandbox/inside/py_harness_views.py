# assay's Python harness, continued: the tests' views of the standard library. Not a module: lib/sandbox/python.ts
# concatenates py_harness*.py in order (py_harness_asserts.py comes before this file) into the
# one harness.py a job folder gets.

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
            # (Only modules are looked up: every id() call is an audit event.)
            if issubclass(type(value), Module):
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


def _import_names(tree):
    """The absolute module names a parsed source imports (and `module.name` for each name it
    imports from one: it may be a submodule)."""
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
            names += [node.module + "." + alias.name for alias in node.names if alias.name != "*"]
    return names


def _preimport(names, job):
    """Import, before the snapshot, what tests.py and solution.py import (`names`) from the
    standard library: loaded before any candidate code (some run code the hook refuses at
    import, e.g. asyncio's types.coroutine replaces a code object), watched, and seen by the
    tests as loaded. The job folder's own modules (solution, a task's helpers) are left to the
    tests: they may import the candidate."""
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

