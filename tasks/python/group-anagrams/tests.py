from solution import group_anagrams


def _groups():
    assert group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"]) == [["eat", "tea", "ate"], ["tan", "nat"], ["bat"]]


def _group_order():
    assert group_anagrams(["zz", "ba", "ab", "zz", "c"]) == [["zz", "zz"], ["ba", "ab"], ["c"]]


def _word_order():
    assert group_anagrams(["tsop", "stop", "pots", "opts", "post"]) == [["tsop", "stop", "pots", "opts", "post"]]


def _case():
    assert group_anagrams(["Tea", "eat", "aet"]) == [["Tea"], ["eat", "aet"]]


def _duplicates():
    assert group_anagrams(["ab", "ab", "ba"]) == [["ab", "ab", "ba"]]


def _empty():
    assert group_anagrams([]) == []


def _empty_strings():
    assert group_anagrams(["", "a", ""]) == [["", ""], ["a"]]


def _accents():
    assert group_anagrams(["\u00e9t\u00e9", "t\u00e9\u00e9", "ete"]) == [["\u00e9t\u00e9", "t\u00e9\u00e9"], ["ete"]]


def _large():
    seed = 12345
    words = []
    for _ in range(10000):
        letters = []
        for _ in range(8):
            seed = (seed * 1103515245 + 12345) % 2**31
            letters.append(chr(97 + seed % 26))
        word = "".join(letters)
        words.append(word)
        words.append(word[::-1])
    result = group_anagrams(words)
    assert sum(len(g) for g in result) == 20000
    assert len(result) == len({"".join(sorted(w)) for w in words})
    assert result[0][:2] == [words[0], words[1]]
    assert all(sorted(w) == sorted(g[0]) for g in result for w in g)


cases = {
    "groups anagrams together": _groups,
    "orders groups by first appearance": _group_order,
    "keeps words in input order within a group": _word_order,
    "compares case-sensitively": _case,
    "keeps duplicate words": _duplicates,
    "returns an empty list for no words": _empty,
    "groups empty strings together": _empty_strings,
    "groups accented words by code point": _accents,
    "handles 20000 words quickly": _large,
}
