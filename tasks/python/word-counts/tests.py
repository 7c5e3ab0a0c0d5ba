from solution import word_counts


def _counts():
    assert word_counts("the cat and the hat") == {"the": 2, "cat": 1, "and": 1, "hat": 1}


def _order():
    result = word_counts("zebra apple mango apple zebra kiwi")
    assert list(result) == ["zebra", "apple", "mango", "kiwi"]
    assert list(word_counts("kiwi apple apple apple kiwi fig")) == ["kiwi", "apple", "fig"]


def _separators():
    assert word_counts("Hello, world! hello...world?\tdon't") == {"hello": 2, "world": 2, "don": 1, "t": 1}
    assert word_counts("snake_case-word") == {"snake": 1, "case": 1, "word": 1}


def _digits():
    assert word_counts("route 66, route 66!") == {"route": 2, "66": 2}


def _casefold():
    assert word_counts("Stra\u00dfe STRASSE strasse") == {"strasse": 3}
    assert word_counts("The THE the") == {"the": 3}


def _empty():
    assert word_counts("") == {}


def _no_words():
    assert word_counts("... !!! \U0001f600 --") == {}


def _plain():
    result = word_counts("a b a")
    assert type(result) is dict, f"got {type(result).__name__}, expected a plain dict"
    assert result == {"a": 2, "b": 1}


def _non_latin():
    assert word_counts("\u041f\u0440\u0438\u0432\u0435\u0442 \u043f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440") == {"\u043f\u0440\u0438\u0432\u0435\u0442": 2, "\u043c\u0438\u0440": 1}
    assert word_counts("\u6771\u4eac \u00e9t\u00e9 \u00c9T\u00c9") == {"\u6771\u4eac": 1, "\u00e9t\u00e9": 2}


cases = {
    "counts each word": _counts,
    "keeps keys in order of first appearance": _order,
    "splits on punctuation and whitespace": _separators,
    "counts digits as word characters": _digits,
    "ignores case with casefold": _casefold,
    "returns an empty dict for empty text": _empty,
    "returns an empty dict for text without words": _no_words,
    "returns a plain dict, not a Counter": _plain,
    "counts non-latin words": _non_latin,
}
