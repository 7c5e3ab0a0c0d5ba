from solution import clone


def _flat():
    data = {"a": 1, "b": "x", "c": None, "d": 2.5, "e": True}
    result = clone(data)
    assert result == {"a": 1, "b": "x", "c": None, "d": 2.5, "e": True}
    assert result is not data


def _nested():
    data = {"a": [1, {"b": [2, 3]}], "c": {"d": {"e": []}}}
    assert clone(data) == {"a": [1, {"b": [2, 3]}], "c": {"d": {"e": []}}}


def _copy_independent():
    data = {"a": [1, {"b": [2]}]}
    copy = clone(data)
    copy["a"][1]["b"].append(99)
    copy["a"].append("x")
    copy["new"] = 1
    assert data == {"a": [1, {"b": [2]}]}


def _original_independent():
    data = {"a": [1, {"b": [2]}]}
    copy = clone(data)
    data["a"][1]["b"][0] = -1
    data["a"][1]["z"] = 0
    assert copy == {"a": [1, {"b": [2]}]}


def _list_of_dicts():
    data = [{"id": 1, "tags": ["x"]}, {"id": 2, "tags": []}]
    copy = clone(data)
    assert copy == [{"id": 1, "tags": ["x"]}, {"id": 2, "tags": []}]
    assert copy[0] is not data[0] and copy[0]["tags"] is not data[0]["tags"]


def _order():
    data = {"zeta": 1, "alpha": {"y": 1, "b": 2, "m": 3}, "mid": 0}
    copy = clone(data)
    assert list(copy) == ["zeta", "alpha", "mid"]
    assert list(copy["alpha"]) == ["y", "b", "m"]


def _scalars():
    assert clone(5) == 5
    assert clone("text") == "text"
    assert clone(None) is None
    assert clone(True) is True
    assert clone(1.5) == 1.5


def _empty():
    empty_list, empty_dict = [], {}
    a = clone(empty_list)
    b = clone(empty_dict)
    assert a == [] and a is not empty_list
    assert b == {} and b is not empty_dict
    nested = {"x": [], "y": {}}
    copy = clone(nested)
    assert copy["x"] is not nested["x"] and copy["y"] is not nested["y"]


def _deep():
    depth = 1500
    data = {"leaf": True}
    for i in range(depth):
        data = {"level": i, "child": [data]} if i % 2 else {"child": [data], "level": i}
    copy = clone(data)
    original, node, count = data, copy, 0
    while "leaf" not in node:
        assert node is not original
        assert list(node) == list(original)
        assert node["level"] == original["level"]
        assert node["child"] is not original["child"]
        original, node, count = original["child"][0], node["child"][0], count + 1
    assert count == depth
    assert node == {"leaf": True} and node is not original


cases = {
    "copies a flat dict": _flat,
    "copies nested dicts and lists": _nested,
    "changing the copy does not change the original": _copy_independent,
    "changing the original does not change the copy": _original_independent,
    "copies lists of dicts": _list_of_dicts,
    "keeps dict key order": _order,
    "returns scalars unchanged": _scalars,
    "copies empty containers as new objects": _empty,
    "handles nesting 1500 levels deep": _deep,
}
