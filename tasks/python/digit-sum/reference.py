def digit_sum(base: int, exponent: int) -> int:
    if exponent < 0:
        raise ValueError("exponent must not be negative")
    value = abs(base**exponent)
    chunk = 10**1000  # peel 1000 digits at a time; each chunk is short enough for str()
    total = 0
    while value:
        value, low = divmod(value, chunk)
        total += sum(map(int, str(low)))
    return total
