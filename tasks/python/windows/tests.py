import itertools

from solution import windows


def _overlap():
    assert list(windows([1, 2, 3, 4], 2)) == [(1, 2), (2, 3), (3, 4)]
    assert list(windows([1, 2, 3, 4, 5], 3)) == [(1, 2, 3), (2, 3, 4), (3, 4, 5)]


def _tuples():
    result = list(windows([1, 2, 3], 2))
    assert all(type(w) is tuple for w in result), "windows must be tuples"
    assert result[0] is not result[1]


def _singletons():
    assert list(windows([7, 8, 9], 1)) == [(7,), (8,), (9,)]


def _iterables():
    assert list(windows("abcd", 3)) == [("a", "b", "c"), ("b", "c", "d")]
    assert list(windows((x * x for x in range(4)), 2)) == [(0, 1), (1, 4), (4, 9)]


def _exact():
    assert list(windows([1, 2, 3], 3)) == [(1, 2, 3)]


def _fewer():
    assert list(windows([1, 2], 5)) == []


def _empty():
    assert list(windows([], 2)) == []
    assert list(windows(iter([]), 1)) == []


def _infinite():
    assert list(itertools.islice(windows(itertools.count(), 3), 3)) == [(0, 1, 2), (1, 2, 3), (2, 3, 4)]


def _bad_size():
    for size in (0, -1):
        try:
            list(windows([1, 2, 3], size))
        except ValueError:
            continue
        raise AssertionError(f"windows([1, 2, 3], {size}) did not raise ValueError")


cases = {
    "yields overlapping windows in order": _overlap,
    "yields tuples": _tuples,
    "yields singletons for size 1": _singletons,
    "accepts strings and generators": _iterables,
    "yields one window when size equals the length": _exact,
    "yields nothing when there are fewer items than size": _fewer,
    "yields nothing for an empty input": _empty,
    "raises ValueError for size 0 or negative": _bad_size,
    "works lazily on an infinite iterator": _infinite,
}
