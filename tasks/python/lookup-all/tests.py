from collections import defaultdict

from solution import lookup_all


def _positions():
    assert lookup_all({"cat": [1, 4], "dog": [2]}, ["cat", "dog"]) == [[1, 4], [2]]


def _unknown():
    assert lookup_all({"cat": [1]}, ["eel"]) == [[]]


def _order():
    assert lookup_all({"a": [1], "b": [2], "c": [3]}, ["c", "a", "b", "a"]) == [[3], [1], [2], [1]]


def _copies():
    index = {"cat": [1, 4]}
    result = lookup_all(index, ["cat", "eel"])
    result[0].append(99)
    result[1].append(7)
    assert index == {"cat": [1, 4]}


def _defaultdict():
    index = defaultdict(list)
    index["cat"].extend([1, 4])
    result = lookup_all(index, ["dog", "cat", "eel"])
    assert result == [[], [1, 4], []]
    assert list(index) == ["cat"], f"keys were added: {list(index)}"
    result[0].append(5)
    assert "dog" not in index


def _repeated():
    index = {"cat": [1]}
    result = lookup_all(index, ["cat", "cat", "eel", "eel"])
    assert result == [[1], [1], [], []]
    assert result[0] is not result[1]
    assert result[2] is not result[3]
    result[2].append(1)
    assert result[3] == []


def _no_words():
    assert lookup_all({"a": [1]}, []) == []


def _empty_index():
    assert lookup_all({}, ["a", "b"]) == [[], []]
    empty = defaultdict(list)
    assert lookup_all(empty, ["a"]) == [[]]
    assert len(empty) == 0


cases = {
    "returns the positions of each word": _positions,
    "returns an empty list for an unknown word": _unknown,
    "keeps the order of the words asked for": _order,
    "returns copies that can be changed safely": _copies,
    "does not add keys to a defaultdict index": _defaultdict,
    "returns separate lists for a repeated word": _repeated,
    "returns an empty list for no words": _no_words,
    "works with an empty index": _empty_index,
}
