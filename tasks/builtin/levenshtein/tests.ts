import assert from "node:assert/strict";
import { levenshtein } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "classic examples": () => {
    assert.equal(levenshtein("kitten", "sitting"), 3);
    assert.equal(levenshtein("flaw", "lawn"), 2);
    assert.equal(levenshtein("intention", "execution"), 5);
  },
  "identical strings have distance zero": () => {
    assert.equal(levenshtein("same", "same"), 0);
    assert.equal(levenshtein("a", "a"), 0);
  },
  "single insertions, deletions and substitutions": () => {
    assert.equal(levenshtein("cat", "cats"), 1);
    assert.equal(levenshtein("cats", "cat"), 1);
    assert.equal(levenshtein("cat", "cut"), 1);
    assert.equal(levenshtein("cat", "at"), 1);
    assert.equal(levenshtein("at", "cat"), 1);
  },
  "is symmetric": () => {
    const pairs: [string, string][] = [["sunday", "saturday"], ["abc", "yabd"], ["book", "back"]];
    for (const [x, y] of pairs) assert.equal(levenshtein(x, y), levenshtein(y, x));
    assert.equal(levenshtein("sunday", "saturday"), 3);
    assert.equal(levenshtein("abc", "yabd"), 2);
  },
  "a transposition costs two edits": () => {
    assert.equal(levenshtein("ab", "ba"), 2);
    assert.equal(levenshtein("abcd", "acbd"), 2);
  },
  "empty strings": () => {
    assert.equal(levenshtein("", ""), 0);
    assert.equal(levenshtein("", "abc"), 3);
    assert.equal(levenshtein("abcd", ""), 4);
  },
  "counts code points, not UTF-16 units": () => {
    assert.equal(levenshtein("😀", "a"), 1);
    assert.equal(levenshtein("😀", ""), 1);
    assert.equal(levenshtein("a😀b", "ab"), 1);
    assert.equal(levenshtein("😀😃", "😃😀"), 2);
    assert.equal(levenshtein("👍", "👎"), 1);
  },
  "does not normalize combining characters": () => {
    assert.equal(levenshtein("e\u0301", "\u00e9"), 2);
    assert.equal(levenshtein("cafe\u0301", "caf\u00e9"), 2);
  },
  "completely different strings": () => {
    assert.equal(levenshtein("abc", "xyz"), 3);
    assert.equal(levenshtein("ab", "wxyz"), 4);
  },
  "is case sensitive": () => {
    assert.equal(levenshtein("Hello", "hello"), 1);
    assert.equal(levenshtein("ABC", "abc"), 3);
  },
};
