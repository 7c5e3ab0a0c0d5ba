import assert from "node:assert/strict";
import { flipSamples } from "../../lib/analyze/flip_samples.ts";
import { judgeFlips } from "../../lib/analyze/flips.ts";
import { flipsHTML } from "../../lib/plot/flip_details.ts";
import { parseSampleFilterHash } from "../../lib/record/sample_filter.ts";
import { generationRecord, resultRecord } from "../_helpers.ts";

/** `n` samples of `task` for `model`, passing or not, with `code`. */
function side(model: string, task: string, n: number, pass: boolean, code: string) {
  const keys = Array.from({ length: n }, (_, sample) => ({ task, model, sample }));
  return {
    generations: keys.map((k) => generationRecord({ ...k, code, text: code })),
    results: keys.map((k) => resultRecord(k, [pass ? "pass" : "fail", "pass"])),
  };
}
const merge = (...runs: ReturnType<typeof side>[]) => ({
  generations: runs.flatMap((r) => r.generations),
  results: runs.flatMap((r) => r.results),
});

const A = merge(
  side("m:one", "t1", 3, false, "return a < b;"),
  side("m:one", "t2", 3, true, "x"),
  side("m:two", "t1", 3, true, "return a <= b;"),
  side("m:two", "t3", 3, true, "y"),
);
const B = merge(
  side("m:one", "t1", 3, true, "return a <= b;"),
  side("m:one", "t2", 1, false, "x"),
  side("m:two", "t1", 3, false, "return a < b;"),
  side("m:two", "t3", 3, true, "y"),
);

Deno.test("flipsHTML() groups flips by model, counts what could not be judged and states the rule", () => {
  const judged = judgeFlips(A, B);
  const html = flipsHTML(judged, flipSamples(judged.flips, A, B), { names: ["A", "B"] });
  assert.match(
    html,
    /<b>Flip rule<\/b>: a task flips for a model × variant when both runs have at least 3 samples/,
  );
  const one = html.indexOf(">m:one</div>");
  const two = html.indexOf(">m:two</div>");
  assert.ok(one > 0 && two > one, "a section per model, in order");
  const first = html.slice(one, two);
  assert.match(first, /1 flip \(1 fixed in B, 0 broken in B\) among 1 judged task × variant pair/);
  assert.match(
    first,
    /1 of 2 task × variant pairs could not be judged<\/b> \(fewer than 3 samples in A or B\)/,
  );
  assert.match(
    first,
    /1 of the 2 pairs crossed 50% \(a majority flip\) without meeting the rule: not counted as flips/,
  );
  assert.match(
    html.slice(two),
    /1 flip \(0 fixed in B, 1 broken in B\) among 2 judged task × variant pairs\./,
  );
  assert.equal(html.match(/<details /g)?.length, 2, "one collapsible side-by-side per flip");
  assert.doesNotMatch(html, /<script/);
});

Deno.test("flipsHTML() shows both samples' changed cases, their code's diff and links to each run's samples", () => {
  const judged = judgeFlips(A, B);
  const html = flipsHTML(judged, flipSamples(judged.flips, A, B), { names: ["A", "C"] });
  const details = html.slice(html.indexOf("<details"), html.indexOf("</details>"));
  assert.match(
    details,
    /<b>t1<\/b> · plain: A 0\/3 passed → C 3\/3 passed <b[^>]*>fixed in C<\/b>/,
  );
  assert.match(
    details,
    /<td[^>]*>c0<\/td><td[^>]*>core<\/td><td[^>]*>fail → pass<\/td><td[^>]*>0\/3<\/td><td[^>]*>3\/3<\/td><td[^>]*>fail c0<\/td>/,
  );
  assert.match(details, /−<\/td><td[^>]*>return a &lt; b;/);
  assert.match(details, /\+<\/td><td[^>]*>return a &lt;= b;/);
  const hrefs = [...details.matchAll(/href="([^"]+)"/g)].map((m) =>
    parseSampleFilterHash(m[1].replaceAll("&amp;", "&"))
  );
  assert.deepEqual(hrefs, [
    { run: "A", model: "m:one", variant: "plain", task: "t1" },
    { run: "C", model: "m:one", variant: "plain", task: "t1" },
  ]);
});

Deno.test("flipsHTML() lists flips past the limit by name, with a link", () => {
  const judged = judgeFlips(A, B);
  const html = flipsHTML(judged, flipSamples(judged.flips, A, B), { limit: 1 });
  assert.equal(html.match(/<details /g)?.length, 1);
  assert.match(
    html,
    /t1 · plain: A 3\/3 passed → B 0\/3 passed \(<a href="#samples\?run=B&amp;model=m%3Atwo/,
  );
});
