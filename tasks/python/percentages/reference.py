def percentages(counts: list[int]) -> list[int]:
    if any(c < 0 for c in counts):
        raise ValueError("counts must not be negative")
    total = sum(counts)
    if total == 0:
        return [0] * len(counts)
    shares = [100 * c // total for c in counts]
    remainders = [100 * c % total for c in counts]
    missing = 100 - sum(shares)
    order = sorted(range(len(counts)), key=lambda i: remainders[i], reverse=True)
    for i in order[:missing]:
        shares[i] += 1
    return shares
