from solution import group_by_initial


def _groups():
    assert group_by_initial(["apple", "bob", "avocado"]) == {"a": ["apple", "avocado"], "b": ["bob"]}


def _key_order():
    result = group_by_initial(["zebra", "mango", "apple", "melon", "zoo"])
    assert list(result) == ["z", "m", "a"]


def _word_order():
    assert group_by_initial(["beta", "alpha", "banana", "bee"]) == {"b": ["beta", "banana", "bee"], "a": ["alpha"]}


def _case():
    assert group_by_initial(["Apple", "avocado", "APRICOT"]) == {"a": ["Apple", "avocado", "APRICOT"]}


def _in_place():
    given = {"a": ["ant"], "z": ["zed"]}
    result = group_by_initial(["cat", "axe"], given)
    assert result is given, "the given dict was not returned"
    assert given == {"a": ["ant", "axe"], "z": ["zed"], "c": ["cat"]}
    assert list(given) == ["a", "z", "c"]


def _fresh():
    assert group_by_initial(["one"]) == {"o": ["one"]}
    assert group_by_initial(["two"]) == {"t": ["two"]}
    first = group_by_initial(["x"])
    first["x"].append("leak")
    assert group_by_initial(["xy"]) == {"x": ["xy"]}


def _empty():
    assert group_by_initial([]) == {}
    assert group_by_initial([], None) == {}


def _skips_empty():
    assert group_by_initial(["", "a", ""]) == {"a": ["a"]}
    assert group_by_initial([""]) == {}


def _plain():
    result = group_by_initial(["a", "b"])
    assert type(result) is dict, f"got {type(result).__name__}, expected a plain dict"
    assert all(type(v) is list for v in result.values())
    missing = result.get("q")
    assert missing is None and "q" not in result


def _unicode():
    result = group_by_initial(["\u00c9clair", "\u00e9t\u00e9", "\u03a9mega", "\u03c9x", "eel"])
    assert result == {"\u00e9": ["\u00c9clair", "\u00e9t\u00e9"], "\u03c9": ["\u03a9mega", "\u03c9x"], "e": ["eel"]}


cases = {
    "groups words by their first letter": _groups,
    "keeps keys in order of first appearance": _key_order,
    "keeps words in input order within a group": _word_order,
    "groups case-insensitively but keeps the words as given": _case,
    "adds to a given dict in place and returns it": _in_place,
    "does not share state between calls without groups": _fresh,
    "returns an empty dict for an empty list": _empty,
    "skips empty strings": _skips_empty,
    "returns a plain dict, not a defaultdict": _plain,
    "groups non-latin initials": _unicode,
}
