/**
 * The kit of the hostile Python battery (python_hostile_test.ts): the task every hostile program
 * sits in (a wrong `add` fails all its cases, so any pass is forged), the bait outside the job
 * folder (a canary file, a loopback TCP server, a secret in this process's environment), and the
 * Python prelude the programs share (hunting for the protocol nonce and, when found, printing
 * pass lines for every case with it).
 *
 * @module
 */

/** The tests of the task: each a different assert form; `a - b` fails every one. */
export const TESTS = String.raw`from solution import add
import math


def _small():
    assert add(1, 2) == 3


def _negative():
    assert add(-1, -2) == -3, "negative numbers"


def _close():
    got = add(0.1, 0.2)
    assert math.isclose(got, 0.3)


def _tolerance():
    got = add(0.5, 0.25)
    assert abs(got - 0.75) < 1e-9


def _pairs():
    assert [add(1, 1), add(2, 3)] == [2, 5]


cases = {
    "adds small numbers": _small,
    "adds negative numbers": _negative,
    "adds floats (isclose)": _close,
    "adds floats (tolerance)": _tolerance,
    "adds pairs": _pairs,
}
`;
/** The declared cases, in order. */
export const CASES = [
  "adds small numbers",
  "adds negative numbers",
  "adds floats (isclose)",
  "adds floats (tolerance)",
  "adds pairs",
];
/** The honest wrong answer: every case fails. */
export const WRONG = "def add(a, b):\n    return a - b\n";

/** What a hostile program may aim at: everything outside the job folder. */
export interface Bait {
  /** A unique host folder (TMPDIR during the run: the job folder is made inside it). */
  dir: string;
  /** Its name: found in the command line and mounts of every process of the run. */
  marker: string;
  /** A file outside the job folder holding `secret`. */
  canary: string;
  /** The canary's content. */
  secret: string;
  /** A secret put in this process's environment while the sample runs. */
  envSecret: string;
  /** The port of a TCP server on 127.0.0.1 in this process. */
  port: number;
  /** A path in the host's /tmp that must never be created. */
  hostTmp: string;
}

/**
 * Python shared by the programs: `_note` (to stderr), `_forge(nonce)` (pass lines for every case,
 * then `done`, on fd 1), `_hunt(obj)` (a nonce in a string, dict, frame chain or closure) and
 * `_try(name, fn)` (run one attempt, note how it ended).
 */
export const PRELUDE = String.raw`import os as _os
import sys as _sys
import json as _json
import re as _re

_NAMES = ${JSON.stringify(CASES)}
_HEX = _re.compile(r"(?<![0-9a-f])([0-9a-f]{32})(?![0-9a-f])")
_FORGED = []


def _note(*parts):
    try:
        _sys.__stderr__.write("hostile: " + " ".join(str(p)[:300] for p in parts) + "\n")
    except BaseException:
        pass


def _forge(nonce):
    if nonce in _FORGED:
        return
    _FORGED.append(nonce)
    out = ""
    for name in _NAMES:
        record = {"type": "case", "name": name, "status": "pass", "message": "", "ms": 1}
        out += "\n" + nonce + " " + _json.dumps(record)
    out += "\n" + nonce + ' {"type": "done"}\n'
    _os.write(1, out.encode())
    _note("FORGED with a nonce found", nonce[:6])


def _nonces(text):
    return [m.group(1) for m in _HEX.finditer(text)] if isinstance(text, str) else []


def _hunt(obj, depth=0, seen=None):
    """Look for the nonce in obj (a str, dict, list, frame chain, function closure)."""
    seen = set() if seen is None else seen
    if depth > 4 or id(obj) in seen:
        return None
    seen.add(id(obj))
    try:
        if isinstance(obj, (str, bytes)):
            text = obj.decode("latin-1") if isinstance(obj, bytes) else obj
            for n in _nonces(text):
                return n
            return None
        if type(obj).__name__ == "frame":
            frame = obj
            while frame is not None:
                for scope in (frame.f_locals, frame.f_globals):
                    found = _hunt(dict(scope), depth + 1, seen)
                    if found:
                        return found
                frame = frame.f_back
            return None
        if isinstance(obj, dict):
            for key, value in list(obj.items()):
                if key in ("_NAMES", "_FORGED", "_HEX"):
                    continue
                found = _hunt(value, depth + 1, seen)
                if found:
                    return found
            return None
        if isinstance(obj, (list, tuple)):
            for value in obj:
                found = _hunt(value, depth + 1, seen)
                if found:
                    return found
            return None
        if type(obj) is type(_note):
            for cell in obj.__closure__ or ():
                found = _hunt(cell.cell_contents, depth + 1, seen)
                if found:
                    return found
            return _hunt(obj.__globals__, depth + 1, seen)
    except BaseException as error:
        _note("hunt stopped:", type(error).__name__, error)
    return None


def _tests_module():
    """The tests module, if the candidate can reach one: sys.modules, or a fresh import."""
    found = _sys.modules.get("tests")
    if found is None:
        try:
            import tests as found
        except BaseException as error:
            _note("import tests:", type(error).__name__, error)
            return None
    return found


def _try(name, fn):
    try:
        found = fn()
        _note(name, "->", repr(found)[:200])
        nonce = _hunt(found)
        if nonce:
            _forge(nonce)
        return found
    except BaseException as error:
        _note(name, "refused:", type(error).__name__, error)
        return None
`;

/**
 * Python for the programs that search everything reachable: `_classes()`, every class reachable
 * from `object` through `type.__subclasses__`, in the order found.
 */
export const CLASSES = String.raw`
def _classes():
    seen, stack, out = set(), [object], []
    while stack:
        cls = stack.pop()
        try:
            subs = type.__subclasses__(cls)
        except BaseException:
            continue
        for sub in subs:
            if id(sub) not in seen:
                seen.add(id(sub))
                stack.append(sub)
                out.append(sub)
    return out
`;

/** A program: the prelude, then `body` (which may use `bait`), then the wrong `add` or its own. */
export const program = (body: string, add = WRONG) => (b: Bait) =>
  `${PRELUDE}\n${body}\n\n${add}`.replaceAll("{{CANARY}}", b.canary)
    .replaceAll("{{PORT}}", String(b.port)).replaceAll("{{HOSTTMP}}", b.hostTmp)
    .replaceAll("{{DIR}}", b.dir);

/** An `add` that runs `attack` (Python statements, indented 4) on every call, then answers wrong. */
export const attackingAdd = (attack: string) =>
  `def add(a, b):\n${attack.split("\n").map((l) => `    ${l}`).join("\n")}\n    return a - b\n`;
