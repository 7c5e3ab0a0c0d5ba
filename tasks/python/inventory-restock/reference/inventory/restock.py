"""Restocking: what to order so that each SKU is back at its target level."""
from inventory.stock import on_hand
from inventory.suppliers import pack_size, packs_needed


def shortfall(stock, sku, target):
    """Units of `sku` missing to reach `target` (never negative)."""
    return max(0, target - on_hand(stock, sku))


def restock_order(stock, targets):
    """Units to order per SKU, in whole packs, for every SKU below its target."""
    order = {}
    for sku, target in targets.items():
        if target < 0:
            raise ValueError(f"target for {sku!r} must not be negative, got {target}")
        missing = shortfall(stock, sku, target)
        if missing:
            pack = pack_size(sku)
            order[sku] = packs_needed(missing, pack) * pack
    return order
