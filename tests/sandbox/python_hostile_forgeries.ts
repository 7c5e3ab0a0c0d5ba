/**
 * The hostile Python programs of the battery (python_hostile_test.ts), part two: forgeries. Each
 * is a wrong `add` that tries to turn its failing cases into passes — by printing protocol lines,
 * ending early, returning look-alike values, or by changing what the tests run (the assert
 * helper, the case functions, the tests module and its namespace). When an attack finds the
 * nonce, the prelude prints pass lines for every case with it (`_forge`).
 *
 * @module
 */
import { attackingAdd, program } from "./python_hostile_kit.ts";
import type { Hostile } from "./python_hostile_programs.ts";

/** Values that claim equality with anything: plain built-in look-alikes and arbitrary objects. */
const LOOK_ALIKES = String.raw`
class _Yes:
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __lt__(self, other): return True
    __le__ = __gt__ = __ge__ = __lt__
    def __sub__(self, other): return 0.0
    __rsub__ = __add__ = __radd__ = __sub__
    def __abs__(self): return 0.0
    def __float__(self): return 0.0
    def __iter__(self): return iter(())
    def __contains__(self, item): return True
    __hash__ = object.__hash__
class _IntYes(int):
    __eq__ = _Yes.__eq__; __ne__ = _Yes.__ne__; __hash__ = int.__hash__
class _StrYes(str):
    __eq__ = _Yes.__eq__; __ne__ = _Yes.__ne__; __hash__ = str.__hash__
class _FloatYes(float):
    __eq__ = _Yes.__eq__; __ne__ = _Yes.__ne__; __hash__ = float.__hash__
    __sub__ = __rsub__ = _Yes.__sub__; __abs__ = _Yes.__abs__; __lt__ = _Yes.__lt__
class _ListYes(list):
    __eq__ = _Yes.__eq__; __ne__ = _Yes.__ne__
`;

/**
 * Python: `_assert_helper()`, the tests module and its assert helper (`__assay_compare__`), the
 * helper None (and noted) when out of reach.
 */
const ASSERT_HELPER = String.raw`
def _assert_helper():
    tests = _tests_module()
    helper = getattr(tests, "__assay_compare__", None) if tests else None
    if helper is None:
        _note("no assert helper in reach")
    return tests, helper
`;

/** The wrong `add` of the helper patches: it patches, then answers look-alikes to two asserts. */
const PATCH_THEN_LOOK_ALIKE = `def add(a, b):
    _patch()
    return _Yes() if a in (1, 2) and b in (1, 3) else a - b
`;

