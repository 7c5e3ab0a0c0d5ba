from typing import Any


def set_path(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    keys = path.split(".")
    if not path or any(not key for key in keys):
        raise ValueError(f"invalid path: {path!r}")
    root = dict(data)
    node = root
    for key in keys[:-1]:
        child = node.get(key, {})
        if not isinstance(child, dict):
            raise TypeError(f"{key!r} is not a dict")
        child = dict(child)
        node[key] = child
        node = child
    node[keys[-1]] = value
    return root
