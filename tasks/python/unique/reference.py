from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def unique(items: Iterable[T]) -> Iterator[T]:
    seen: set = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item
