import assert from "node:assert/strict";
import { longestUniqueRun } from "./solution.ts";

/** A seeded PRNG (mulberry32): the same input on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const cases: Record<string, () => void | Promise<void>> = {
  "finds the longest run of distinct characters": () => {
    assert.equal(longestUniqueRun("abcabcbb"), "abc");
    assert.equal(longestUniqueRun("dvdf"), "vdf");
  },
  "finds a run in the middle": () => {
    assert.equal(longestUniqueRun("pwwkew"), "wke");
    assert.equal(longestUniqueRun("aab"), "ab");
  },
  "returns the whole string when no character repeats": () => {
    assert.equal(longestUniqueRun("abcdef"), "abcdef");
  },
  "is case-sensitive and counts spaces": () => {
    assert.equal(longestUniqueRun("aAbB a"), "aAbB ");
  },
  "returns the first of equally long runs": () => {
    assert.equal(longestUniqueRun("abcbca"), "abc");
    assert.equal(longestUniqueRun("xyzzyx"), "xyz");
  },
  "returns an empty string for empty input": () => {
    assert.equal(longestUniqueRun(""), "");
  },
  "returns one character when all are equal": () => {
    assert.equal(longestUniqueRun("aaaa"), "a");
    assert.equal(longestUniqueRun("b"), "b");
  },
  "treats an emoji as one character": () => {
    assert.equal(longestUniqueRun("😀😁😀"), "😀😁");
    assert.equal(longestUniqueRun("a😀b😀cd"), "b😀cd");
    assert.equal(longestUniqueRun("\u{1F600}\u{1F601}\u{1F602}"), "😀😁😂");
  },
  "handles a window that moves past an old repeat": () => {
    assert.equal(longestUniqueRun("abba"), "ab");
    assert.equal(longestUniqueRun("tmmzuxt"), "mzuxt");
  },
  "scans 180 000 characters with a 60 000-character answer quickly": () => {
    // A shuffled block of 60 000 distinct BMP characters (no surrogates), three times over:
    // every window of 60 000 is repeat-free, so a per-start scan does 10^10 steps.
    const next = random(11);
    const block = Array.from({ length: 60_000 }, (_, i) => i < 0xd800 - 0x100 ? 0x100 + i : i + 0x900);
    for (let i = block.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [block[i], block[j]] = [block[j], block[i]];
    }
    const once = String.fromCharCode(...block.slice(0, 30_000)) +
      String.fromCharCode(...block.slice(30_000));
    const result = longestUniqueRun(once + once + once);
    assert.equal(result.length, 60_000);
    assert.ok(result === once, "expected the first window, the block itself");
  },
};
