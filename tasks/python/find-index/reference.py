def find_index(items: list[object], target: object) -> int:
    for index, item in enumerate(items):
        if item == target:
            return index
    return -1
