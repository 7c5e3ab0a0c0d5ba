from solution import sort_rows


def _asc():
    rows = [{"n": "b"}, {"n": "c"}, {"n": "a"}]
    assert sort_rows(rows, ["n"]) == [{"n": "a"}, {"n": "b"}, {"n": "c"}]


def _desc():
    rows = [{"a": 2}, {"a": 3}, {"a": 1}]
    assert sort_rows(rows, ["-a"]) == [{"a": 3}, {"a": 2}, {"a": 1}]


def _ties():
    rows = [{"d": "x", "s": 3}, {"d": "a", "s": 2}, {"d": "x", "s": 1}]
    assert sort_rows(rows, ["d", "s"]) == [{"d": "a", "s": 2}, {"d": "x", "s": 1}, {"d": "x", "s": 3}]


def _mixed():
    rows = [
        {"dept": "ops", "name": "amy", "pay": 5},
        {"dept": "dev", "name": "bob", "pay": 7},
        {"dept": "ops", "name": "cat", "pay": 5},
        {"dept": "dev", "name": "dan", "pay": 9},
    ]
    assert [r["name"] for r in sort_rows(rows, ["dept", "-pay"])] == ["dan", "bob", "amy", "cat"]
    assert [r["name"] for r in sort_rows(rows, ["-dept", "-name"])] == ["cat", "amy", "dan", "bob"]
    assert [r["name"] for r in sort_rows(rows, ["pay", "-name"])] == ["cat", "amy", "bob", "dan"]


def _no_mutation():
    rows = [{"a": 2}, {"a": 1}]
    result = sort_rows(rows, ["a"])
    assert rows == [{"a": 2}, {"a": 1}]
    assert result is not rows
    assert result[0] is rows[1]


def _stable():
    rows = [{"k": 1, "id": "first"}, {"k": 0, "id": "x"}, {"k": 1, "id": "second"}, {"k": 1, "id": "third"}]
    assert [r["id"] for r in sort_rows(rows, ["k"])] == ["x", "first", "second", "third"]
    assert [r["id"] for r in sort_rows(rows, ["-k"])] == ["first", "second", "third", "x"]


def _no_keys():
    rows = [{"a": 2}, {"a": 1}, {"a": 3}]
    result = sort_rows(rows, [])
    assert result == [{"a": 2}, {"a": 1}, {"a": 3}]
    assert result is not rows


def _no_rows():
    assert sort_rows([], ["a", "-b"]) == []


def _missing():
    try:
        sort_rows([{"a": 1}, {"b": 2}], ["a"])
    except KeyError:
        return
    raise AssertionError("sort_rows did not raise KeyError for a missing field")


cases = {
    "sorts by one key ascending": _asc,
    "sorts by one key descending": _desc,
    "breaks ties with the next key": _ties,
    "mixes ascending and descending keys, including strings": _mixed,
    "does not modify the input list": _no_mutation,
    "keeps input order for rows equal on every key": _stable,
    "keeps input order for no keys": _no_keys,
    "returns an empty list for no rows": _no_rows,
    "raises KeyError when a row lacks a key": _missing,
}
