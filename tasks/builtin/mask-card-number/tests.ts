import assert from "node:assert/strict";
import { maskCard } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "masks a 16-digit number keeping the first six and last four digits": () => {
    assert.equal(maskCard("4111111111111111"), "411111******1111");
  },
  "keeps spaces where they are": () => {
    assert.equal(maskCard("4111 1111 1111 1111"), "4111 11** **** 1111");
  },
  "keeps dashes where they are": () => {
    assert.equal(maskCard("5500-0000-0000-0004"), "5500-00**-****-0004");
  },
  "masks a 15-digit number keeping only the last four digits": () => {
    assert.equal(maskCard("3782 822463 10005"), "**** ****** *0005");
  },
  "masks a 19-digit number": () => {
    assert.equal(maskCard("6011000990139424123"), "601100*********4123");
  },
  "the first six stay visible from exactly 16 digits": () => {
    assert.equal(maskCard("123456789012345"), "***********2345");
    assert.equal(maskCard("1234567890123456"), "123456******3456");
  },
  "accepts the shortest and longest lengths": () => {
    assert.equal(maskCard("123456789012"), "********9012");
    assert.equal(maskCard("1234 5678 9012 3456 789"), "1234 56** **** ***6 789");
  },
  "keeps leading, trailing and repeated separators": () => {
    assert.equal(maskCard(" 4111--1111 1111 1111 "), " 4111--11** **** 1111 ");
  },
  "throws a RangeError on a wrong number of digits": () => {
    assert.throws(() => maskCard("12345678901"), RangeError);
    assert.throws(() => maskCard("12345678901234567890"), RangeError);
    assert.throws(() => maskCard(""), RangeError);
    assert.throws(() => maskCard("---- ----"), RangeError);
  },
  "throws a RangeError on any other character": () => {
    assert.throws(() => maskCard("4111 1111 1111 111x"), RangeError);
    assert.throws(() => maskCard("4111.1111.1111.1111"), RangeError);
    assert.throws(() => maskCard("4111\t1111 1111 1111"), RangeError);
  },
};
