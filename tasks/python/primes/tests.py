import itertools

from solution import primes


def _take(n, it=None):
    return list(itertools.islice(primes() if it is None else it, n))


def _start():
    assert _take(5) == [2, 3, 5, 7, 11]


def _first_25():
    assert _take(25) == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]


def _thousandth():
    assert _take(1000)[-1] == 7919


def _iterator():
    it = primes()
    assert iter(it) is it
    assert next(it) == 2
    assert next(it) == 3
    assert _take(2, it) == [5, 7]


def _independent():
    a = primes()
    for _ in range(5):
        next(a)
    b = primes()
    assert next(b) == 2
    assert next(a) == 13
    assert next(b) == 3


def _no_composites():
    values = _take(300)
    assert 1 not in values
    for v in values:
        assert all(v % d for d in range(2, int(v**0.5) + 1)), f"{v} is not prime"
    assert values == sorted(set(values))


def _squares():
    values = set(_take(100))
    for square in (4, 9, 25, 49, 121, 169, 289, 361):
        assert square not in values, f"{square} is a square"
    for p in (5, 7, 11, 13, 23, 29, 47, 53, 167, 173):
        assert p in values, f"{p} is missing"


def _ten_thousandth():
    assert _take(10000)[-1] == 104729


cases = {
    "starts with 2, 3, 5, 7, 11": _start,
    "yields the first 25 primes in order": _first_25,
    "yields 7919 as the 1000th prime": _thousandth,
    "returns an iterator usable with islice": _iterator,
    "starts each call at 2, independently": _independent,
    "never yields 1 or a composite number": _no_composites,
    "yields primes around squares of primes correctly": _squares,
    "yields the 10000th prime quickly": _ten_thousandth,
}
