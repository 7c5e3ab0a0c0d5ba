from solution import find_index


def _first():
    assert find_index([5, 7, 5], 5) == 0
    assert find_index([1, 2, 3, 2], 2) == 1


def _none_match():
    assert find_index(["a", "b"], "c") == -1
    assert find_index([1, 2], 3) == -1


def _runtime_strings():
    items = ["alpha", "beta", "gamma delta"]
    target = " ".join(["gamma", "delta"])
    assert find_index(items, target) == 2
    assert find_index(items, "".join(["be", "ta"])) == 1


def _lists():
    assert find_index([[1], [1, 2]], [1] + [2]) == 1


def _none():
    assert find_index([0, None], None) == 1
    assert find_index([0, False, ""], None) == -1


def _empty():
    assert find_index([], 1) == -1
    assert find_index([], None) == -1


def _big_ints():
    items = [1, 10**20 + 1, 2**70]
    assert find_index(items, int("100000000000000000001")) == 1
    assert find_index(items, 2**35 * 2**35) == 2
    assert find_index([1000], int("1000")) == 0


def _types():
    assert find_index([0, 1.0], 1) == 1
    assert find_index([True], 1) == 0
    assert find_index(["1", 1], 1) == 1


def _nan():
    nan = float("nan")
    assert find_index([nan], nan) == -1
    assert find_index([1.0, nan, 2.0], nan) == -1
    assert find_index([nan, 2.0], 2.0) == 1


cases = {
    "finds the first matching item": _first,
    "returns -1 when nothing matches": _none_match,
    "matches strings built at runtime": _runtime_strings,
    "matches an equal list built separately": _lists,
    "matches None": _none,
    "returns -1 for an empty list": _empty,
    "matches large integers built at runtime": _big_ints,
    "matches equal values of different types": _types,
    "never matches NaN, not even the same object": _nan,
}
