from solution import make_counter


def _first():
    assert make_counter(7)() == 7
    assert make_counter(-3, 2)() == -3


def _advances():
    c = make_counter(5, 3)
    assert [c() for _ in range(4)] == [5, 8, 11, 14]


def _default():
    c = make_counter()
    assert [c(), c(), c()] == [0, 1, 2]


def _independent():
    a = make_counter()
    b = make_counter(100, 10)
    assert a() == 0
    assert b() == 100
    assert a() == 1
    assert a() == 2
    assert b() == 110


def _fresh():
    old = make_counter()
    for _ in range(5):
        old()
    new = make_counter()
    assert new() == 0
    assert make_counter(3)() == 3


def _down():
    c = make_counter(10, -5)
    assert [c(), c(), c(), c()] == [10, 5, 0, -5]


def _zero_step():
    try:
        make_counter(1, 0)
    except ValueError:
        return
    raise AssertionError("make_counter(1, 0) did not raise ValueError")


def _big():
    c = make_counter(10**20 + 1, 3**50)
    assert c() == 100000000000000000001
    assert c() == 100000000000000000001 + 717897987691852588770249
    assert c() == 100000000000000000001 + 2 * 717897987691852588770249


cases = {
    "returns the start value on the first call": _first,
    "advances by step on every call": _advances,
    "counts from 0 by 1 by default": _default,
    "keeps counters independent of each other": _independent,
    "starts a new counter at its own start": _fresh,
    "counts down with a negative step": _down,
    "raises ValueError for step 0": _zero_step,
    "stays exact beyond 2**64": _big,
}
