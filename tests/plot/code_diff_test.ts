import assert from "node:assert/strict";
import { codeDiffHTML } from "../../lib/plot/code_diff.ts";

Deno.test("codeDiffHTML() numbers each side's lines and marks removed and added lines", () => {
  const html = codeDiffHTML("a\nb\nc\n", "a\nB\nc\nd\n", { names: ["old", "new"] });
  const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1])
  );
  assert.deepEqual(rows, [
    ["1", "1", "", "a"],
    ["2", "", "−", "b"],
    ["", "2", "+", "B"],
    ["3", "3", "", "c"],
    ["", "4", "+", "d"],
  ]);
  assert.match(html, /− only in old/);
  assert.match(html, /\+ only in new/);
});

Deno.test("codeDiffHTML() folds unchanged lines far from a change, caps long diffs, escapes code", () => {
  const long = Array.from({ length: 20 }, (_, i) => `line ${i}\n`).join("");
  const html = codeDiffHTML(long, long + "more\n", { context: 2 });
  const cells = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]).join("|")
  );
  assert.deepEqual(cells, [
    "|||⋯ 18 unchanged lines",
    "19|19||line 18",
    "20|20||line 19",
    "|21|+|more",
  ]);
  const capped = codeDiffHTML(long, long + "more\n", { context: 2, maxLines: 2 });
  assert.equal(capped.match(/<tr/g)?.length, 2);
  assert.match(capped, /… 2 more rows not shown/);
  assert.match(codeDiffHTML("<b>", "<i>"), /&lt;b&gt;/);
  assert.match(
    codeDiffHTML("same", "same"),
    /is identical: the verdicts differ for another reason/,
  );
});
