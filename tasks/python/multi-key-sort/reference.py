from typing import Any


def sort_rows(rows: list[dict[str, Any]], keys: list[str]) -> list[dict[str, Any]]:
    result = list(rows)
    for key in reversed(keys):
        descending = key.startswith("-")
        field = key[1:] if descending else key
        result.sort(key=lambda row: row[field], reverse=descending)
    return result
