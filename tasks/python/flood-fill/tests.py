from solution import flood_fill


def _region():
    assert flood_fill([[1, 1, 0], [0, 1, 0], [1, 0, 1]], 0, 0, 7) == [[7, 7, 0], [0, 7, 0], [1, 0, 1]]


def _stops():
    grid = [[2, 2, 3], [2, 3, 3], [3, 3, 2]]
    assert flood_fill(grid, 0, 2, 5) == [[2, 2, 5], [2, 5, 5], [5, 5, 2]]


def _diagonal():
    grid = [[1, 0], [0, 1]]
    assert flood_fill(grid, 0, 0, 9) == [[9, 0], [0, 1]]


def _no_mutation():
    grid = [[1, 1], [1, 0]]
    rows = list(grid)
    result = flood_fill(grid, 0, 0, 4)
    assert grid == [[1, 1], [1, 0]]
    assert all(a is b for a, b in zip(grid, rows))
    assert all(r is not g for r, g in zip(result, grid))


def _middle():
    grid = [[0, 0, 0, 0], [0, 1, 1, 0], [0, 1, 0, 0], [0, 0, 0, 1]]
    assert flood_fill(grid, 2, 1, 8) == [[0, 0, 0, 0], [0, 8, 8, 0], [0, 8, 0, 0], [0, 0, 0, 1]]
    assert flood_fill(grid, 2, 2, 3) == [[3, 3, 3, 3], [3, 1, 1, 3], [3, 1, 3, 3], [3, 3, 3, 1]]


def _same_color():
    grid = [[1, 2], [2, 1]]
    result = flood_fill(grid, 0, 0, 1)
    assert result == [[1, 2], [2, 1]]
    assert result is not grid and result[0] is not grid[0]


def _single():
    assert flood_fill([[5]], 0, 0, 6) == [[6]]


def _bad_index():
    grid = [[1, 2], [3, 4]]
    for row, col in ((2, 0), (0, 2), (-1, 0), (0, -1)):
        try:
            flood_fill(grid, row, col, 0)
        except IndexError:
            continue
        raise AssertionError(f"flood_fill(grid, {row}, {col}, 0) did not raise IndexError")
    try:
        flood_fill([], 0, 0, 1)
    except IndexError:
        return
    raise AssertionError("flood_fill([], 0, 0, 1) did not raise IndexError")


def _large():
    size = 200
    grid = [[0] * size for _ in range(size)]
    grid[100][100] = 1
    result = flood_fill(grid, 0, 0, 2)
    assert sum(row.count(2) for row in result) == size * size - 1
    assert result[100][100] == 1
    assert grid[0][0] == 0


def _same_color_region():
    grid = [[3, 3, 4], [5, 3, 4]]
    result = flood_fill(grid, 0, 1, 3)
    assert result == [[3, 3, 4], [5, 3, 4]]
    assert result[0] is not grid[0] and result[1] is not grid[1]


cases = {
    "fills a connected region": _region,
    "stops at cells of another colour": _stops,
    "does not fill diagonally": _diagonal,
    "does not mutate or share rows with the input grid": _no_mutation,
    "fills from a cell in the middle of the grid": _middle,
    "returns an equal copy when the colour is unchanged": _same_color,
    "fills a single-cell grid": _single,
    "raises IndexError for out-of-range or negative coordinates": _bad_index,
    "fills a 200 x 200 region without a RecursionError": _large,
    "returns an equal copy when a whole region already has the colour": _same_color_region,
}
