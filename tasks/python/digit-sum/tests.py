from solution import digit_sum


def _small():
    assert digit_sum(2, 15) == 26
    assert digit_sum(3, 4) == 9
    assert digit_sum(12, 2) == 9


def _2_1000():
    assert digit_sum(2, 1000) == 1366


def _tens():
    assert digit_sum(10, 5) == 1
    assert digit_sum(10, 100) == 1


def _exp_zero():
    assert digit_sum(7, 0) == 1
    assert digit_sum(0, 0) == 1
    assert digit_sum(-5, 0) == 1


def _base_zero():
    assert digit_sum(0, 3) == 0


def _negative_base():
    assert digit_sum(-2, 3) == 8
    assert digit_sum(-3, 5) == 9
    assert digit_sum(-2, 4) == 7


def _huge():
    assert digit_sum(2, 20000) == 26995
    assert digit_sum(3, 10000) == 21663


def _negative_exponent():
    try:
        digit_sum(2, -1)
    except ValueError:
        return
    raise AssertionError("digit_sum(2, -1) did not raise ValueError")


cases = {
    "sums the digits of a small power": _small,
    "sums the digits of 2**1000": _2_1000,
    "returns 1 for powers of ten": _tens,
    "returns 1 for exponent 0": _exp_zero,
    "returns 0 for base 0 with a positive exponent": _base_zero,
    "ignores the sign of a negative power": _negative_base,
    "handles powers with more than 4300 digits": _huge,
    "raises ValueError for a negative exponent": _negative_exponent,
}
