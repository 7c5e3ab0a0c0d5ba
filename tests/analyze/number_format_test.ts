import assert from "node:assert/strict";
import {
  columnFormat,
  columnFormatter,
  cutAtWord,
  formatFixed,
  formatPercent,
  MINUS,
} from "../../lib/analyze/number_format.ts";

Deno.test("formatFixed() writes negatives with U+2212 and never a signed zero", () => {
  assert.equal(MINUS, "\u2212");
  assert.equal(formatFixed(-0.0612, 2), `${MINUS}0.06`);
  assert.equal(formatFixed(-0.004, 2), "0.00");
  assert.equal(formatFixed(-0, 0), "0");
  assert.equal(formatFixed(2.5, 1), "2.5");
  assert.doesNotMatch(formatFixed(-12345.678, 1), /-/);
});

Deno.test("formatPercent() writes a share as a whole percentage, null as null", () => {
  assert.equal(formatPercent(0.661), "66%");
  assert.equal(formatPercent(0), "0%");
  assert.equal(formatPercent(-0.02), `${MINUS}2%`);
  assert.equal(formatPercent(undefined), null);
});

Deno.test("columnFormatter() writes a column's numbers with one number of decimals", () => {
  const values = [1, 0.25, -0.5];
  assert.deepEqual(values.map(columnFormatter(values, "auto", 3)), [
    "1.00",
    "0.25",
    `${MINUS}0.50`,
  ]);
  const thirds = [1 / 3, 1];
  assert.deepEqual(thirds.map(columnFormatter(thirds, "auto", 3)), ["0.333", "1.000"]);
  assert.deepEqual([3, 12].map(columnFormatter([3, 12, null], "auto")), ["3", "12"]);
  assert.equal(columnFormatter([], "fixed2")(1), "1.00");
  assert.equal(columnFormatter([], "integer")(1234.6), "1235");
});

Deno.test("columnFormat() knows rates, pass@k, weighted accuracy and times by name", () => {
  assert.equal(columnFormat("passRate"), "percent");
  assert.equal(columnFormat("pass@10"), "percent");
  assert.equal(columnFormat("consistency"), "percent");
  assert.equal(columnFormat("weightedAccuracy"), "fixed2");
  assert.equal(columnFormat("ttftP90"), "integer");
  assert.equal(columnFormat("tasks"), "auto");
});

Deno.test("cutAtWord() cuts at the last whole word and marks the cut with …", () => {
  const text = "expected the sum of the pairs to equal 10 but it was 12";
  const cut = cutAtWord(text, 30);
  assert.ok(cut.length <= 30 && cut.endsWith("…"));
  assert.ok(text.startsWith(cut.slice(0, -1)), "a prefix of the text");
  assert.match(text.slice(cut.length - 1), /^\s/, "cut before a space, not mid-word");
  assert.equal(cutAtWord("word, word", 8), "word…", "no trailing punctuation before …");
  assert.equal(cutAtWord("line one\nline two", 100), "line one\nline two");
  assert.equal(cutAtWord("https://example.com/a/very/long/path", 12), "https://exa…");
});
