import math


def mean(values: list[float]) -> float | None:
    if not values:
        return None
    return math.fsum(values) / len(values)
