from typing import Any


def with_defaults(options: dict[str, Any] | None = None) -> dict[str, Any]:
    result: dict[str, Any] = {"timeout": 30, "retries": 3, "headers": {"Accept": "application/json"}}
    for key, value in (options or {}).items():
        if key == "headers":
            result["headers"].update(value)
        else:
            result[key] = value
    return result
