from solution import percentages


def _exact():
    assert percentages([1, 1, 2]) == [25, 25, 50]
    assert percentages([3, 7]) == [30, 70]


def _sums():
    for counts in ([1, 1, 1], [1, 2, 3, 4, 5, 6], [7, 7, 7, 7, 7, 7, 7], [1, 998, 1], [33, 33, 34, 1]):
        result = percentages(counts)
        assert sum(result) == 100, f"percentages({counts}) sums to {sum(result)}"
        assert len(result) == len(counts)


def _largest():
    assert percentages([2, 3, 4]) == [22, 33, 45]
    assert percentages([1, 2, 3, 4, 5, 6]) == [5, 9, 14, 19, 24, 29]


def _ties():
    assert percentages([1, 1, 1]) == [34, 33, 33]
    assert percentages([1, 1, 1, 1, 1, 1]) == [17, 17, 17, 17, 16, 16]
    assert percentages([0, 1, 1, 1]) == [0, 34, 33, 33]


def _zeros():
    assert percentages([0, 0]) == [0, 0]
    assert percentages([0]) == [0]


def _empty():
    assert percentages([]) == []


def _single():
    assert percentages([5]) == [100]
    assert percentages([0, 9, 0]) == [0, 100, 0]


def _big():
    assert percentages([10**20, 10**20 + 1, 10**20 + 2]) == [33, 33, 34]
    assert percentages([2**60, 2**60 + 3, 2**60 + 2]) == [33, 34, 33]


def _negative():
    try:
        percentages([5, -1, 3])
    except ValueError:
        return
    raise AssertionError("percentages([5, -1, 3]) did not raise ValueError")


cases = {
    "returns exact percentages when they divide evenly": _exact,
    "always sums to 100": _sums,
    "gives leftover points to the largest remainders": _largest,
    "breaks remainder ties by position": _ties,
    "returns zeros when every count is 0": _zeros,
    "returns an empty list for no counts": _empty,
    "gives 100 to a single count": _single,
    "stays exact for counts beyond 2**53": _big,
    "raises ValueError for a negative count": _negative,
}
