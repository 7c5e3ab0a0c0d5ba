import assert from "node:assert/strict";
import { isPalindrome } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "accepts a simple palindrome": () => {
    assert.equal(isPalindrome("racecar"), true);
    assert.equal(isPalindrome("abba"), true);
  },
  "rejects a non-palindrome": () => {
    assert.equal(isPalindrome("hello"), false);
    assert.equal(isPalindrome("ab"), false);
  },
  "ignores case": () => {
    assert.equal(isPalindrome("RaceCar"), true);
    assert.equal(isPalindrome("Noon"), true);
  },
  "ignores punctuation and spaces": () => {
    assert.equal(isPalindrome("A man, a plan, a canal: Panama!"), true);
    assert.equal(isPalindrome("No 'x' in Nixon"), true);
  },
  "counts digits as significant": () => {
    assert.equal(isPalindrome("12321"), true);
    assert.equal(isPalindrome("1a2"), false);
    assert.equal(isPalindrome("1-2-1"), true);
  },
  "treats empty input as a palindrome": () => {
    assert.equal(isPalindrome(""), true);
  },
  "treats input without letters or digits as a palindrome": () => {
    assert.equal(isPalindrome("!?, ..."), true);
    assert.equal(isPalindrome("😀🎉"), true);
  },
  "handles non-latin letters": () => {
    assert.equal(isPalindrome("А роза упала на лапу Азора"), true);
    assert.equal(isPalindrome("Été"), true);
    assert.equal(isPalindrome("étè"), false);
  },
  "handles letters outside the basic multilingual plane": () => {
    assert.equal(isPalindrome("𝒜b𝒜"), true);
    assert.equal(isPalindrome("𝒜𝒞"), false);
  },
  "single letter is a palindrome": () => {
    assert.equal(isPalindrome("x"), true);
    assert.equal(isPalindrome(" Z! "), true);
  },
  "compares the middle pair": () => {
    assert.equal(isPalindrome("abxya"), false);
    assert.equal(isPalindrome("abcdba"), false);
  },
};
