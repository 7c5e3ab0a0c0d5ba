from solution import mask_digits


def _default():
    assert mask_digits("4111 1111 1111 1234") == "**** **** **** 1234"
    assert mask_digits("4111111111111234") == "************1234"


def _non_digits():
    assert mask_digits("+1 (555) 010-9999") == "+* (***) ***-9999"


def _keep_last():
    assert mask_digits("+1 (555) 010-9999", 2) == "+* (***) ***-**99"
    assert mask_digits("a1b2c3", 1) == "a*b*c3"


def _no_digits():
    assert mask_digits("abc") == "abc"
    assert mask_digits("no digits here", 0) == "no digits here"


def _zero():
    assert mask_digits("12", 0) == "**"
    assert mask_digits("id 42 x", 0) == "id ** x"


def _few():
    assert mask_digits("123") == "123"
    assert mask_digits("1234") == "1234"
    assert mask_digits("a1", 5) == "a1"


def _empty():
    assert mask_digits("") == ""
    assert mask_digits("", 0) == ""


def _ascii_only():
    assert mask_digits("\u0663\u06645678") == "\u0663\u06645678"
    assert mask_digits("\u0663\u06645678", 2) == "\u0663\u0664**78"
    assert mask_digits("\uff11\uff12 34", 0) == "\uff11\uff12 **"


def _negative():
    try:
        mask_digits("1234", -1)
    except ValueError:
        return
    raise AssertionError("mask_digits('1234', -1) did not raise ValueError")


cases = {
    "masks all but the last four digits": _default,
    "keeps non-digit characters in place": _non_digits,
    "keeps the number of digits given by keep_last": _keep_last,
    "leaves text without digits unchanged": _no_digits,
    "masks every digit when keep_last is 0": _zero,
    "returns the text unchanged when it has too few digits": _few,
    "returns an empty string for empty input": _empty,
    "masks only ASCII digits": _ascii_only,
    "raises ValueError for a negative keep_last": _negative,
}
