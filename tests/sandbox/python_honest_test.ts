/**
 * Honest Python programs under the hardened harness (lib/sandbox/inside/py_harness.py): a
 * solution that uses much of the standard library (imports compiled from source, namedtuple
 * defaults, NamedTuple, dataclasses, enum, lru_cache, random, decimal, fractions, …) and prints,
 * against tests that use every assert form the harness rewrites (==, !=, in, not in, chains,
 * nested comparisons, abs(a - b) < tol, math.isclose, plain asserts) and define classes and
 * module-level state. Every case passes in every runtime; a wrong answer fails exactly the
 * cases it should.
 */
import assert from "node:assert/strict";
import { runSample } from "../../lib/sandbox/deno.ts";
import type { SandboxJob } from "../../lib/sandbox/sandbox.ts";
import { PYTHON_RUNS } from "./hostile_helpers.ts";

const SOLUTION = String.raw`import sys
import math
import heapq
import bisect
import itertools
import functools
import collections
import re
import string
import json
import random
import copy
import operator
import fractions
import decimal
import statistics
import datetime
import dataclasses
import typing
import enum
from collections import Counter, defaultdict, deque, namedtuple, OrderedDict


Point = namedtuple("Point", "x y", defaults=[0])


class Color(enum.Enum):
    RED = 1
    GREEN = 2


@dataclasses.dataclass(frozen=True)
class Item:
    name: str
    weight: float = 1.0


class Pair(typing.NamedTuple):
    a: int
    b: int = 0


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)
        return self

    def __len__(self):
        return len(self._items)

    def __contains__(self, x):
        return x in self._items

    def __eq__(self, other):
        return isinstance(other, Stack) and self._items == other._items


class Timer:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def solve(data):
    words = re.findall(r"[a-z]+", data.lower())
    counts = Counter(words)
    top = heapq.nlargest(2, counts.items(), key=operator.itemgetter(1))
    sorted_words = sorted(set(words))
    pos = bisect.bisect_left(sorted_words, "m")
    pairs = list(itertools.combinations(sorted_words[:3], 2))
    frac = fractions.Fraction(1, 3) + fractions.Fraction(1, 6)
    dec = decimal.Decimal("0.1") + decimal.Decimal("0.2")
    mean = statistics.mean([1, 2, 3, 4])
    day = (datetime.date(2024, 3, 1) - datetime.date(2024, 2, 1)).days
    rng = random.Random(42).randint(1, 6)
    blob = json.loads(json.dumps({"a": [1, 2]}))
    deep = copy.deepcopy(blob)
    dq = deque([1, 2, 3]); dq.rotate(1)
    gen = (x * x for x in range(4))
    return {
        "top": top, "pos": pos, "pairs": pairs, "frac": str(frac), "dec": str(dec),
        "mean": mean, "day": day, "rng": rng, "deep": deep, "dq": list(dq),
        "squares": list(gen), "fib": fib(30), "letters": string.ascii_lowercase[:3],
        "point": Point(1), "color": Color.RED.name, "item": Item("x").weight,
        "pair": Pair(1).b, "isqrt": math.isqrt(17),
    }


def add(a, b):
    try:
        int("x")
    except ValueError:
        pass
    print("debug output is fine")
    return a + b
`;