export const FORGERIES: Hostile[] = [
  {
    name: "prints protocol lines with guessed nonces",
    program: program(
      String.raw`
import uuid
for _guess in ["", "0" * 32, "f" * 32, uuid.uuid4().hex, "nonce"]:
    _forge(_guess)
    _sys.stderr.write("\n" + _guess + ' {"type": "case", "name": "adds pairs", "status": "pass"}\n')
print("\n" + uuid.uuid4().hex + ' {"type": "done"}')
`,
      attackingAdd(`_forge(uuid.uuid4().hex)`),
    ),
  },
  {
    name: "exits at import with sys.exit(0) after printing pass lines",
    program: program(String.raw`
import uuid
_forge(uuid.uuid4().hex)
_sys.exit(0)
`),
  },
  {
    name: "ends the process in the call with os._exit(0)",
    program: program("import uuid", attackingAdd(`_forge(uuid.uuid4().hex)\n_os._exit(0)`)),
  },
  {
    name: "raises SystemExit, KeyboardInterrupt and BaseException from the call",
    program: program(
      "",
      `def add(a, b):
    if a == 1:
        raise SystemExit(0)
    if a == -1:
        raise KeyboardInterrupt
    if a == 0.1:
        raise BaseException("pass")
    raise GeneratorExit
`,
    ),
  },
  {
    name: "replaces builtins.AssertionError",
    program: program(
      String.raw`
import builtins
class AssertionError(Exception):
    pass
builtins.AssertionError = AssertionError
`,
      attackingAdd("builtins.AssertionError = AssertionError"),
    ),
  },
  {
    name: "returns look-alikes whose __eq__ is always true (object, int, str, float, list)",
    program: program(
      LOOK_ALIKES,
      `def add(a, b):
    if a == 0.5:
        return _Yes()
    if isinstance(a, float):
        return _FloatYes(a - b)
    if a == -1:
        return _StrYes("no")
    if a == 2:
        return _ListYes([9])
    return _IntYes(a - b)
`,
    ),
  },
  {
    name: "returns an instance of a class whose metaclass claims equality with int",
    program: program(
      String.raw`
class _Meta(type):
    def __eq__(cls, other): return True
    def __ne__(cls, other): return False
    def __hash__(cls): return hash(int)
` + LOOK_ALIKES + String.raw`
class _Evil(_Yes, metaclass=_Meta):
    pass
`,
      "def add(a, b):\n    return _Evil()\n",
    ),
  },
  {
    name: "patches the assert helper's defaults and globals",
    program: program(
      LOOK_ALIKES + ASSERT_HELPER + String.raw`
def _patch():
    tests, helper = _assert_helper()
    if helper is None:
        return
    _try("__defaults__", lambda: setattr(helper, "__defaults__", (lambda *a, **k: True,) * 9))
    _try("__kwdefaults__", lambda: setattr(helper, "__kwdefaults__", {}))
    _try("__globals__ _plain", lambda: helper.__globals__.__setitem__("_plain", lambda *a, **k: True))
`,
      PATCH_THEN_LOOK_ALIKE,
    ),
  },
  {
    name: "replaces the assert helper with a fake that undoes itself",
    program: program(
      ASSERT_HELPER + String.raw`
_REAL = {}
def _patch():
    tests, helper = _assert_helper()
    if helper is None:
        return
    _REAL.setdefault("helper", helper)
    def fake(*args, **kwargs):
        tests.__assay_compare__ = _REAL["helper"]
    tests.__assay_compare__ = fake
`,
      attackingAdd("_patch()"),
    ),
  },
  {
    name: "replaces a global of the assert helper with a fake that undoes itself",
    program: program(
      LOOK_ALIKES + ASSERT_HELPER + String.raw`
_REAL = {}
def _patch():
    tests, helper = _assert_helper()
    if helper is None:
        return
    space = helper.__globals__
    _REAL.setdefault("plain", space.get("_plain"))
    calls = []
    def plain(*args, **kwargs):
        # Undone once the pair's two items have been judged plain.
        calls.append(1)
        if len(calls) == 2:
            space["_plain"] = _REAL["plain"]
        return True
    space["_plain"] = plain
`,
      PATCH_THEN_LOOK_ALIKE,
    ),
  },
  {
    name: "replaces the code of the tests' case functions",
    program: program(
      String.raw`
def _patch():
    tests = _tests_module()
    cases = getattr(tests, "cases", {}) if tests else {}
    for fn in list(cases.values()):
        _try("__code__", lambda: setattr(fn, "__code__", (lambda: None).__code__))
        _try("__module__ then __code__", lambda: (setattr(fn, "__module__", "solution"), setattr(fn, "__code__", (lambda: None).__code__)))
    _try("cases dict", lambda: cases.update({n: (lambda: None) for n in _NAMES}))
`,
      attackingAdd("_patch()"),
    ),
  },
  {
    name: "replaces the tests module and swaps its class at import",
    program: program(String.raw`
import types
_FAKE = {"cases": {n: (lambda: None) for n in _NAMES}}
class _Module(types.ModuleType):
    @property
    def __dict__(self):
        return _FAKE
def _swap():
    tests = _tests_module()
    tests.__class__ = _Module
    return "swapped"
_try("tests.__class__", _swap)
def _replace():
    fake = types.ModuleType("tests")
    fake.cases = _FAKE["cases"]
    _sys.modules["tests"] = fake
_try("sys.modules['tests']", _replace)
`),
  },
  {
    name: "plants built-ins and a fake math in the tests' namespace at import",
    program: program(String.raw`
import builtins, types
_real_math = __import__("math")
_fake_math = types.ModuleType("math")
_fake_math.__dict__.update(vars(_real_math))
def _isclose(*args, **kwargs):
    _sys.modules["math"] = _real_math
    return True
_fake_math.isclose = _isclose
def _plant():
    tests = _tests_module()
    fake = dict(vars(builtins))
    fake["abs"] = lambda x: 0.0
    tests.__dict__["__builtins__"] = fake
    tests.__dict__["__assay_compare__"] = lambda *a, **k: None
_try("tests namespace", _plant)
_sys.modules["math"] = _fake_math
`),
  },
  {
    name: "swallows failed asserts in a context manager of its own",
    task: {
      tests: String.raw`from solution import add, Session


def _small():
    with Session():
        assert add(1, 2) == 3


def _other():
    with Session():
        assert isinstance(add(2, 2), int) and add(2, 2) == 4, "two and two"


cases = {"adds in a session": _small, "checks in a session": _other}
`,
      cases: ["adds in a session", "checks in a session"],
    },
    program: program(String.raw`
class Session:
    def __enter__(self):
        return self
    def __exit__(self, kind, value, tb):
        return True
`),
  },
  {
    name: "patches a standard-library class the tests compare with",
    task: {
      tests: String.raw`from collections import Counter
from solution import add


def _letters():
    assert Counter(add("ab", "ca")) == Counter({"a": 2, "b": 1, "c": 1})


def _empty():
    assert Counter(add("", "")) == Counter()


cases = {"counts letters": _letters, "counts nothing": _empty}
`,
      cases: ["counts letters", "counts nothing"],
    },
    program: program(
      String.raw`
import collections
collections.Counter.__eq__ = lambda self, other: True
`,
      "def add(a, b):\n    return 'zz'\n",
    ),
  },
  {
    name: "returns a look-alike to comparisons the rewrite once skipped (in, chains, nested)",
    task: {
      tests: String.raw`from solution import add


def _member():
    assert add(1, 2) in (3, 4)


def _chain():
    assert 2 < add(1, 2) < 4


def _nested():
    assert add(1, 1) == 2 and add(2, 2) == 4


def _all():
    assert all(add(i, 0) == i for i in range(1, 4))


cases = {"in": _member, "chain": _chain, "nested": _nested, "all": _all}
`,
      cases: ["in", "chain", "nested", "all"],
    },
    program: program(LOOK_ALIKES, "def add(a, b):\n    return _Yes()\n"),
  },
];
