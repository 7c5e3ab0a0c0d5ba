from solution import round_money


def _down():
    assert round_money("1.234") == "1.23"
    assert round_money("0.0049") == "0.00"


def _up():
    assert round_money("1.236") == "1.24"
    assert round_money("0.999") == "1.00"


def _half():
    assert round_money("0.125") == "0.13"
    assert round_money("0.005") == "0.01"
    assert round_money("2.5") == "2.50"


def _float_halves():
    assert round_money("2.675") == "2.68"
    assert round_money("1.005") == "1.01"
    assert round_money("1.015") == "1.02"


def _pad():
    assert round_money("10") == "10.00"
    assert round_money("3.1") == "3.10"
    assert round_money("0") == "0.00"


def _negative_half():
    assert round_money("-1.005") == "-1.01"
    assert round_money("-0.125") == "-0.13"
    assert round_money("-2.344") == "-2.34"


def _negative_zero():
    assert round_money("-0.004") == "0.00"
    assert round_money("-0") == "0.00"
    assert round_money("-0.0049999") == "0.00"


def _carry():
    assert round_money("9.995") == "10.00"
    assert round_money("-9.995") == "-10.00"
    assert round_money("99.999") == "100.00"


def _precision():
    assert round_money("12345678901234567890.125") == "12345678901234567890.13"
    assert round_money("0.12500000000000000000001") == "0.13"
    assert round_money("123456789012345678901234567890") == "123456789012345678901234567890.00"


cases = {
    "rounds down below the half": _down,
    "rounds up above the half": _up,
    "rounds an exact half away from zero, not to even": _half,
    "rounds halves that floats cannot represent": _float_halves,
    "pads to two decimals": _pad,
    "rounds negative halves away from zero": _negative_half,
    "never returns a negative zero": _negative_zero,
    "carries into the integer part": _carry,
    "keeps every digit of amounts beyond float precision": _precision,
}
