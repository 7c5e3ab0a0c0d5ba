import math

from solution import mean


def _floats():
    assert math.isclose(mean([1.5, 2.5, 3.5]), 2.5)
    assert math.isclose(mean([0.25, 0.75]), 0.5)


def _division():
    result = mean([1, 2])
    assert type(result) is float, f"got {type(result).__name__}"
    assert result == 1.5
    assert math.isclose(mean([1, 2, 2]), 5 / 3)


def _negative():
    assert math.isclose(mean([-1, -2, -3, -4]), -2.5)
    assert math.isclose(mean([-5, 5, 3]), 1.0)


def _no_mutation():
    values = [3.0, 1.0, 2.0]
    mean(values)
    assert values == [3.0, 1.0, 2.0]


def _empty():
    assert mean([]) is None


def _single():
    assert mean([-2.5]) == -2.5
    assert mean([7]) == 7.0


def _tenths():
    assert mean([0.1] * 10) == 0.1


def _cancel():
    assert math.isclose(mean([1e100, 1.0, -1e100]), 1 / 3, rel_tol=1e-12)
    assert math.isclose(mean([1e16, 1.0, -1e16, 1.0]), 0.5, rel_tol=1e-12)


cases = {
    "averages a few floats": _floats,
    "uses true division for integers": _division,
    "averages negative numbers": _negative,
    "does not modify the input": _no_mutation,
    "returns None for an empty list": _empty,
    "returns the value of a single element": _single,
    "averages ten copies of 0.1 to exactly 0.1": _tenths,
    "stays accurate when large values cancel": _cancel,
}
