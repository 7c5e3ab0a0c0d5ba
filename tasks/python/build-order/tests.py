from solution import build_order


def _before():
    assert build_order({"app": ["lib"], "lib": ["core"]}) == ["core", "lib", "app"]


def _key_order():
    assert build_order({"b": [], "a": [], "c": []}) == ["b", "a", "c"]
    assert build_order({"z": ["y"], "a": ["y"], "y": []}) == ["y", "z", "a"]


def _list_order():
    assert build_order({"app": ["log", "db", "auth"]}) == ["log", "db", "auth", "app"]
    assert build_order({"app": ["lib", "log"], "lib": ["log", "core"], "test": ["app"]}) == ["log", "core", "lib", "app", "test"]


def _dep_only():
    assert build_order({"x": ["only-dep"]}) == ["only-dep", "x"]


def _shared():
    deps = {"top": ["left", "right"], "left": ["base"], "right": ["base", "base"]}
    assert build_order(deps) == ["base", "left", "right", "top"]


def _no_mutation():
    deps = {"a": ["b", "c"], "b": ["c"]}
    build_order(deps)
    assert deps == {"a": ["b", "c"], "b": ["c"]}
    assert list(deps) == ["a", "b"]


def _empty():
    assert build_order({}) == []


def _cycle():
    for deps in ({"a": ["b"], "b": ["a"]}, {"a": ["b"], "b": ["c"], "c": ["a"]}, {"ok": [], "a": ["b"], "b": ["c"], "c": ["b"]}):
        try:
            build_order(deps)
        except ValueError:
            continue
        raise AssertionError(f"build_order({deps!r}) did not raise ValueError")


def _self():
    try:
        build_order({"a": ["a"]})
    except ValueError:
        return
    raise AssertionError("build_order({'a': ['a']}) did not raise ValueError")


def _deep():
    depth = 5000
    deps = {f"n{i}": [f"n{i + 1}"] for i in range(depth)}
    result = build_order(deps)
    assert len(result) == depth + 1
    assert result[0] == f"n{depth}" and result[-1] == "n0"
    assert result == [f"n{i}" for i in range(depth, -1, -1)]


cases = {
    "puts dependencies before the item": _before,
    "visits keys in dict order": _key_order,
    "visits dependencies in list order": _list_order,
    "includes items that appear only as dependencies": _dep_only,
    "emits a shared dependency once": _shared,
    "does not modify the input": _no_mutation,
    "returns an empty list for no items": _empty,
    "raises ValueError for a cycle": _cycle,
    "raises ValueError for a self-dependency": _self,
    "handles a dependency chain 5000 deep": _deep,
}
