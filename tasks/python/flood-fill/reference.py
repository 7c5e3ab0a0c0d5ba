def flood_fill(grid: list[list[int]], row: int, col: int, color: int) -> list[list[int]]:
    if not (0 <= row < len(grid)) or not (0 <= col < len(grid[row])):
        raise IndexError("start cell is outside the grid")
    result = [list(r) for r in grid]
    old = result[row][col]
    if old == color:
        return result
    stack = [(row, col)]
    result[row][col] = color
    while stack:
        r, c = stack.pop()
        for nr, nc in ((r - 1, c), (r + 1, c), (r, c - 1), (r, c + 1)):
            if 0 <= nr < len(result) and 0 <= nc < len(result[nr]) and result[nr][nc] == old:
                result[nr][nc] = color
                stack.append((nr, nc))
    return result
