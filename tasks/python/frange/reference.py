def frange(start: float, stop: float, step: float) -> list[float]:
    if step == 0:
        raise ValueError("step must not be 0")
    tolerance = 1e-9 * abs(step)
    result: list[float] = []
    i = 0
    while True:
        value = float(start + i * step)
        if (step > 0 and value >= stop - tolerance) or (step < 0 and value <= stop + tolerance):
            return result
        result.append(value)
        i += 1
