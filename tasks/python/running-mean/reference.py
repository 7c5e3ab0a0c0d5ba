from fractions import Fraction
from typing import Iterable, Iterator


def running_mean(values: Iterable[float]) -> Iterator[float]:
    total = Fraction(0)
    count = 0
    for value in values:
        total += Fraction(value)
        count += 1
        yield float(total / count)
