from solution import changed_keys


def _changed():
    assert changed_keys({"a": 1, "b": 2}, {"a": 1, "b": 3}) == ["b"]


def _removed():
    assert changed_keys({"a": 1, "b": 2}, {"a": 1}) == ["b"]


def _added():
    assert changed_keys({"a": 1}, {"a": 2, "z": 0}) == ["a", "z"]


def _equal():
    assert changed_keys({"a": 1, "b": "x"}, {"b": "x", "a": 1}) == []


def _nested():
    assert changed_keys({"l": [1, 2], "d": {"k": [3]}}, {"l": [1] + [2], "d": {"k": [3]}}) == []
    assert changed_keys({"l": [1, 2]}, {"l": [2, 1]}) == ["l"]


def _order():
    before = {"zeta": 1, "beta": 2, "alpha": 3}
    after = {"alpha": 0, "omega": 1, "delta": 2, "beta": 2}
    assert changed_keys(before, after) == ["zeta", "alpha", "omega", "delta"]


def _identity():
    before = {"n": 10**20 + 1, "s": "status: ok", "k": 1000}
    after = {"n": int("100000000000000000001"), "s": " ".join(["status:", "ok"]), "k": int("1000")}
    assert changed_keys(before, after) == []


def _empty():
    assert changed_keys({}, {}) == []


def _numeric():
    assert changed_keys({"a": 1}, {"a": 1.0}) == []
    assert changed_keys({"a": 1}, {"a": "1"}) == ["a"]


cases = {
    "reports a changed value": _changed,
    "reports removed keys": _removed,
    "reports added keys after the others": _added,
    "returns an empty list for equal dicts": _equal,
    "compares nested values by equality": _nested,
    "orders keys by before, then after, without sorting": _order,
    "does not report equal large integers or runtime strings": _identity,
    "returns an empty list for two empty dicts": _empty,
    "treats 1 and 1.0 as equal": _numeric,
}
