from typing import Any, Callable


def pipeline(*funcs: Callable[[Any], Any]) -> Callable[[Any], Any]:
    steps = tuple(funcs)

    def run(value: Any) -> Any:
        for step in steps:
            value = step(value)
        return value

    return run
