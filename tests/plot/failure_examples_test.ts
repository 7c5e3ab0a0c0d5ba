import assert from "node:assert/strict";
import { failedSamples } from "../../lib/analyze/failure_modes.ts";
import { failureExamplesHTML } from "../../lib/plot/failure_examples.ts";
import { generation, result } from "../analyze/failure_fixtures.ts";

Deno.test("failureExamplesHTML() shows evidence, failing cases and escaped code side by side", () => {
  const failed = failedSamples({
    generations: [
      generation("t1", "m:a", "export const f = (a, b) => a < b && b > 0;"),
      generation("t2", "m:b", "export const g = () => 1;"),
      generation("t3", "m:a", "export const h = 1;"),
    ],
    results: [
      result("t1", "m:a", "crash", ["misunderstanding"]),
      result("t2", "m:b", "crash"),
      result("t3", "m:a", "boundary"),
    ],
  });
  const html = failureExamplesHTML(failed, { colors: { "m:a": "#123456" } });
  assert.match(html, /Examples of <strong>crash<\/strong>: 2 of 2 samples/);
  assert.ok(html.includes("(a, b) =&gt; a &lt; b &amp;&amp; b &gt; 0;"), "code escaped");
  assert.ok(!html.includes("a < b"), "no raw code");
  assert.match(html, /crash · tests<\/span>[^<]*<span[^>]*>crash evidence/);
  assert.match(html, /also labelled <code>misunderstanding<\/code>/);
  assert.match(html, /planted by the synthetic model: <code>off_by_one<\/code>/);
  assert.match(html, /Failing cases \(1 of 2\)/);
  assert.match(html, /core · fail<\/span>adds/);
  assert.ok(html.includes("background: #123456"), "the model's colour");
  assert.ok(!html.includes("<strong>m:a</strong> · t3"), "only the chosen category");
  assert.ok(html.indexOf("m:a</strong>") < html.indexOf("m:b</strong>"));
});

Deno.test("failureExamplesHTML() picks a category, limits examples across models, shows a refusal's text", () => {
  const failed = failedSamples({
    generations: [generation("t1", "m:a", null), generation("t2", "m:b", null)],
    results: [
      result("t1", "m:a", "no_code"),
      result("t2", "m:b", "no_code"),
      result("t3", "m:a", "timeout"),
    ],
  });
  const one = failureExamplesHTML(failed, { category: "no_code", limit: 1 });
  assert.match(one, /Examples of <strong>no_code<\/strong>: 1 of 2 samples/);
  assert.match(one, /Answer \(no code extracted\)/);
  assert.match(one, /I cannot help with that\./);
  const timeout = failureExamplesHTML(failed, { category: "timeout" });
  assert.match(timeout, /Failing cases \(1 of 2\)/);
  const none = failureExamplesHTML(failed, { category: "syntax" });
  assert.match(none, /No failed sample has the primary category <code>syntax<\/code>/);
  assert.match(failureExamplesHTML([]), /No failed samples/);
});

Deno.test("failureExamplesHTML() states a message shared by every failing case once", () => {
  const r = result("t1", "m:a", "timeout");
  r.cases = r.cases.map((c) => ({ ...c, status: "missing", message: "timeout: exceeded 5000 ms" }));
  const html = failureExamplesHTML(failedSamples({ results: [r] }));
  assert.match(
    html,
    /Failing cases \(2 of 2\)<span[^>]*>, all with <span[^>]*>timeout: exceeded 5000 ms/,
  );
  assert.equal(html.match(/timeout: exceeded 5000 ms/g)?.length, 1);
});
