"""Restocking: what to order so that each SKU is back at its target level."""
from inventory.stock import on_hand


def shortfall(stock, sku, target):
    """Units of `sku` missing to reach `target` (never negative)."""
    return max(0, target - on_hand(stock, sku))
