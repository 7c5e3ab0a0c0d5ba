import assert from "node:assert/strict";
import { checkoutTotal, discountFor, type Line, subtotal } from "./src/cart.ts";
import { findRule, RULES } from "./src/discounts.ts";

const line = (unitCents: number, qty = 1, sku = "x"): Line => ({ sku, unitCents, qty });

export const cases: Record<string, () => void | Promise<void>> = {
  "WELCOME5 takes 5% off": () => {
    assert.equal(discountFor([line(4000)], "WELCOME5"), 200);
    assert.equal(checkoutTotal([line(4000)], "WELCOME5"), 3800);
  },
  "WELCOME5 has no minimum subtotal": () => {
    assert.equal(checkoutTotal([line(100)], "WELCOME5"), 95);
    assert.equal(checkoutTotal([line(1)], "WELCOME5"), 1);
  },
  "WELCOME5 is capped at 1000 cents": () => {
    assert.equal(discountFor([line(50_000)], "WELCOME5"), 1000);
    assert.equal(checkoutTotal([line(30_000, 2)], "WELCOME5"), 59_000);
  },
  "the cap applies exactly at the boundary": () => {
    assert.equal(discountFor([line(20_000)], "WELCOME5"), 1000);
    assert.equal(discountFor([line(19_990)], "WELCOME5"), 1000);
    assert.equal(discountFor([line(19_980)], "WELCOME5"), 999);
  },
  "existing codes keep their minimum and have no cap": () => {
    assert.equal(discountFor([line(4999)], "SAVE10"), 0);
    assert.equal(discountFor([line(5000)], "SAVE10"), 500);
    assert.equal(discountFor([line(19_999)], "SAVE20"), 0);
    assert.equal(discountFor([line(100_000)], "SAVE20"), 20_000);
    assert.equal(checkoutTotal([line(100_000)], "SAVE10"), 90_000);
  },
  "codes are matched case-insensitively and trimmed": () => {
    assert.equal(discountFor([line(4000)], " welcome5 "), 200);
    assert.equal(findRule("Welcome5")?.maxCents, 1000);
  },
  "unknown or missing codes give no discount": () => {
    assert.equal(checkoutTotal([line(4000)], "WELCOME50"), 4000);
    assert.equal(checkoutTotal([line(4000)]), 4000);
    assert.equal(discountFor([line(4000)], ""), 0);
  },
  "an empty cart costs nothing, with or without a code": () => {
    assert.equal(subtotal([]), 0);
    assert.equal(checkoutTotal([], "WELCOME5"), 0);
  },
  "the rule table lists WELCOME5 after the existing codes": () => {
    assert.deepEqual(RULES.map((r) => r.code), ["SAVE10", "SAVE20", "WELCOME5"]);
    assert.equal(RULES[0].maxCents, undefined);
  },
  "the subtotal multiplies unit price by quantity": () => {
    assert.equal(subtotal([line(250, 4), line(100, 3)]), 1300);
    assert.equal(checkoutTotal([line(250, 4), line(100, 3)], "WELCOME5"), 1235);
  },
};
