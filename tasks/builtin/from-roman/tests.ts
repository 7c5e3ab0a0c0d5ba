import assert from "node:assert/strict";
import { fromRoman } from "./solution.ts";

const rejects = (text: string) => assert.throws(() => fromRoman(text), RangeError, text);

export const cases: Record<string, () => void | Promise<void>> = {
  "reads additive numerals": () => {
    assert.equal(fromRoman("III"), 3);
    assert.equal(fromRoman("VIII"), 8);
    assert.equal(fromRoman("LXVI"), 66);
    assert.equal(fromRoman("MDCLXVI"), 1666);
  },
  "reads subtractive pairs": () => {
    assert.equal(fromRoman("IV"), 4);
    assert.equal(fromRoman("IX"), 9);
    assert.equal(fromRoman("XL"), 40);
    assert.equal(fromRoman("XC"), 90);
    assert.equal(fromRoman("CD"), 400);
    assert.equal(fromRoman("CM"), 900);
  },
  "reads mixed numerals": () => {
    assert.equal(fromRoman("MCMXCIV"), 1994);
    assert.equal(fromRoman("MMXXIV"), 2024);
    assert.equal(fromRoman("XLIX"), 49);
    assert.equal(fromRoman("CDXLIV"), 444);
  },
  "accepts the smallest and largest values": () => {
    assert.equal(fromRoman("I"), 1);
    assert.equal(fromRoman("II"), 2);
    assert.equal(fromRoman("MMMCMXCIX"), 3999);
    assert.equal(fromRoman("MMM"), 3000);
  },
  "rejects too many repetitions": () => {
    for (const text of ["IIII", "XXXX", "CCCC", "VV", "LL", "DD", "VIIII"]) rejects(text);
  },
  "rejects invalid subtractive pairs": () => {
    for (const text of ["IC", "IL", "IM", "VX", "XM", "LC", "IIV", "IXI", "XCX"]) rejects(text);
  },
  "rejects values out of range": () => {
    rejects("");
    rejects("MMMM");
    rejects("MMMMCMXCIX");
  },
  "rejects lowercase, spaces and other characters": () => {
    for (const text of ["iv", "Xi", " X", "X ", "X1", "A", "X-I", "Ⅻ"]) rejects(text);
  },
};
