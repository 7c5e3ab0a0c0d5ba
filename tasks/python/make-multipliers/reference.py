from typing import Callable


def make_multipliers(factors: list[int]) -> list[Callable[[int], int]]:
    def make(factor: int) -> Callable[[int], int]:
        return lambda x: x * factor

    return [make(f) for f in factors]
