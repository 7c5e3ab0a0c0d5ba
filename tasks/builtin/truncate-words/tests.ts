import assert from "node:assert/strict";
import { truncateWords } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "returns short text unchanged": () => {
    assert.equal(truncateWords("hello world", 20), "hello world");
    assert.equal(truncateWords("", 5), "");
  },
  "returns text of exactly max length unchanged": () => {
    assert.equal(truncateWords("hello world", 11), "hello world");
  },
  "cuts at the last word boundary": () => {
    assert.equal(truncateWords("the quick brown fox jumps", 16), "the quick brown…");
    assert.equal(truncateWords("the quick brown fox jumps", 14), "the quick…");
    assert.equal(truncateWords("a bcdefgh", 4), "a…");
  },
  "keeps a word that ends exactly at the limit": () => {
    assert.equal(truncateWords("hello world foo", 12), "hello world…");
  },
  "drops whitespace before the ellipsis": () => {
    assert.equal(truncateWords("hello   world", 9), "hello…");
    assert.equal(truncateWords("one two\tthree\nfour", 13), "one two…");
  },
  "hard-cuts a first word that is too long": () => {
    assert.equal(truncateWords("supercalifragilistic", 6), "super…");
    assert.equal(truncateWords("extraordinary words", 5), "extr…");
  },
  "counts code points not code units": () => {
    assert.equal(truncateWords("😀😀😀", 3), "😀😀😀");
    assert.equal(truncateWords("😀😀 😀😀 😀😀", 6), "😀😀 😀😀…");
    assert.equal(truncateWords("日本語のテキスト", 4), "日本語…");
  },
  "max length 1 returns only the ellipsis": () => {
    assert.equal(truncateWords("hello", 1), "…");
    assert.equal(truncateWords("a", 1), "a");
  },
  "throws on a max length below 1": () => {
    assert.throws(() => truncateWords("hello", 0), RangeError);
    assert.throws(() => truncateWords("hello", -3), RangeError);
  },
  "throws on a fractional max length": () => {
    assert.throws(() => truncateWords("hello world", 2.5), RangeError);
  },
  "result never exceeds max length": () => {
    const text = "lorem ipsum dolor sit amet consectetur adipiscing elit";
    for (let max = 1; max <= text.length; max++) {
      const result = truncateWords(text, max);
      assert.ok(Array.from(result).length <= max, `max ${max}: ${result}`);
    }
  },
};
