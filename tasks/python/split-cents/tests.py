from solution import split_cents


def _even():
    assert split_cents(10, 5) == [2, 2, 2, 2, 2]
    assert split_cents(900, 3) == [300, 300, 300]


def _extra_first():
    assert split_cents(100, 3) == [34, 33, 33]
    assert split_cents(11, 4) == [3, 3, 3, 2]


def _sums():
    for total in (0, 1, 99, 100, 101, 12345):
        for parts in (1, 2, 3, 7, 10):
            shares = split_cents(total, parts)
            assert len(shares) == parts
            assert sum(shares) == total, f"split_cents({total}, {parts}) sums to {sum(shares)}"
            assert max(shares) - min(shares) <= 1


def _one_part():
    assert split_cents(7, 1) == [7]
    assert split_cents(-7, 1) == [-7]


def _smaller():
    assert split_cents(2, 4) == [1, 1, 0, 0]
    assert split_cents(1, 3) == [1, 0, 0]


def _negative():
    assert split_cents(-100, 3) == [-33, -33, -34]
    assert split_cents(-7, 2) == [-3, -4]
    assert split_cents(-1, 3) == [0, 0, -1]
    assert split_cents(-9, 3) == [-3, -3, -3]


def _zero():
    assert split_cents(0, 3) == [0, 0, 0]


def _big():
    assert split_cents(10**20 + 1, 2) == [50000000000000000001, 50000000000000000000]
    assert split_cents(-(2**65) - 1, 2) == [-18446744073709551616, -18446744073709551617]


def _bad_parts():
    for parts in (0, -2):
        try:
            split_cents(10, parts)
        except ValueError:
            continue
        raise AssertionError(f"split_cents(10, {parts}) did not raise ValueError")


cases = {
    "splits evenly when the total divides": _even,
    "gives the extra cents to the first shares": _extra_first,
    "always sums to the total": _sums,
    "returns the whole total for one part": _one_part,
    "gives zero shares when the total is smaller than the parts": _smaller,
    "splits a negative total with the largest shares first": _negative,
    "splits a zero total": _zero,
    "stays exact beyond 2**64": _big,
    "raises ValueError for zero or negative parts": _bad_parts,
}
