from solution import make_multipliers


def _count():
    fs = make_multipliers([2, 3, 4])
    assert len(fs) == 3
    assert all(callable(f) for f in fs)


def _own_factor():
    fs = make_multipliers([2, 3, 4])
    assert [f(10) for f in fs] == [20, 30, 40]


def _not_last():
    fs = make_multipliers([5, 7])
    assert fs[0](1) == 5
    assert fs[1](1) == 7


def _negative():
    fs = make_multipliers([-2, 3])
    assert fs[0](4) == -8
    assert fs[1](-4) == -12
    assert fs[0](-4) == 8


def _many_calls():
    f = make_multipliers([3])[0]
    assert [f(x) for x in range(5)] == [0, 3, 6, 9, 12]
    assert f(2) == 6


def _empty():
    assert make_multipliers([]) == []


def _later_changes():
    factors = [2, 3]
    fs = make_multipliers(factors)
    factors[0] = 100
    factors.append(9)
    assert fs[0](1) == 2
    assert fs[1](1) == 3
    assert len(fs) == 2


def _single():
    fs = make_multipliers([11])
    assert len(fs) == 1
    assert fs[0](3) == 33


def _big():
    fs = make_multipliers([2**64 + 1, -(10**30)])
    assert fs[0](2**64) == 340282366920938463481821351505477763072
    assert fs[1](7) == -7000000000000000000000000000000


cases = {
    "returns one function per factor": _count,
    "each function multiplies by its own factor": _own_factor,
    "the first function does not use the last factor": _not_last,
    "works with negative factors and arguments": _negative,
    "functions can be called many times": _many_calls,
    "returns an empty list for no factors": _empty,
    "is not affected by later changes to the factors list": _later_changes,
    "handles a single factor": _single,
    "multiplies big integers exactly": _big,
}