const TESTS = String.raw`import math
import random
from collections import Counter
from fractions import Fraction
from solution import add, solve, Stack, Timer, fib, Point


class Box:
    def __init__(self, v):
        self.v = v


def _expected_top():
    return [("b", 3), ("a", 2)]


RESULT_CACHE = {}


def _solve():
    if "r" not in RESULT_CACHE:
        RESULT_CACHE["r"] = solve("a b b b a c zz m")
    return RESULT_CACHE["r"]


def _basic():
    assert add(1, 2) == 3
    assert add(-1, 1) != 1
    assert add(2, 2) in (4, 5)
    assert add("a", "b") not in ["x"]
    assert 0 <= add(0, 1) < 2
    assert add(1, 1) > 1 and add(1, 1) >= 2
    assert add(1, 1) is not None
    assert not add(0, 0)
    assert isinstance(add(1, 1), int)
    assert all(add(i, 0) == i for i in range(5))
    assert any(add(i, i) == 4 for i in range(5))
    assert abs(add(0.1, 0.2) - 0.3) < 1e-9
    assert abs(0.3 - add(0.1, 0.2)) <= 1e-9
    assert math.isclose(add(0.1, 0.2), 0.3)
    assert round(add(0.1, 0.2), 6) == 0.3


def _collections():
    r = _solve()
    assert r["top"] == _expected_top()
    assert sorted(r["pairs"]) == [("a", "b"), ("a", "c"), ("b", "c")]
    assert Counter("abca") == Counter({"a": 2, "b": 1, "c": 1})
    assert Fraction(r["frac"]) == Fraction(1, 2)
    assert r["dec"] == "0.3"
    assert r["mean"] == 2.5 and r["day"] == 29
    assert r["deep"] == {"a": [1, 2]} and r["dq"] == [3, 1, 2]
    assert r["squares"] == [0, 1, 4, 9]
    assert r["fib"] == 832040 and fib(10) == 55
    assert r["letters"] == "abc" and tuple(r["point"]) == (1, 0) and r["point"] == Point(1, 0)
    assert r["color"] == "RED" and r["item"] == 1.0 and r["pair"] == 0 and r["isqrt"] == 4
    assert {1: [2, {3}]} == {1: [2, {3}]}


def _objects():
    s = Stack().push(1).push(2)
    assert len(s) == 2
    assert 1 in s
    assert 3 not in s
    assert s == Stack().push(1).push(2)
    with Timer():
        assert add(2, 3) == 5
    box = Box(add(1, 1))
    assert box.v == 2


def _errors():
    try:
        add(1, "x")
    except TypeError:
        pass
    else:
        raise AssertionError("expected a TypeError")


def _random():
    random.seed(7)
    first = random.random()
    random.seed(7)
    assert random.random() == first


cases = {
    "basic": _basic,
    "collections": _collections,
    "objects": _objects,
    "errors": _errors,
    "random": _random,
}
`;

const NAMES = ["basic", "collections", "objects", "errors", "random"];

const job = (code: string): SandboxJob => ({
  language: "py",
  entry: "add",
  code,
  testsSource: TESTS,
  cases: NAMES.map((name) => ({ name, kind: "core", tags: [] })),
});

Deno.test("runSample() passes an honest Python program that uses the standard library and every assert form", async () => {
  for (const { python, isolation } of PYTHON_RUNS) {
    const r = await runSample({ ...job(SOLUTION), python }, { isolation, timeoutMs: 30000 });
    assert.equal(r.outcome, "completed", `${python}/${isolation}: ${r.detail}`);
    for (const c of r.cases) {
      assert.equal(c.status, "pass", `${python}/${isolation}: ${c.name}: ${c.message}`);
    }
  }
});

Deno.test("runSample() fails exactly the cases a wrong Python answer gets wrong", async () => {
  const wrong = SOLUTION.replace(
    "    return a + b\n",
    "    return a - b if isinstance(a, int) else a + b\n",
  );
  assert.notEqual(wrong, SOLUTION);
  for (const { python, isolation } of PYTHON_RUNS) {
    const r = await runSample({ ...job(wrong), python }, { isolation, timeoutMs: 30000 });
    assert.equal(r.outcome, "completed", `${python}/${isolation}: ${r.detail}`);
    assert.deepEqual(
      r.cases.map((c) => c.status),
      ["fail", "pass", "fail", "pass", "pass"],
      `${python}/${isolation}: ${r.cases.map((c) => c.message).join(" | ")}`,
    );
    assert.equal(r.cases[0].message, "AssertionError: assert add(1, 2) == 3: got -1");
    assert.equal(r.cases[2].message, "AssertionError: assert add(2, 3) == 5: got -1");
  }
});
