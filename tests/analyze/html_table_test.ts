import assert from "node:assert/strict";
import { htmlTable } from "../../lib/analyze/html_table.ts";

/** The text of every header cell. */
const headers = (html: string) => [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
/** The text of every body cell. */
const cells = (html: string) => [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);

Deno.test("htmlTable() writes headers in words and rates as percentages", () => {
  const html = htmlTable([
    { model: "m", passRate: 0.6612, weightedAccuracy: 1, ttftP50: 112.4, "pass@3": 1 },
    { model: "n", passRate: 0.25, weightedAccuracy: -0.061, ttftP50: 99.6, "pass@3": 0.5 },
  ]);
  assert.deepEqual(headers(html), [
    "model",
    "pass rate",
    "weighted accuracy",
    "TTFT p50 (ms)",
    "pass@3",
  ]);
  assert.deepEqual(cells(html), [
    "m",
    "66%",
    "1.00",
    "112",
    "100%",
    "n",
    "25%",
    "−0.06",
    "100",
    "50%",
  ]);
  assert.doesNotMatch(html, /<th[^>]*>[a-z]+[A-Z]/, "no camelCase header");
});

Deno.test("htmlTable() writes other numbers with the same decimals down a column", () => {
  const html = htmlTable([{ x: 1, n: 3 }, { x: 0.25, n: 12 }, { x: -0.5, n: null }], {
    maxdigits: 3,
  });
  assert.deepEqual(cells(html).filter((c) => c !== ""), ["1.00", "3", "0.25", "12", "−0.50"]);
  assert.match(html, /color: #9ca3af;">–</, "null as a grey dash");
});

Deno.test("htmlTable() keeps names and plain numbers when words is false, and honours formats", () => {
  const rows = [{ passRate: 0.5, share: 0.123 }];
  assert.deepEqual(headers(htmlTable(rows, { words: false })), ["passRate", "share"]);
  assert.deepEqual(cells(htmlTable(rows, { words: false })), ["0.5", "0.123"]);
  assert.deepEqual(cells(htmlTable(rows, { formats: { share: "percent" } })), ["50%", "12%"]);
});

Deno.test("htmlTable() escapes text, limits rows and says when there is nothing", () => {
  const html = htmlTable([{ a: '<b>"x"' }, { a: "y" }, { a: "z" }], { limit: 2, caption: "A & B" });
  assert.match(html, /&lt;b>&quot;x&quot;/);
  assert.match(html, /A &amp; B/);
  assert.match(html, /… 1 more row</);
  assert.match(htmlTable([], { empty: "Nothing." }), /Nothing\./);
});
