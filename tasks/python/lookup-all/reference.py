def lookup_all(index: dict[str, list[int]], words: list[str]) -> list[list[int]]:
    return [list(index[word]) if word in index else [] for word in words]
