import math

from solution import frange


def _close_all(got, expected):
    assert len(got) == len(expected), f"got {len(got)} values, expected {len(expected)}: {got[:12]!r}"
    for g, e in zip(got, expected):
        assert math.isclose(g, e, rel_tol=1e-12, abs_tol=1e-12), f"got {g!r}, expected {e!r}"


def _whole():
    assert frange(0, 5, 1) == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert frange(2, 8, 2) == [2.0, 4.0, 6.0]


def _floats():
    result = frange(0, 3, 1)
    assert all(type(v) is float for v in result), "values must be floats"
    assert result == [0.0, 1.0, 2.0]


def _down():
    assert frange(1, 0, -0.25) == [1.0, 0.75, 0.5, 0.25]
    assert frange(5, 2, -1) == [5.0, 4.0, 3.0]


def _negative_start():
    _close_all(frange(-1, 0.5, 0.5), [-1.0, -0.5, 0.0])
    _close_all(frange(-0.5, -1.6, -0.55), [-0.5, -1.05])


def _tenths():
    result = frange(0, 1, 0.1)
    assert len(result) == 10, f"got {len(result)} values"
    _close_all(result, [i / 10 for i in range(10)])


def _just_below():
    _close_all(frange(0, 0.9, 0.3), [0.0, 0.3, 0.6])
    assert len(frange(0, 2.1, 0.7)) == 3
    assert len(frange(0, 4.2, 0.7)) == 6


def _no_drift():
    result = frange(0, 1000, 0.1)
    assert len(result) == 10000
    assert result[-1] == 9999 * 0.1
    assert result[7777] == 7777 * 0.1


def _empty():
    assert frange(3, 3, 1) == []
    assert frange(5, 1, 1) == []
    assert frange(1, 5, -1) == []


def _zero_step():
    try:
        frange(0, 1, 0)
    except ValueError:
        return
    raise AssertionError("frange(0, 1, 0) did not raise ValueError")


def _exact_tolerance():
    # 1e-9 * 1953125 == 0.001953125 == 2**-9: every value here is exact in binary floats.
    assert frange(0, 3906250.001953125, 1953125) == [0.0, 1953125.0]
    assert frange(0, -3906250.001953125, -1953125) == [0.0, -1953125.0]
    assert frange(0, 3906250.0078125, 1953125) == [0.0, 1953125.0, 3906250.0]


cases = {
    "counts up by a whole step": _whole,
    "returns floats for int arguments": _floats,
    "counts down with a negative step": _down,
    "works with a negative start and a fractional step": _negative_start,
    "returns ten values from 0 to 1 by 0.1": _tenths,
    "excludes a last value computed just below stop": _just_below,
    "does not drift over many steps": _no_drift,
    "returns an empty list when start is at or past stop": _empty,
    "raises ValueError for a zero step": _zero_step,
    "excludes a value exactly the tolerance away from stop": _exact_tolerance,
}
