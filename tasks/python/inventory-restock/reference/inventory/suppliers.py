"""Suppliers ship each SKU in whole packs of a fixed size."""

PACK_SIZES = {"bolt": 50, "nut": 100, "washer": 25, "gear": 1}


def pack_size(sku):
    """The pack size of `sku`; an SKU no supplier lists ships one unit at a time."""
    return PACK_SIZES.get(sku, 1)


def packs_needed(units, pack):
    """The fewest whole packs of `pack` units holding at least `units` units."""
    if pack <= 0:
        raise ValueError(f"pack size must be positive, got {pack}")
    if units < 1:
        return 0
    return -(-units // pack)
