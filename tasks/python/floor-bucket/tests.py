from solution import bucket_start


def _positive():
    assert bucket_start(25, 10) == 20
    assert bucket_start(99, 7) == 98


def _boundary():
    assert bucket_start(20, 10) == 20
    assert bucket_start(0, 5) == 0


def _first_bucket():
    assert bucket_start(9, 10) == 0
    assert bucket_start(1, 10) == 0


def _int():
    result = bucket_start(25, 10)
    assert type(result) is int, f"got {type(result).__name__}"
    assert bucket_start(7, 1) == 7


def _negative():
    assert bucket_start(-1, 10) == -10
    assert bucket_start(-11, 10) == -20
    assert bucket_start(-3, 2) == -4


def _negative_boundary():
    assert bucket_start(-10, 10) == -10
    assert bucket_start(-20, 10) == -20


def _big():
    assert bucket_start(10**30 + 7, 10) == 1000000000000000000000000000000
    assert bucket_start(2**70 + 5, 3) == 1180591620717411303429
    assert bucket_start(-(10**25) - 1, 10**12) == -10000000000001000000000000


def _bad_width():
    for width in (0, -1, -10):
        try:
            bucket_start(5, width)
        except ValueError:
            continue
        raise AssertionError(f"bucket_start(5, {width}) did not raise ValueError")


cases = {
    "returns the start of the bucket for a positive value": _positive,
    "returns the value itself on a bucket boundary": _boundary,
    "returns 0 for values in the first bucket": _first_bucket,
    "returns an int, not a float": _int,
    "rounds negative values down, not toward zero": _negative,
    "keeps negative boundaries in their own bucket": _negative_boundary,
    "stays exact beyond 2**64": _big,
    "raises ValueError for zero or negative width": _bad_width,
}
