from solution import display_length


def _ascii():
    assert display_length("hello") == 5
    assert display_length("a b!") == 4


def _decomposed():
    assert display_length("e\u0301") == 1
    assert display_length("cafe\u0301") == 4
    assert display_length("a\u0301\u0323b") == 2


def _skin_tone():
    assert display_length("\U0001f44d\U0001f3fd") == 1
    assert display_length("\U0001f44d\U0001f3fd\U0001f44d") == 2


def _zwj():
    assert display_length("\U0001f468\u200d\U0001f469\u200d\U0001f467") == 1
    assert display_length("\U0001f469\U0001f3fd\u200d\U0001f4bb!") == 2


def _mixed():
    assert display_length("ne\u0301e \U0001f44d\U0001f3fd!") == 6
    assert display_length("\U0001d49cb") == 2


def _empty():
    assert display_length("") == 0


def _flags():
    assert display_length("\U0001f1eb\U0001f1f7") == 1
    assert display_length("\U0001f1eb\U0001f1f7\U0001f1e9\U0001f1ea") == 2
    assert display_length("\U0001f1eb\U0001f1f7\U0001f1e9") == 2
    assert display_length("\U0001f1eb!\U0001f1f7") == 3


def _keycap():
    assert display_length("1\ufe0f\u20e3") == 1
    assert display_length("#\ufe0f\u20e3*") == 2


def _leading_mark():
    assert display_length("\u0301a") == 2
    assert display_length("\u0301") == 1
    assert display_length("\u200d\U0001f468") == 1


def _range_ends():
    assert display_length("\U0001f44d\U0001f3fb") == 1  # U+1F3FB, the first skin tone
    assert display_length("\U0001f44d\U0001f3ff") == 1  # U+1F3FF, the last skin tone
    assert display_length("\U0001f1e6\U0001f1fa") == 1  # U+1F1E6 (A) + U: a flag
    assert display_length("\U0001f1ff\U0001f1e6") == 1  # U+1F1FF (Z) + A: a flag
    assert display_length("\U0001f1e6\U0001f1e6\U0001f1ff") == 2


cases = {
    "counts plain ASCII characters": _ascii,
    "counts a decomposed accent as one character": _decomposed,
    "counts an emoji with a skin tone as one": _skin_tone,
    "counts a ZWJ family sequence as one": _zwj,
    "counts mixed text": _mixed,
    "returns 0 for an empty string": _empty,
    "pairs regional indicators into flags": _flags,
    "counts a keycap sequence as one": _keycap,
    "counts a leading mark as a character": _leading_mark,
    "includes both ends of the skin-tone and regional-indicator ranges": _range_ends,
}
