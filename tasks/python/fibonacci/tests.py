from solution import fibonacci


def _expected(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def _first():
    assert [fibonacci(n) for n in range(2, 12)] == [1, 2, 3, 5, 8, 13, 21, 34, 55, 89]


def _f90():
    assert fibonacci(90) == 2880067194370816120


def _int():
    result = fibonacci(30)
    assert type(result) is int, f"got {type(result).__name__}"
    assert result == 832040


def _base():
    assert fibonacci(0) == 0
    assert fibonacci(1) == 1


def _big():
    assert fibonacci(100) == 354224848179261915075
    assert fibonacci(93) == 12200160415121876738


def _deep():
    result = fibonacci(5000)
    assert result == _expected(5000), "F(5000) is wrong"


def _large():
    result = fibonacci(20000)
    assert result == _expected(20000), "F(20000) is wrong"
    assert result.bit_length() == 13884


def _negative():
    for n in (-1, -10):
        try:
            fibonacci(n)
        except ValueError:
            continue
        raise AssertionError(f"fibonacci({n}) did not raise ValueError")


cases = {
    "returns the first Fibonacci numbers": _first,
    "computes F(90) exactly": _f90,
    "returns an int, not a float": _int,
    "returns 0 for n 0 and 1 for n 1": _base,
    "returns exact values beyond 2**64": _big,
    "handles n 5000 without a RecursionError": _deep,
    "computes F(20000) quickly": _large,
    "raises ValueError for negative n": _negative,
}
