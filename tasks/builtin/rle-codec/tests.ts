import assert from "node:assert/strict";
import { rle } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "encodes runs as count then character": () => {
    assert.equal(rle.encode("aaabccdddd"), "3a1b2c4d");
    assert.equal(rle.encode("abc"), "1a1b1c");
  },
  "decodes count/character pairs": () => {
    assert.equal(rle.decode("3a1b2c4d"), "aaabccdddd");
    assert.equal(rle.decode("1x"), "x");
  },
  "does not merge separate runs of the same character": () => {
    assert.equal(rle.encode("aabaa"), "2a1b2a");
    assert.equal(rle.decode("2a1b2a"), "aabaa");
  },
  "handles digits in the input": () => {
    assert.equal(rle.encode("112"), "2112");
    assert.equal(rle.decode("2112"), "112");
    assert.equal(rle.encode("a1111b"), "1a411b");
    assert.equal(rle.decode("1a411b"), "a1111b");
  },
  "round-trips arbitrary text": () => {
    for (const text of ["hello world", "  x  ", "0000000000000", "a-b--c---", "9z9z99"]) {
      assert.equal(rle.decode(rle.encode(text)), text);
    }
  },
  "splits runs longer than nine": () => {
    assert.equal(rle.encode("aaaaaaaaa"), "9a");
    assert.equal(rle.encode("aaaaaaaaaa"), "9a1a");
    assert.equal(rle.encode("b".repeat(20)), "9b9b2b");
    assert.equal(rle.decode("9a1a"), "aaaaaaaaaa");
    assert.equal(rle.decode("9a"), "aaaaaaaaa");
  },
  "empty string in both directions": () => {
    assert.equal(rle.encode(""), "");
    assert.equal(rle.decode(""), "");
  },
  "treats astral characters as single characters": () => {
    assert.equal(rle.encode("😀😀😀é"), "3😀1é");
    assert.equal(rle.decode("3😀1é"), "😀😀😀é");
    assert.equal(rle.encode("😀😃"), "1😀1😃");
    assert.equal(rle.decode("2😃"), "😃😃");
  },
  "rejects an odd number of characters": () => {
    assert.throws(() => rle.decode("3"), SyntaxError);
    assert.throws(() => rle.decode("3a2"), SyntaxError);
  },
  "rejects invalid run lengths": () => {
    assert.throws(() => rle.decode("0a"), SyntaxError);
    assert.throws(() => rle.decode("xa"), SyntaxError);
    assert.throws(() => rle.decode("2a0b"), SyntaxError);
    assert.throws(() => rle.decode("😀a"), SyntaxError);
  },
};
