from decimal import ROUND_HALF_UP, Decimal, localcontext


def round_money(amount: str) -> str:
    with localcontext() as context:
        context.prec = len(amount) + 3  # every digit of the amount plus the two decimals
        value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if value == 0:
        value = abs(value)
    return f"{value:f}"
