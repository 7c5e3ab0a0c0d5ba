def binomial(n: int, k: int) -> int:
    if n < 0:
        raise ValueError("n must not be negative")
    if k < 0 or k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for i in range(k):
        result = result * (n - i) // (i + 1)  # exact: a product of i + 1 consecutive ints
    return result
