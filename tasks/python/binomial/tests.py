import math

from solution import binomial


def _small():
    assert binomial(5, 2) == 10
    assert binomial(6, 3) == 20
    assert binomial(52, 5) == 2598960


def _symmetric():
    for n in (7, 12, 30):
        for k in range(n + 1):
            assert binomial(n, k) == binomial(n, n - k)


def _pascal():
    for n in range(1, 25):
        for k in range(1, n):
            assert binomial(n, k) == binomial(n - 1, k - 1) + binomial(n - 1, k)


def _int():
    result = binomial(10, 3)
    assert type(result) is int, f"got {type(result).__name__}"
    assert result == 120


def _ends():
    assert binomial(10, 0) == 1
    assert binomial(10, 10) == 1
    assert binomial(0, 0) == 1


def _outside():
    assert binomial(3, 5) == 0
    assert binomial(3, -1) == 0
    assert binomial(0, 1) == 0


def _big():
    assert binomial(100, 50) == 100891344545564193334812497256
    assert binomial(67, 33) == 14226520737620288370


def _huge():
    assert binomial(1000, 500) == math.comb(1000, 500)
    assert binomial(2000, 3) == 1331334000


def _negative_n():
    try:
        binomial(-1, 0)
    except ValueError:
        return
    raise AssertionError("binomial(-1, 0) did not raise ValueError")


def _huge_n():
    n = 10**18
    assert binomial(n, n - 2) == 499999999999999999500000000000000000
    assert binomial(n, n - 1) == n
    assert binomial(n, n) == 1
    assert binomial(n, 1) == n


cases = {
    "computes small binomial coefficients": _small,
    "is symmetric in k and n - k": _symmetric,
    "follows Pascal's rule": _pascal,
    "returns an int, not a float": _int,
    "returns 1 for k 0 and k n": _ends,
    "returns 0 for k outside 0 to n": _outside,
    "stays exact beyond 2**64": _big,
    "computes C(1000, 500) exactly": _huge,
    "raises ValueError for negative n": _negative_n,
    "returns at once for k close to a huge n": _huge_n,
}
