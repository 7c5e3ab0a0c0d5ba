from inventory.restock import restock_order, shortfall
from inventory.stock import on_hand
from inventory.suppliers import pack_size, packs_needed


def _raises_value_error(call):
    try:
        call()
    except ValueError:
        return True
    return False


def _whole_packs():
    assert restock_order({"bolt": 30}, {"bolt": 100}) == {"bolt": 100}
    assert restock_order({"nut": 1}, {"nut": 2}) == {"nut": 100}


def _exact_shortfall():
    assert restock_order({"washer": 0}, {"washer": 50}) == {"washer": 50}
    assert restock_order({"washer": 25}, {"washer": 75}) == {"washer": 50}


def _at_or_above_target():
    assert restock_order({"bolt": 100, "nut": 120}, {"bolt": 100, "nut": 100}) == {}
    assert restock_order({"bolt": 99}, {"bolt": 100}) == {"bolt": 50}


def _unknown_sku():
    assert restock_order({}, {"sprocket": 7}) == {"sprocket": 7}
    assert restock_order({"bolt": 10}, {"sprocket": 3, "bolt": 10}) == {"sprocket": 3}


def _targets_order():
    order = restock_order({}, {"washer": 10, "bolt": 10, "gear": 2})
    assert list(order.items()) == [("washer", 25), ("bolt", 50), ("gear", 2)]


def _packs_round_up():
    assert packs_needed(1, 50) == 1
    assert packs_needed(50, 50) == 1
    assert packs_needed(51, 50) == 2
    assert packs_needed(7, 1) == 7


def _inputs_unchanged():
    stock = {"bolt": 30, "nut": 500}
    targets = {"bolt": 100, "nut": 100}
    assert restock_order(stock, targets) == {"bolt": 100}
    assert stock == {"bolt": 30, "nut": 500}
    assert targets == {"bolt": 100, "nut": 100}
    assert shortfall(stock, "bolt", 100) == 70
    assert on_hand(stock, "nut") == 500
    assert pack_size("gear") == 1


def _nothing_needed():
    assert packs_needed(0, 50) == 0
    assert packs_needed(-60, 50) == 0
    assert restock_order({"bolt": 5}, {}) == {}
    assert restock_order({"bolt": 0}, {"bolt": 0}) == {}


def _bad_pack_size():
    assert _raises_value_error(lambda: packs_needed(10, 0)), "a pack of 0 raises ValueError"
    assert _raises_value_error(lambda: packs_needed(10, -5)), "a negative pack raises ValueError"


def _negative_target():
    assert _raises_value_error(lambda: restock_order({}, {"bolt": -1})), "target -1 raises ValueError"


def _backorders():
    assert restock_order({"bolt": -20}, {"bolt": 10}) == {"bolt": 50}
    assert restock_order({"gear": -3}, {"gear": 0}) == {"gear": 3}


def _huge_quantities():
    assert packs_needed(10**20 + 1, 50) == 2 * 10**18 + 1
    assert restock_order({}, {"bolt": 10**20 + 1}) == {"bolt": 10**20 + 50}


cases = {
    "orders whole packs to reach the target": _whole_packs,
    "an exact shortfall orders exactly the shortfall": _exact_shortfall,
    "SKUs at or above their target are left out": _at_or_above_target,
    "an unknown SKU has none on hand and ships one at a time": _unknown_sku,
    "the order lists SKUs in the order of the targets": _targets_order,
    "packs_needed rounds up to whole packs": _packs_round_up,
    "stock and targets are not changed, the helpers still work": _inputs_unchanged,
    "nothing to order gives zero packs and an empty order": _nothing_needed,
    "a pack size below 1 raises ValueError": _bad_pack_size,
    "a negative target raises ValueError": _negative_target,
    "backorders (negative stock) are made up too": _backorders,
    "huge quantities stay exact integers": _huge_quantities,
}
