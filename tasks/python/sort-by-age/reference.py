def sort_by_age(people: list[tuple[str, int]], descending: bool = False) -> list[tuple[str, int]]:
    return sorted(people, key=lambda person: person[1], reverse=descending)
