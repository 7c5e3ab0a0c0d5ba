from solution import reverse_text


def _ascii():
    assert reverse_text("abc") == "cba"
    assert reverse_text("hello world") == "dlrow olleh"


def _accent():
    assert reverse_text("cafe\u0301") == "e\u0301fac"
    assert reverse_text("e\u0301t\u00e9") == "\u00e9te\u0301"


def _astral():
    assert reverse_text("a\U0001f600b") == "b\U0001f600a"
    assert reverse_text("\U0001d49cxy") == "yx\U0001d49c"


def _other_marks():
    assert reverse_text("a\u2764\ufe0fb") == "b\u2764\ufe0fa"
    assert reverse_text("x\u0915\u093f") == "\u0915\u093fx"


def _palindrome():
    assert reverse_text("racecar") == "racecar"


def _empty():
    assert reverse_text("") == ""


def _single():
    assert reverse_text("x") == "x"
    assert reverse_text("e\u0301") == "e\u0301"


def _several_marks():
    assert reverse_text("a\u0301\u0323b") == "ba\u0301\u0323"
    assert reverse_text("xo\u0308\u0304y") == "yo\u0308\u0304x"


def _leading_mark():
    assert reverse_text("\u0301ab") == "ba\u0301"
    assert reverse_text("\u0301") == "\u0301"


cases = {
    "reverses plain ASCII": _ascii,
    "keeps a combining accent on its letter": _accent,
    "reverses characters outside the BMP as units": _astral,
    "keeps variation selectors and spacing marks attached": _other_marks,
    "returns a palindrome unchanged": _palindrome,
    "returns an empty string for empty input": _empty,
    "returns a single character unchanged": _single,
    "keeps several marks in their order": _several_marks,
    "treats a leading mark as its own character": _leading_mark,
}
