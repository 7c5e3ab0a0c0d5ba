import unicodedata

_ZWJ = "\u200d"


def _is_regional(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def display_length(text: str) -> int:
    count = 0
    after_zwj = False
    open_flag = False  # the current character is a single regional indicator
    for ch in text:
        joins = (
            unicodedata.category(ch) in ("Mn", "Mc", "Me")
            or "\U0001f3fb" <= ch <= "\U0001f3ff"
            or ch == _ZWJ
            or after_zwj
            or (open_flag and _is_regional(ch))
        )
        if joins and count > 0:
            open_flag = False
        else:
            count += 1
            open_flag = _is_regional(ch)
        after_zwj = ch == _ZWJ
    return count
