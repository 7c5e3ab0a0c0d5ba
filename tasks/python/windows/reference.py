from collections import deque
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


def windows(items: Iterable[T], size: int) -> Iterator[tuple[T, ...]]:
    if size < 1:
        raise ValueError("size must be at least 1")
    window: deque = deque(maxlen=size)
    for item in items:
        window.append(item)
        if len(window) == size:
            yield tuple(window)
