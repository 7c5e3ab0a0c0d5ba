"""Stock levels: a dict mapping each SKU to the units on hand (negative for a backorder)."""


def on_hand(stock, sku):
    """Units of `sku` on hand; an SKU missing from `stock` has none."""
    return stock.get(sku, 0)
