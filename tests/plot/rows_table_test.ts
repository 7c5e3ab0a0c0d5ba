import assert from "node:assert/strict";
import { rowsHTML } from "../../lib/plot/rows_table.ts";

Deno.test("rowsHTML() renders rows as an escaped, right-aligned-numbers table", () => {
  const html = rowsHTML([{ name: "<b>", share: 0.123456, n: 3, none: null }], {
    caption: "T & U",
    maxdigits: 2,
  });
  assert.match(html, /T &amp; U/);
  assert.match(html, /<th[^>]*>name<\/th><th[^>]*>share<\/th>/);
  assert.match(html, />&lt;b><\/td>/);
  assert.match(html, /text-align: right;">0\.12<\/td>/);
  assert.match(html, /text-align: right;">3<\/td>/);
  assert.match(html, /color: #9ca3af;">–</, "null as a grey dash");
});

Deno.test("rowsHTML() limits rows, picks columns and says when there is nothing", () => {
  const rows = Array.from({ length: 5 }, (_, i) => ({ i, j: -i }));
  const html = rowsHTML(rows, { limit: 2, columns: ["j"] });
  assert.equal(html.match(/<tr>/g)?.length, 3, "header + 2 rows");
  assert.doesNotMatch(html, />i</);
  assert.match(html, /… 3 more rows/);
  assert.match(rowsHTML([], { empty: "Nothing flipped." }), /Nothing flipped\./);
});
