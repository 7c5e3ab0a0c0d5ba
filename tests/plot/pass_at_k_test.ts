import assert from "node:assert/strict";
import { passAtKChart } from "../../lib/plot/pass_at_k.ts";
import { stabilityByTask, summarizeStability } from "../../lib/score/stability.ts";
import { resultRecord } from "../_helpers.ts";

const result = (model: string, task: string, sample: number, passed: boolean) =>
  resultRecord({ model, task, sample }, [passed ? "pass" : "fail"]);
const results = [
  ...[true, false, true].map((p, i) => result("m1", "t", i, p)),
  ...[false, false, true].map((p, i) => result("m2", "t", i, p)),
];
const ks = [1, 2, 3];

Deno.test("passAtKChart() draws pass@k and pass^k curves per model", () => {
  const c = passAtKChart(summarizeStability(stabilityByTask(results, ks), ks));
  assert.match(c.html, /<h2[^>]*>pass@k and pass\^k<\/h2>/);
  assert.match(c.html, /-swatch"/);
  assert.match(c.html, /k \(samples drawn\)/);
  assert.match(c.html, /probability \(%\)/);
  assert.match(c.html, />pass@k<[\s\S]*>pass\^k</, "one facet per measure");
  const svg = c.html.slice(c.html.lastIndexOf("<svg"));
  assert.equal(svg.match(/<circle/g)?.length, 12, "2 models × 2 measures × 3 k");
  assert.match(svg, /m1\npass@2: 100\.0%/, "2 of 3 pass: any 2 samples include a pass");
  assert.match(svg, /m1\npass\^2: 33\.3%/, "C(2,2)/C(3,2)");
});

Deno.test("passAtKChart() leaves out k values without a value (n < k)", () => {
  const c = passAtKChart(summarizeStability(stabilityByTask(results, [1, 5]), [1, 5]));
  const svg = c.html.slice(c.html.lastIndexOf("<svg"));
  assert.equal(svg.match(/<circle/g)?.length, 4, "only k = 1");
});

Deno.test("passAtKChart() without summaries still renders a titled figure", () => {
  assert.match(passAtKChart([]).html, /no pass@k values/);
});
