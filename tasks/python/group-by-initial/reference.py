def group_by_initial(words: list[str], groups: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    if groups is None:
        groups = {}
    for word in words:
        if not word:
            continue
        key = word[0].lower()
        if key in groups:
            groups[key].append(word)
        else:
            groups[key] = [word]
    return groups
