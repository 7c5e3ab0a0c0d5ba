import assert from "node:assert/strict";
import { customerTotals } from "./solution.ts";

type Status = "paid" | "pending" | "refunded";
const order = (id: string, customer: string, amountCents: number, status: Status = "paid") => ({
  id,
  customer,
  amountCents,
  status,
});

export const cases: Record<string, () => void | Promise<void>> = {
  "sums paid orders per customer": () => {
    assert.deepEqual(
      customerTotals([order("1", "ann", 500), order("2", "bob", 300), order("3", "ann", 250)]),
      [{ customer: "ann", orders: 2, totalCents: 750 }, { customer: "bob", orders: 1, totalCents: 300 }],
    );
  },
  "sorts by total descending": () => {
    const rows = customerTotals([order("1", "a", 100), order("2", "b", 900), order("3", "c", 500)]);
    assert.deepEqual(rows.map((r) => r.customer), ["b", "c", "a"]);
  },
  "breaks ties by customer name": () => {
    const rows = customerTotals([order("1", "zoe", 100), order("2", "Al", 100), order("3", "al", 100)]);
    assert.deepEqual(rows.map((r) => r.customer), ["Al", "al", "zoe"]);
    const names = ["e", "d", "c", "b", "a"].map((name, i) => order(String(i), name, 7));
    assert.deepEqual(customerTotals(names).map((r) => r.customer), ["a", "b", "c", "d", "e"]);
  },
  "subtracts refunded orders": () => {
    assert.deepEqual(
      customerTotals([order("1", "ann", 1000), order("2", "ann", 400, "refunded")]),
      [{ customer: "ann", orders: 2, totalCents: 600 }],
    );
  },
  "ignores pending orders entirely": () => {
    assert.deepEqual(
      customerTotals([order("1", "ann", 1000, "pending"), order("2", "bob", 10), order("3", "bob", 5, "pending")]),
      [{ customer: "bob", orders: 1, totalCents: 10 }],
    );
  },
  "counts a repeated order id only once": () => {
    assert.deepEqual(
      customerTotals([order("A1", "ann", 500), order("B7", "bob", 200), order("A1", "ann", 500), order("A1", "ann", 500)]),
      [{ customer: "ann", orders: 1, totalCents: 500 }, { customer: "bob", orders: 1, totalCents: 200 }],
    );
  },
  "the first occurrence of a repeated id decides": () => {
    assert.deepEqual(
      customerTotals([order("X", "ann", 100, "pending"), order("X", "ann", 100, "paid"), order("Y", "cy", 1)]),
      [{ customer: "cy", orders: 1, totalCents: 1 }],
    );
    assert.deepEqual(
      customerTotals([order("X", "ann", 100, "paid"), order("X", "bob", 900, "paid")]),
      [{ customer: "ann", orders: 1, totalCents: 100 }],
    );
  },
  "returns an empty array for no orders": () => {
    assert.deepEqual(customerTotals([]), []);
  },
  "keeps customers with a negative or zero total": () => {
    assert.deepEqual(
      customerTotals([order("1", "ann", 300, "refunded"), order("2", "bob", 0), order("3", "cy", 50)]),
      [
        { customer: "cy", orders: 1, totalCents: 50 },
        { customer: "bob", orders: 1, totalCents: 0 },
        { customer: "ann", orders: 1, totalCents: -300 },
      ],
    );
  },
  "throws a RangeError on an invalid amount": () => {
    assert.throws(() => customerTotals([order("1", "ann", 10), order("2", "ann", -1)]), RangeError);
    assert.throws(() => customerTotals([order("1", "ann", 10.5)]), RangeError);
    assert.throws(() => customerTotals([order("1", "ann", 5, "pending"), order("1", "ann", NaN)]), RangeError);
  },
};
