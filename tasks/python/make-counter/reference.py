from typing import Callable


def make_counter(start: int = 0, step: int = 1) -> Callable[[], int]:
    if step == 0:
        raise ValueError("step must not be 0")
    current = start

    def counter() -> int:
        nonlocal current
        value = current
        current += step
        return value

    return counter
