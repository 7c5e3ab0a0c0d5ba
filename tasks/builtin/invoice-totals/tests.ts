import assert from "node:assert/strict";
import { invoiceTotals } from "./solution.ts";

const line = (unitPriceCents: number, quantity = 1, discountPercent?: number) => ({
  sku: `sku-${unitPriceCents}`,
  quantity,
  unitPriceCents,
  discountPercent,
});

export const cases: Record<string, () => void | Promise<void>> = {
  "sums line amounts and adds tax": () => {
    assert.deepEqual(invoiceTotals([line(1_000, 2), line(250, 4)], 1_000), {
      lines: [2_000, 1_000],
      subtotal: 3_000,
      tax: 300,
      total: 3_300,
    });
  },
  "applies line discounts": () => {
    assert.deepEqual(invoiceTotals([line(2_000, 3, 25), line(999, 1, 10)], 0).lines, [4_500, 899]);
  },
  "rounds line amounts to the nearest cent": () => {
    const lines = [line(333, 1, 15), line(13, 7, 17), line(999, 1, 15)];
    assert.deepEqual(invoiceTotals(lines, 0).lines, [283, 76, 849]);
    assert.deepEqual(invoiceTotals([line(127, 1, 90), line(1_247, 1, 90)], 0).lines, [13, 125]);
  },
  "rounds exact halves to the even cent": () => {
    const result = invoiceTotals(
      [line(25, 1, 50), line(27, 1, 50), line(1, 1, 50), line(3, 1, 50)],
      0,
    );
    assert.deepEqual(result.lines, [12, 14, 0, 2]);
    assert.deepEqual(invoiceTotals([line(105, 1, 10)], 0).lines, [94]);
    assert.deepEqual(invoiceTotals([line(115, 1, 10)], 0).lines, [104]);
  },
  "rounds the tax half to even": () => {
    assert.equal(invoiceTotals([line(125)], 1_000).tax, 12);
    assert.equal(invoiceTotals([line(135)], 1_000).tax, 14);
    assert.equal(invoiceTotals([line(1_000)], 825).tax, 82);
    assert.equal(invoiceTotals([line(1_234)], 825).tax, 102);
    assert.equal(invoiceTotals([line(200)], 825).tax, 16);
    assert.deepEqual(invoiceTotals([line(2_500, 1, 50)], 500), {
      lines: [1_250],
      subtotal: 1_250,
      tax: 62,
      total: 1_312,
    });
  },
  "amounts below one cent": () => {
    const lines = [line(1, 1, 50), line(3, 1, 50), line(7, 1, 90), line(3, 1, 90), line(15, 1, 90)];
    assert.deepEqual(invoiceTotals(lines, 0).lines, [0, 2, 1, 0, 2]);
    assert.equal(invoiceTotals([line(5)], 1_000).tax, 0);
    assert.equal(invoiceTotals([line(15)], 1_000).tax, 2);
    assert.equal(invoiceTotals([line(7)], 1_000).tax, 1);
  },
  "rounds each line before summing": () => {
    const result = invoiceTotals([line(25, 1, 50), line(25, 1, 50), line(25, 1, 50)], 0);
    assert.deepEqual(result.lines, [12, 12, 12]);
    assert.equal(result.subtotal, 36);
  },
  "an empty invoice totals zero": () => {
    assert.deepEqual(invoiceTotals([], 2_000), { lines: [], subtotal: 0, tax: 0, total: 0 });
  },
  "discount bounds of 0 and 100 percent": () => {
    assert.deepEqual(invoiceTotals([line(500, 2, 100), line(500, 2, 0), line(500, 1)], 0).lines, [
      0,
      1_000,
      500,
    ]);
  },
  "zero prices and a zero tax rate": () => {
    assert.deepEqual(invoiceTotals([line(0, 5)], 0), { lines: [0], subtotal: 0, tax: 0, total: 0 });
    assert.deepEqual(invoiceTotals([line(1, 1)], 0), { lines: [1], subtotal: 1, tax: 0, total: 1 });
  },
  "rejects invalid lines and rates": () => {
    const bad = [
      line(100, 0),
      line(100, -1),
      line(100, 1.5),
      line(-1, 1),
      line(10.5, 1),
      line(100, 1, -1),
      line(100, 1, 101),
      line(100, 1, 12.5),
    ];
    for (const l of bad) assert.throws(() => invoiceTotals([line(5), l], 0), RangeError);
    assert.throws(() => invoiceTotals([line(5)], -1), RangeError);
    assert.throws(() => invoiceTotals([line(5)], 7.5), RangeError);
    assert.throws(() => invoiceTotals([], Number.NaN), RangeError);
  },
};
