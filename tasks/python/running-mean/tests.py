import itertools
import math

from solution import running_mean


def _close(got, expected):
    got = list(got)
    assert len(got) == len(expected), f"got {len(got)} means, expected {len(expected)}"
    for i, (g, e) in enumerate(zip(got, expected)):
        assert math.isclose(g, e, rel_tol=1e-9, abs_tol=1e-12), f"mean {i}: got {g!r}, expected {e!r}"


def _each():
    _close(running_mean([2.0, 4.0, 6.0, 8.0]), [2.0, 3.0, 4.0, 5.0])
    _close(running_mean([0.5, 0.25]), [0.5, 0.375])


def _division():
    result = list(running_mean([1, 2, 2]))
    assert all(type(m) is float for m in result), "means must be floats"
    _close(result, [1.0, 1.5, 5 / 3])


def _negative():
    _close(running_mean([-1, 1, -3]), [-1.0, 0.0, -1.0])


def _lazy():
    pulled = []

    def source():
        for v in (10, 20, 30):
            pulled.append(v)
            yield v

    it = running_mean(source())
    assert iter(it) is it
    assert pulled == []
    assert math.isclose(next(it), 10.0)
    assert pulled == [10]
    assert math.isclose(next(it), 15.0)
    assert pulled == [10, 20]


def _empty():
    assert list(running_mean([])) == []


def _single():
    _close(running_mean([-2.5]), [-2.5])


def _cancel():
    _close(running_mean([1e16, 1.0, -1e16]), [1e16, 5e15 + 0.5, 1 / 3])
    _close(running_mean([1e100, 3.0, -1e100, 1.0]), [1e100, 5e99, 1.0, 1.0])


def _infinite():
    _close(itertools.islice(running_mean(itertools.count(1)), 4), [1.0, 1.5, 2.0, 2.5])


cases = {
    "yields the mean after each value": _each,
    "yields floats with true division for integers": _division,
    "averages negative values": _negative,
    "returns an iterator that reads one value per result": _lazy,
    "yields nothing for an empty input": _empty,
    "yields the value itself for a single element": _single,
    "stays accurate when large values cancel": _cancel,
    "works lazily on an infinite iterator": _infinite,
}
