import itertools

from solution import all_equal


def _equal():
    assert all_equal([3, 3, 3]) == True
    assert all_equal(["a", "a"]) == True


def _differs():
    assert all_equal([3, 3, 4]) == False
    assert all_equal([1, 2, 2]) == False
    assert all_equal(["a", "A"]) == False


def _runtime_strings():
    parts = ["hello", " ", "world"]
    built = [("".join(parts) + str(i))[:-1] for i in range(3)]
    assert all_equal(built) == True
    assert all_equal(["hello world", "".join(parts)]) == True


def _iterables():
    assert all_equal(x * 0 for x in range(5)) == True
    assert all_equal(iter([[1, 2], [1, 2], [1, 2]])) == True
    assert all_equal([{"a": 1}, {"a": 1}, {"a": 2}]) == False


def _empty():
    assert all_equal([]) == True
    assert all_equal(iter(())) == True


def _single():
    assert all_equal([None]) == True
    assert all_equal(["x"]) == True


def _big_ints():
    values = [10**20 + 1, int("100000000000000000001"), (10**20 + 2) - 1]
    assert all_equal(values) == True
    assert all_equal([1000, int("1000"), 999 + 1]) == True


def _infinite():
    assert all_equal(itertools.chain([1, 1, 2], itertools.repeat(1))) == False
    assert all_equal(itertools.count()) == False


cases = {
    "returns True for equal items": _equal,
    "returns False when one item differs": _differs,
    "compares strings built at runtime by value": _runtime_strings,
    "accepts generators and unhashable items": _iterables,
    "returns True for an empty iterable": _empty,
    "returns True for a single item": _single,
    "compares large integers built at runtime by value": _big_ints,
    "stops at the first difference on an infinite iterator": _infinite,
}
