import assert from "node:assert/strict";
import { parseDuration } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "parses hours and minutes": () => {
    assert.equal(parseDuration("1h30m"), 5400);
  },
  "parses a single unit": () => {
    assert.equal(parseDuration("45s"), 45);
    assert.equal(parseDuration("2h"), 7200);
    assert.equal(parseDuration("3d"), 259200);
  },
  "parses all four units": () => {
    assert.equal(parseDuration("1d2h3m4s"), 93784);
    assert.equal(parseDuration("1d4s"), 86404);
  },
  "allows values larger than the next unit": () => {
    assert.equal(parseDuration("90m"), 5400);
    assert.equal(parseDuration("100s"), 100);
    assert.equal(parseDuration("36h"), 129600);
  },
  "parses zero and leading zeros": () => {
    assert.equal(parseDuration("0s"), 0);
    assert.equal(parseDuration("0h0m"), 0);
    assert.equal(parseDuration("007m"), 420);
  },
  "throws on an empty string": () => {
    assert.throws(() => parseDuration(""), SyntaxError);
  },
  "throws on a number without a unit": () => {
    assert.throws(() => parseDuration("30"), SyntaxError);
    assert.throws(() => parseDuration("1h30"), SyntaxError);
  },
  "throws on a unit without a number": () => {
    assert.throws(() => parseDuration("h"), SyntaxError);
    assert.throws(() => parseDuration("1hm"), SyntaxError);
  },
  "throws on an unknown or upper-case unit": () => {
    assert.throws(() => parseDuration("5w"), SyntaxError);
    assert.throws(() => parseDuration("1H"), SyntaxError);
    assert.throws(() => parseDuration("10ms"), SyntaxError);
  },
  "throws on units out of order": () => {
    assert.throws(() => parseDuration("30m1h"), SyntaxError);
    assert.throws(() => parseDuration("5s1d"), SyntaxError);
  },
  "throws on a repeated unit": () => {
    assert.throws(() => parseDuration("1h2h"), SyntaxError);
    assert.throws(() => parseDuration("1m1m"), SyntaxError);
  },
  "throws on whitespace, signs and decimals": () => {
    assert.throws(() => parseDuration("1h 30m"), SyntaxError);
    assert.throws(() => parseDuration(" 5m"), SyntaxError);
    assert.throws(() => parseDuration("-5m"), SyntaxError);
    assert.throws(() => parseDuration("+5m"), SyntaxError);
    assert.throws(() => parseDuration("1.5h"), SyntaxError);
    assert.throws(() => parseDuration("٣m"), SyntaxError);
  },
};
