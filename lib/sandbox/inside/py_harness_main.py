# assay's Python harness, continued: reports, verdicts and the run of a sample. Not a module: lib/sandbox/python.ts
# concatenates py_harness*.py in order (py_harness_packages.py comes before this file) into the
# one harness.py a job folder gets.

# ---------------------------------------------------------------------------------------------
# Reports and verdicts.
def _solution_line(error):
    """The line of the innermost frame in solution.py of the error's traceback, else (a files
    task) the (path, line) of the innermost frame in another module of the job folder, or None.
    Reading a traceback's frames is allowed to the hook only here (`describing`), with no code of
    the candidate on the way: the traceback is read through BaseException's own descriptor, and
    the collector (whose finalizers could run the candidate's code) is off meanwhile."""
    tb = _traceback_of(error)
    found = None
    tree = None  # a files task's module: (path in the job folder, line), when no solution.py frame
    prefix = _state["solution"][:-11]
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
            elif _type(filename) is str and prefix and filename.startswith(prefix) and \
                    filename.endswith(".py") and \
                    filename[_len(prefix):] not in ("tests.py", "harness.py"):
                tree = (filename[_len(prefix):], tb.tb_lineno)
            tb = tb.tb_next
    finally:
        _state["describing"] = False
        if enabled:
            _gc_enable()
    return found if found is not None else tree


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
        elif _type(line) is tuple and _type(line[1]) is int:
            where = " (" + line[0] + ", line " + int.__repr__(line[1]) + ")"
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


# Compiled tests (code, the modules they import) by (path, source): code objects are immutable.
_COMPILED_TESTS = {}


def _cases(config, names, job, report):
    """The sample's cases (main's body)."""
    sys.path[:] = [job] + [p for p in sys.path if p not in ("", job)]
    _packages(config)
    sys.dont_write_bytecode = True
    path = os.path.join(job, "tests.py")
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    _state["solution"] = os.path.join(job, "solution.py")
    _state["cwd"] = os.getcwd()
    # The tests' code is the same for every sample of a task: a warm host compiles it once.
    compiled = _COMPILED_TESTS.get((path, source))
    if compiled is None:
        try:
            tree = ast.parse(source, path)
            compiled = (_compile_tests(tree, source, path), _import_names(tree))
        except SyntaxError as error:
            report(_record("load_error", message="tests.py: " + _describe(error)))
            return
        if _len(_COMPILED_TESTS) >= 64:
            _COMPILED_TESTS.clear()
        _COMPILED_TESTS[(path, source)] = compiled
    code, names_imported = compiled
    _prepare()
    names_imported = list(names_imported)
    try:
        with open(_state["solution"], encoding="utf-8") as handle:
            names_imported += _import_names(ast.parse(handle.read()))
    except BaseException:
        pass  # no solution.py, or one that does not parse: importing it will say so
    _take_snapshot(_preimport(names_imported, job))
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
        _changes(namespace, tests_globals, compare_namespace, tests_builtins, names_too=True)
    report(_record("done"))
