import itertools

from solution import unique


class _Counting:
    def __init__(self, values):
        self._it = iter(values)
        self.pulled = 0

    def __iter__(self):
        return self

    def __next__(self):
        value = next(self._it)
        self.pulled += 1
        return value


def _drops():
    assert list(unique([3, 1, 3, 2, 1])) == [3, 1, 2]


def _order():
    assert list(unique(["b", "a", "b", "c", "a", "d"])) == ["b", "a", "c", "d"]


def _iterator():
    it = unique([1, 2, 1])
    assert not isinstance(it, (list, tuple))
    assert iter(it) is it
    assert next(it) == 1
    assert next(it) == 2
    assert list(it) == []


def _strings_and_generators():
    assert list(unique("abracadabra")) == ["a", "b", "r", "c", "d"]
    assert list(unique(x % 3 for x in range(10))) == [0, 1, 2]


def _empty():
    assert list(unique([])) == []
    assert list(unique(iter(()))) == []


def _equal_types():
    assert list(unique([1, 1.0, True, "1", 2])) == [1, "1", 2]
    first = list(unique([1.0, 1]))[0]
    assert type(first) is float


def _infinite():
    assert list(itertools.islice(unique(itertools.count()), 5)) == [0, 1, 2, 3, 4]
    assert list(itertools.islice(unique(x // 3 for x in itertools.count()), 4)) == [0, 1, 2, 3]


def _lazy():
    source = _Counting([1, 1, 2, 3, 4, 5])
    it = unique(source)
    assert next(it) == 1
    assert next(it) == 2
    assert source.pulled == 3, f"pulled {source.pulled} items to produce 2 results"


def _large():
    data = [(i * 7919) % 100003 for i in range(200000)]
    result = list(unique(data))
    assert len(result) == 100003
    assert result[:3] == [0, 7919, 15838]


cases = {
    "drops later duplicates": _drops,
    "keeps first occurrences in input order": _order,
    "returns an iterator, not a list": _iterator,
    "accepts strings and generators": _strings_and_generators,
    "yields nothing for an empty input": _empty,
    "treats equal values of different types as duplicates": _equal_types,
    "does not consume more input than needed": _lazy,
    "works lazily on an infinite iterator": _infinite,
    "handles 200000 items in linear time": _large,
}
