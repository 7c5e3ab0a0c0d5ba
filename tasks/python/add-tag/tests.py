from solution import add_tag


def _appends():
    assert add_tag("b", ["a"]) == ["a", "b"]
    assert add_tag("z", ["x", "y"]) == ["x", "y", "z"]


def _omitted():
    assert add_tag("x") == ["x"]


def _no_shared_state():
    assert add_tag("a") == ["a"]
    assert add_tag("b") == ["b"]
    first = add_tag("c")
    first.append("mutated")
    assert add_tag("d") == ["d"]


def _no_mutation():
    tags = ["a", "b"]
    result = add_tag("c", tags)
    assert tags == ["a", "b"], "the caller's list was changed"
    assert result == ["a", "b", "c"]


def _new_list_when_present():
    tags = ["a", "b"]
    result = add_tag("a", tags)
    assert result == ["a", "b"]
    assert result is not tags, "the input list itself was returned"
    result.append("c")
    assert tags == ["a", "b"]


def _no_duplicate():
    assert add_tag("a", ["a", "b"]) == ["a", "b"]


def _none():
    assert add_tag("x", None) == ["x"]
    assert add_tag("y", None) == ["y"]


def _strips():
    assert add_tag("  a\t", []) == ["a"]
    assert add_tag(" a ", ["a"]) == ["a"]


def _blank():
    for bad in ["", "   ", "\n\t"]:
        try:
            add_tag(bad, ["a"])
        except ValueError:
            continue
        raise AssertionError(f"add_tag({bad!r}) did not raise ValueError")


def _case():
    assert add_tag("A", ["b", "a"]) == ["b", "a", "A"]


cases = {
    "appends a tag to a given list": _appends,
    "starts from an empty list when tags is omitted": _omitted,
    "does not share state between calls without tags": _no_shared_state,
    "does not mutate the caller's list": _no_mutation,
    "returns a new list even when the tag is already present": _new_list_when_present,
    "does not add a duplicate tag": _no_duplicate,
    "treats None like an omitted list": _none,
    "strips whitespace around the tag": _strips,
    "raises ValueError for an empty or blank tag": _blank,
    "compares tags case-sensitively and keeps order": _case,
}
