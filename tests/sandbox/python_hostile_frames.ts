/**
 * The hostile Python programs of the battery (python_hostile_test.ts), part three: forgeries that
 * look for the interpreter's frames — the harness's frame holds the protocol's nonce — through
 * sys._getframe, tracebacks, generators, inspect, traceback and logging helpers, the garbage
 * collector, trace and profile hooks, and signal handlers. When an attack finds the nonce, the
 * prelude prints pass lines for every case with it (`_forge`).
 *
 * @module
 */
import { attackingAdd, program } from "./python_hostile_kit.ts";
import type { Hostile } from "./python_hostile_programs.ts";

/** Hunt the nonce in every frame a traceback, generator or stack walk hands out. */
const STASH = String.raw`
_STASHED = []
class _Stash(Exception):
    pass
def _hunt_stash():
    import traceback
    for error in _STASHED:
        tb = error.__traceback__
        _try("stashed tb_frame", lambda: tb.tb_frame)
        _try("stashed _walk_tb_with_full_positions", lambda: [f for f, _ in traceback._walk_tb_with_full_positions(tb)])
        _try("stashed TracebackException locals", lambda: [dict(s.locals or {}) for s in traceback.TracebackException.from_exception(error, capture_locals=True).stack])
`;

export const FRAMES: Hostile[] = [
  {
    name: "walks frames with sys._getframe and sys._current_frames",
    program: program(
      String.raw`
def _frames():
    for depth in range(12):
        _try("_getframe(%d)" % depth, lambda: _sys._getframe(depth))
    _try("_current_frames", lambda: _sys._current_frames())
    _try("_getframemodulename", lambda: [_sys._getframemodulename(d) for d in range(6)])
`,
      attackingAdd("_frames()"),
    ),
  },
  {
    name: "walks traceback frames and stashed exceptions",
    program: program(
      STASH + String.raw`
import traceback
def _walk():
    try:
        raise ValueError("here")
    except ValueError as error:
        tb = error.__traceback__
    _try("tb_frame.f_back", lambda: tb.tb_frame.f_back)
    _try("_walk_tb_with_full_positions", lambda: [f for f, _ in traceback._walk_tb_with_full_positions(tb)])
    _try("walk_tb", lambda: [f for f, _ in traceback.walk_tb(tb)])
    _try("StackSummary locals", lambda: [dict(s.locals or {}) for s in traceback.StackSummary.extract(traceback.walk_tb(tb), capture_locals=True)])
    _try("sys.exc_info in except", lambda: _sys.exc_info())
`,
      `def add(a, b):
    _walk()
    _hunt_stash()
    if a == 1 and b == 2:
        error = _Stash()
        _STASHED.append(error)
        raise error
    return a - b
`,
    ),
  },
  {
    name: "raises an exception whose __str__ reads the locals of the frames it passed",
    program: program(
      String.raw`
import traceback
class _Tell(Exception):
    def __str__(self):
        def locals_():
            te = traceback.TracebackException(type(self), self, self.__traceback__, capture_locals=True)
            return [dict(s.locals or {}) for s in te.stack]
        _try("capture_locals in __str__", locals_)
        return "told"
`,
      "def add(a, b):\n    raise _Tell()\n",
    ),
  },
  {
    name: "reads generator, coroutine and async generator frames",
    program: program(
      String.raw`
def _gen():
    me = yield
    yield me.gi_frame.f_back
async def _co():
    pass
async def _agen():
    yield 1
def _frames():
    g = _gen()
    next(g)
    _try("running gi_frame", lambda: g.send(g))
    co = _co()
    _try("cr_frame", lambda: co.cr_frame)
    co.close()
    _try("ag_frame", lambda: _agen().ag_frame)
`,
      attackingAdd("_frames()"),
    ),
  },
  {
    name: "asks inspect for the stack",
    program: program(
      String.raw`
import inspect
def _inspect():
    _try("inspect.stack", lambda: [f.frame for f in inspect.stack()])
    _try("inspect.currentframe", inspect.currentframe)
    _try("getouterframes", lambda: [f.frame for f in inspect.getouterframes(inspect.currentframe())])
    try:
        raise ValueError
    except ValueError:
        _try("inspect.trace", lambda: [f.frame for f in inspect.trace()])
`,
      attackingAdd("_inspect()"),
    ),
  },
  {
    name: "walks the stack through traceback with patched linecache and StackSummary",
    program: program(
      String.raw`
import traceback, linecache
_real_lazycache = linecache.lazycache
def _spy(filename, module_globals):
    nonce = _hunt(dict(module_globals))
    if nonce:
        _forge(nonce)
    return _real_lazycache(filename, module_globals)
class _Summary(traceback.StackSummary):
    @classmethod
    def _extract_from_extended_frame_gen(klass, frame_gen, **kwargs):
        for frame, _ in frame_gen:
            nonce = _hunt(frame)
            if nonce:
                _forge(nonce)
        return klass()
def _walk():
    _try("walk_stack", lambda: [f for f, _ in traceback.walk_stack(None)])
    linecache.lazycache = _spy
    _try("extract_stack", traceback.extract_stack)
    _try("format_stack", traceback.format_stack)
    real = traceback.StackSummary
    traceback.StackSummary = _Summary
    _try("extract_stack, patched StackSummary", traceback.extract_stack)
    traceback.StackSummary = real
    linecache.lazycache = _real_lazycache
`,
      attackingAdd("_walk()"),
    ),
  },
  {
    name: "reaches frames through logging's caller lookup",
    program: program(
      String.raw`
import logging
class _Traceback:
    @staticmethod
    def print_stack(f=None, limit=None, file=None):
        nonce = _hunt(f)
        if nonce:
            _forge(nonce)
def _inner(frame):
    nonce = _hunt(frame)
    if nonce:
        _forge(nonce)
    return False
def _walk():
    _try("logging.currentframe", logging.currentframe)
    logging._is_internal_frame = _inner
    logging.traceback = _Traceback
    logger = logging.getLogger("hostile")
    for level in range(1, 8):
        _try("findCaller %d" % level, lambda: logger.findCaller(stack_info=True, stacklevel=level))
    _try("warning with stack_info", lambda: logger.warning("x", stack_info=True))
`,
      attackingAdd("_walk()"),
    ),
  },
  {
    name: "walks the garbage collector's objects, referrers and saved garbage",
    program: program(
      String.raw`
import gc
def _cycle():
    try:
        raise ValueError
    except ValueError as error:
        kept = error
    return None
def _gc():
    _try("get_objects", lambda: [o for o in gc.get_objects() if type(o).__name__ == "frame"])
    _try("get_referrers", lambda: gc.get_referrers(add))
    _try("get_referents", lambda: gc.get_referents(_sys.modules))
    _try("set_debug SAVEALL", lambda: gc.set_debug(gc.DEBUG_SAVEALL))
    _cycle()
    gc.collect()
    _try("gc.garbage frames", lambda: [o for o in gc.garbage if type(o).__name__ in ("frame", "traceback")])
`,
      attackingAdd("_gc()"),
    ),
  },
  {
    name: "installs trace and profile functions (settrace, setprofile, threading, monitoring)",
    program: program(
      String.raw`
import threading
def _tracer(frame, event, arg):
    nonce = _hunt(frame)
    if nonce:
        _forge(nonce)
    if event == "line" and frame.f_code.co_filename.endswith("tests.py"):
        try:
            frame.f_lineno = frame.f_lineno + 1
        except BaseException:
            pass
    return _tracer
def _install():
    _try("sys.settrace", lambda: _sys.settrace(_tracer))
    _try("sys.setprofile", lambda: _sys.setprofile(_tracer))
    _try("threading.settrace", lambda: threading.settrace(_tracer))
    def _thread():
        t = threading.Thread(target=lambda: None)
        t.start()
        t.join()
    _try("a traced thread", _thread)
    mon = getattr(_sys, "monitoring", None)
    if mon is not None:
        _try("monitoring.use_tool_id", lambda: mon.use_tool_id(3, "hostile"))
        _try("monitoring.register_callback", lambda: mon.register_callback(3, mon.events.PY_START, lambda code, offset: _note("monitored", code)))
    _try("call_tracing", lambda: _sys.call_tracing(lambda: _sys._getframe(1), ()))
_install()
`,
      attackingAdd("_install()"),
    ),
  },
  {
    name: "handles a timer signal to receive the interrupted frame",
    program: program(
      String.raw`
import signal
def _handler(signum, frame):
    if _FORGED:
        return
    nonce = _hunt(frame)
    if nonce:
        _forge(nonce)
def _arm():
    _try("signal.signal", lambda: signal.signal(signal.SIGALRM, _handler))
    def fresh():
        import _imp
        bootstrap = _sys.modules["_frozen_importlib"]
        spec = bootstrap.ModuleSpec("_signal", bootstrap.BuiltinImporter, origin="built-in")
        module = _imp.create_builtin(spec)
        module.signal(signal.SIGALRM, _handler)
        _FRESH.append(module)
        return module
    _try("a fresh _signal module", fresh)
    _try("setitimer", lambda: signal.setitimer(signal.ITIMER_REAL, 0.0005, 0.0005))
_FRESH = []
def _raise():
    for module in _FRESH + [signal]:
        _try("raise_signal", lambda: module.raise_signal(signal.SIGALRM))
_arm()
`,
      attackingAdd("_raise()"),
    ),
  },
];
