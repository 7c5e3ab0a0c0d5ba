def changed_keys(before: dict[str, object], after: dict[str, object]) -> list[str]:
    result = [key for key, value in before.items() if key not in after or after[key] != value]
    result.extend(key for key in after if key not in before)
    return result
