"""Suppliers ship each SKU in whole packs of a fixed size."""

PACK_SIZES = {"bolt": 50, "nut": 100, "washer": 25, "gear": 1}


def pack_size(sku):
    """The pack size of `sku`; an SKU no supplier lists ships one unit at a time."""
    return PACK_SIZES.get(sku, 1)
