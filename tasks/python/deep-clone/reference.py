from typing import Any


def _empty_like(value: Any) -> Any:
    if isinstance(value, dict):
        return {}
    if isinstance(value, list):
        return []
    return value


def clone(data: Any) -> Any:
    root = _empty_like(data)
    # Each entry pairs a source container with its (still empty) copy; filled in order.
    stack = [(data, root)] if root is not data else []
    while stack:
        source, target = stack.pop()
        if isinstance(source, dict):
            for key, value in source.items():
                copied = _empty_like(value)
                target[key] = copied
                if copied is not value:
                    stack.append((value, copied))
        else:
            for value in source:
                copied = _empty_like(value)
                target.append(copied)
                if copied is not value:
                    stack.append((value, copied))
    return root
