from solution import round_half_away


def _near():
    assert round_half_away(2.4) == 2
    assert round_half_away(2.6) == 3
    assert round_half_away(0.2) == 0


def _positive_half():
    assert round_half_away(2.5) == 3
    assert round_half_away(0.5) == 1
    assert round_half_away(3.5) == 4
    assert round_half_away(4.5) == 5


def _negative():
    assert round_half_away(-2.4) == -2
    assert round_half_away(-2.6) == -3
    assert round_half_away(-0.2) == 0


def _integral():
    result = round_half_away(3.0)
    assert type(result) is int, f"got {type(result).__name__}"
    assert result == 3
    assert round_half_away(-7.0) == -7
    assert round_half_away(-0.0) == 0


def _negative_half():
    assert round_half_away(-2.5) == -3
    assert round_half_away(-0.5) == -1
    assert round_half_away(-3.5) == -4


def _below_half():
    assert round_half_away(0.49999999999999994) == 0
    assert round_half_away(-0.49999999999999994) == 0


def _large():
    assert round_half_away(1e20) == 100000000000000000000
    assert round_half_away(-(2.0**70)) == -1180591620717411303424
    assert round_half_away(4503599627370497.0) == 4503599627370497


def _non_finite():
    for bad in (float("nan"), float("inf"), float("-inf")):
        try:
            round_half_away(bad)
        except ValueError:
            continue
        raise AssertionError(f"round_half_away({bad}) did not raise ValueError")


cases = {
    "rounds below and above the half": _near,
    "rounds positive halves up, not to even": _positive_half,
    "rounds negative values to the nearest integer": _negative,
    "keeps integral values and returns an int": _integral,
    "rounds negative halves away from zero": _negative_half,
    "does not round up the largest float below a half": _below_half,
    "returns exact ints for large floats": _large,
    "raises ValueError for nan and infinity": _non_finite,
}
