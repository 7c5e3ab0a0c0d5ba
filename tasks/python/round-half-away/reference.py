import math


def round_half_away(x: float) -> int:
    if math.isnan(x) or math.isinf(x):
        raise ValueError("x must be finite")
    magnitude = abs(x)
    down = math.floor(magnitude)
    fraction = magnitude - down  # exact for a non-negative float and its floor
    rounded = down + 1 if fraction >= 0.5 else down
    return -rounded if x < 0 else rounded
