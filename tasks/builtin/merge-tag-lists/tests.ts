import assert from "node:assert/strict";
import { mergeTags } from "./solution.ts";

export const cases: Record<string, () => void | Promise<void>> = {
  "merges lists and removes duplicates": () => {
    assert.deepEqual(mergeTags([["news", "tech"], ["tech", "ai"], ["news"]]), [
      "news",
      "tech",
      "ai",
    ]);
  },
  "keeps the order of first appearance, not alphabetical": () => {
    assert.deepEqual(mergeTags([["zebra", "apple"], ["mango", "apple", "banana"]]), [
      "zebra",
      "apple",
      "mango",
      "banana",
    ]);
    assert.deepEqual(mergeTags([["b"], ["a", "c"], ["b", "a"]]), ["b", "a", "c"]);
  },
  "compares case-insensitively and keeps the first spelling": () => {
    assert.deepEqual(mergeTags([["TypeScript", "deno"], ["typescript", "Deno", "DENO", "Node"]]), [
      "TypeScript",
      "deno",
      "Node",
    ]);
    assert.deepEqual(mergeTags([["Élan"], ["éLAN", "ünï", "ÜNÏ"]]), ["Élan", "ünï"]);
  },
  "trims whitespace and one leading hash": () => {
    assert.deepEqual(mergeTags([["  news ", "#tech", " #ai ", "# ml", "#ai"], ["tech", "##x"]]), [
      "news",
      "tech",
      "ai",
      "ml",
      "#x",
    ]);
  },
  "drops tags that are empty after cleaning": () => {
    assert.deepEqual(mergeTags([["", "  ", "#", " # ", "ok", "\t"]]), ["ok"]);
  },
  "keeps at most max tags": () => {
    assert.deepEqual(mergeTags([["a", "b"], ["c", "d"]], 3), ["a", "b", "c"]);
    assert.deepEqual(mergeTags([["a", "A", "b", "#a", "c"]], 2), ["a", "b"]);
  },
  "max boundaries": () => {
    assert.deepEqual(mergeTags([["a", "b", "c"]], 0), []);
    assert.deepEqual(mergeTags([["a", "b", "c"]], 3), ["a", "b", "c"]);
    assert.deepEqual(mergeTags([["a", "b", "c"]], 4), ["a", "b", "c"]);
    assert.deepEqual(mergeTags([["a", "b", "c"]], 1), ["a"]);
    assert.deepEqual(mergeTags([["a", "b", "c"]], Infinity), ["a", "b", "c"]);
  },
  "empty inputs": () => {
    assert.deepEqual(mergeTags([]), []);
    assert.deepEqual(mergeTags([[], []]), []);
    assert.deepEqual(mergeTags([[], ["x"]]), ["x"]);
  },
  "does not modify the input lists": () => {
    const lists = [[" b ", "a"], ["#c"]];
    mergeTags(lists, 2);
    assert.deepEqual(lists, [[" b ", "a"], ["#c"]]);
  },
  "rejects an invalid max": () => {
    for (const bad of [-1, 1.5, Number.NaN, -Infinity]) {
      assert.throws(() => mergeTags([["a"]], bad), RangeError);
    }
  },
};
