from solution import set_path


def _top():
    assert set_path({"x": 1, "y": 2}, "x", 5) == {"x": 5, "y": 2}
    assert set_path({"x": 1}, "z", 3) == {"x": 1, "z": 3}


def _nested():
    assert set_path({"a": {"b": 1}}, "a.c", 2) == {"a": {"b": 1, "c": 2}}
    assert set_path({"a": {"b": {"c": 1}}}, "a.b.c", [9]) == {"a": {"b": {"c": [9]}}}


def _creates():
    assert set_path({"a": {}}, "a.b.c", 1) == {"a": {"b": {"c": 1}}}
    assert set_path({"k": 0}, "m.n", None) == {"k": 0, "m": {"n": None}}


def _no_mutation():
    inner = {"c": 1}
    middle = {"b": inner}
    data = {"a": middle, "z": 0}
    result = set_path(data, "a.b.c", 2)
    assert result == {"a": {"b": {"c": 2}}, "z": 0}
    assert data == {"a": {"b": {"c": 1}}, "z": 0}
    assert data["a"] is middle and middle["b"] is inner and inner == {"c": 1}
    set_path(data, "a.new.deep", 3)
    assert middle == {"b": {"c": 1}}


def _new_top():
    data = {"a": 1}
    result = set_path(data, "a", 1)
    assert result == {"a": 1}
    assert result is not data
    result["b"] = 2
    assert data == {"a": 1}


def _order():
    result = set_path({"a": 1, "b": 2, "c": 3}, "a", 9)
    assert list(result) == ["a", "b", "c"]
    nested = set_path({"n": {"x": 1, "y": 2}, "m": 0}, "n.x", 5)
    assert list(nested) == ["n", "m"] and list(nested["n"]) == ["x", "y"]


def _empty_dict():
    assert set_path({}, "a", 1) == {"a": 1}
    assert set_path({}, "a.b", 1) == {"a": {"b": 1}}


def _bad_path():
    for path in ("", "a..b", ".a", "a."):
        try:
            set_path({"a": {"b": 1}}, path, 1)
        except ValueError:
            continue
        raise AssertionError(f"set_path(..., {path!r}, 1) did not raise ValueError")


def _not_dict():
    inputs = (({"a": 1}, "a.b"), ({"a": {"b": [1]}}, "a.b.c"), ({"a": None}, "a.b"),
              ({"a": []}, "a.b"), ({"a": "text"}, "a.b"), ({"a": [["k", 1]]}, "a.k"))
    for data, path in inputs:
        try:
            set_path(data, path, 2)
        except TypeError:
            continue
        raise AssertionError(f"set_path({data!r}, {path!r}, 2) did not raise TypeError")


cases = {
    "sets a top-level key": _top,
    "sets a nested key": _nested,
    "creates missing intermediate dicts": _creates,
    "does not mutate the input or its nested dicts": _no_mutation,
    "returns a new top-level dict": _new_top,
    "keeps the position of a replaced key": _order,
    "works on an empty dict": _empty_dict,
    "raises ValueError for an empty path or segment": _bad_path,
    "raises TypeError when a segment is not a dict": _not_dict,
}
