from typing import Iterable, Iterator


def parse_settings(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        key = key.strip()
        if not sep or not key:
            raise ValueError(f"line {number}: expected key=value")
        yield key, value.strip()
