import assert from "node:assert/strict";
import { pivot } from "./solution.ts";

const sales = [
  { region: "north", quarter: "Q1", amount: 10 },
  { region: "north", quarter: "Q2", amount: 20 },
  { region: "south", quarter: "Q1", amount: 5 },
  { region: "south", quarter: "Q2", amount: 7 },
];

export const cases: Record<string, () => void | Promise<void>> = {
  "pivots rows into columns": () => {
    assert.deepEqual(pivot(sales, "region", "quarter", "amount"), [
      { region: "north", Q1: 10, Q2: 20 },
      { region: "south", Q1: 5, Q2: 7 },
    ]);
  },
  "sums duplicate row and column pairs": () => {
    const rows = [
      { who: "ann", day: "mon", hours: 2 },
      { who: "ann", day: "mon", hours: 3.5 },
      { who: "ann", day: "tue", hours: 1 },
      { who: "ann", day: "mon", hours: -1 },
    ];
    assert.deepEqual(pivot(rows, "who", "day", "hours"), [{ who: "ann", mon: 4.5, tue: 1 }]);
  },
  "fills missing cells with null": () => {
    const rows = [
      { r: "a", c: "x", v: 1 },
      { r: "b", c: "y", v: 2 },
    ];
    assert.deepEqual(pivot(rows, "r", "c", "v"), [
      { r: "a", x: 1, y: null },
      { r: "b", x: null, y: 2 },
    ]);
  },
  "keeps rows in order of first appearance": () => {
    const rows = [
      { k: "zeta", c: "x", v: 1 },
      { k: "alpha", c: "x", v: 2 },
      { k: "zeta", c: "y", v: 3 },
      { k: "mid", c: "x", v: 4 },
    ];
    assert.deepEqual(pivot(rows, "k", "c", "v").map((row) => row.k), ["zeta", "alpha", "mid"]);
  },
  "orders columns by first appearance": () => {
    const rows = [
      { k: 1, c: "z", v: 1 },
      { k: 2, c: "b", v: 1 },
      { k: 1, c: "m", v: 1 },
      { k: 2, c: "z", v: 1 },
    ];
    const out = pivot(rows, "k", "c", "v");
    assert.deepEqual(Object.keys(out[0]), ["k", "z", "b", "m"]);
    assert.deepEqual(Object.keys(out[1]), ["k", "z", "b", "m"]);
  },
  "keeps zero values and row key types": () => {
    const rows = [
      { id: 1, c: "x", v: 0 },
      { id: "1", c: "x", v: 5 },
      { id: 1, c: "y", v: 0 },
    ];
    assert.deepEqual(pivot(rows, "id", "c", "v"), [
      { id: 1, x: 0, y: 0 },
      { id: "1", x: 5, y: null },
    ]);
  },
  "column values are converted to strings": () => {
    const rows = [
      { y: 2023, m: 1, v: 3 },
      { y: 2023, m: 12, v: 4 },
      { y: 2024, m: 1, v: 5 },
    ];
    assert.deepEqual(pivot(rows, "y", "m", "v"), [
      { y: 2023, "1": 3, "12": 4 },
      { y: 2024, "1": 5, "12": null },
    ]);
  },
  "empty input gives an empty array": () => {
    assert.deepEqual(pivot([], "a", "b", "c"), []);
  },
  "throws on a value that is not a finite number": () => {
    assert.throws(() => pivot([{ r: "a", c: "x", v: "5" }], "r", "c", "v"), TypeError);
    assert.throws(() => pivot([{ r: "a", c: "x" }], "r", "c", "v"), TypeError);
    assert.throws(() => pivot([{ r: "a", c: "x", v: Number.NaN }], "r", "c", "v"), TypeError);
    assert.throws(() => pivot([{ r: "a", c: "x", v: Infinity }], "r", "c", "v"), TypeError);
    assert.throws(
      () => pivot([{ r: "a", c: "x", v: 1 }, { r: "b", c: "x", v: null }], "r", "c", "v"),
      TypeError,
    );
  },
  "does not modify the input rows": () => {
    const rows = [{ r: "a", c: "x", v: 1 }, { r: "a", c: "x", v: 2 }];
    pivot(rows, "r", "c", "v");
    assert.deepEqual(rows, [{ r: "a", c: "x", v: 1 }, { r: "a", c: "x", v: 2 }]);
  },
};
