from solution import same_name


def _identical():
    assert same_name("Alice", "Alice") == True


def _case():
    assert same_name("alice", "ALICE") == True
    assert same_name("McDonald", "mcdonald") == True


def _whitespace():
    assert same_name("  Alice\t", "ALICE ") == True
    assert same_name("Ann Lee", "Ann  Lee") == False


def _different():
    assert same_name("Bob", "Rob") == False
    assert same_name("Al", "Alice") == False


def _casefold():
    assert same_name("Stra\u00dfe", "STRASSE") == True
    assert same_name("\ufb01le", "FILE") == True
    assert same_name("\u03a3\u038a\u03a3\u03a5\u03a6\u039f\u03a3", "\u03c3\u03af\u03c3\u03c5\u03c6\u03bf\u03c3") == True


def _normalization():
    assert same_name("Jos\u00e9", "Jose\u0301") == True
    assert same_name("JOS\u00c9", "jose\u0301") == True
    assert same_name("A\u030angstr\u00f6m", "\u00c5NGSTRO\u0308M") == True


def _accents():
    assert same_name("resume", "r\u00e9sum\u00e9") == False
    assert same_name("Jose", "Jos\u00e9") == False


def _compat():
    assert same_name("\u2460", "1") == False
    assert same_name("\u2460", "\u2460") == True


def _empty():
    assert same_name("", "   ") == True
    assert same_name("", "a") == False


cases = {
    "matches identical names": _identical,
    "ignores case": _case,
    "ignores surrounding whitespace but not inner whitespace": _whitespace,
    "rejects different names": _different,
    "uses full case folding, not lower()": _casefold,
    "matches composed and decomposed accents": _normalization,
    "keeps accents significant": _accents,
    "does not fold compatibility characters": _compat,
    "matches two empty names": _empty,
}
