import itertools
from typing import Iterator


def primes() -> Iterator[int]:
    # Incremental sieve: each known composite maps to the primes that reach it next.
    composites: dict[int, list[int]] = {}
    for n in itertools.count(2):
        factors = composites.pop(n, None)
        if factors is None:
            yield n
            composites[n * n] = [n]
        else:
            for p in factors:
                composites.setdefault(n + p, []).append(p)
