from typing import Iterable

_MISSING = object()


def all_equal(items: Iterable[object]) -> bool:
    iterator = iter(items)
    first = next(iterator, _MISSING)
    if first is _MISSING:
        return True
    return all(item == first for item in iterator)
