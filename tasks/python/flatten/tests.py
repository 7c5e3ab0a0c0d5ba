from solution import flatten


def _one_level():
    assert flatten([1, [2, 3], 4]) == [1, 2, 3, 4]


def _several():
    assert flatten([1, [2, [3, [4]]], 5]) == [1, 2, 3, 4, 5]


def _order():
    assert flatten([[3, [2]], 1, [[0], -1]]) == [3, 2, 1, 0, -1]


def _atoms():
    assert flatten([(1, 2), ["ab", {"k": [1]}], "cd"]) == [(1, 2), "ab", {"k": [1]}, "cd"]


def _no_mutation():
    inner = [2, [3]]
    data = [1, inner, [4]]
    flatten(data)
    assert data == [1, [2, [3]], [4]]
    assert data[1] is inner and inner == [2, [3]]


def _empty():
    assert flatten([]) == []


def _empty_inner():
    assert flatten([[], [[]], 1, [[], [2]]]) == [1, 2]
    assert flatten([[], [[]]]) == []


def _new_list():
    data = [1, 2, 3]
    result = flatten(data)
    assert result == [1, 2, 3]
    assert result is not data
    result.append(4)
    assert data == [1, 2, 3]


def _deep():
    depth = 2000
    nested = [0]
    for i in range(1, depth + 1):
        nested = [nested, i]
    assert flatten(nested) == list(range(depth + 1))


cases = {
    "flattens one level": _one_level,
    "flattens several levels": _several,
    "keeps element order": _order,
    "keeps tuples, strings and dicts whole": _atoms,
    "does not modify the input": _no_mutation,
    "returns an empty list for empty input": _empty,
    "drops empty inner lists": _empty_inner,
    "returns a new list for a flat input": _new_list,
    "handles nesting 2000 levels deep": _deep,
}
