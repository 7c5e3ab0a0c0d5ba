import assert from "node:assert/strict";
import {
  failedSamples,
  failureCategoryRows,
  secondaryLabelRows,
} from "../../lib/analyze/failure_modes.ts";
import { generation, result } from "./failure_fixtures.ts";

Deno.test("failedSamples() joins each failed result with its generation's code and mutations", () => {
  const run = {
    generations: [generation("t1", "a", "export const f = 1;"), generation("t2", "a", null)],
    results: [result("t1", "a", "partial"), result("t2", "a", "no_code"), result("t3", "a", null)],
  };
  const failed = failedSamples(run);
  assert.deepEqual(failed.map((f) => [f.task, f.category]), [["t1", "partial"], ["t2", "no_code"]]);
  assert.equal(failed[0].code, "export const f = 1;");
  assert.deepEqual(failed[0].mutations, ["off_by_one"]);
  assert.deepEqual(failed[0].failingCases, [
    { name: "adds", kind: "core", status: "fail", message: "1 !== 2" },
  ]);
  assert.equal(failed[0].cases, 2);
  assert.equal(failed[1].code, null);
  assert.equal(failed[1].text, "I cannot help with that.");
});

Deno.test("failedSamples() labels a failed result without a classification unclassified", () => {
  const r = { ...result("t", "a", "crash"), failure: null };
  const [f] = failedSamples({ results: [r] });
  assert.equal(f.category, "unclassified");
  assert.deepEqual(f.evidence, []);
  assert.equal(f.code, null, "no generation record: no code");
});

Deno.test("failureCategoryRows() counts per category in precedence order, per model, with sources", () => {
  const failed = failedSamples({
    results: [
      result("t1", "b", "partial"),
      result("t2", "a", "timeout", ["misunderstanding"]),
      result("t3", "a", "timeout"),
      result("t4", "b", "timeout", ["misunderstanding"]),
    ],
  });
  const rows = failureCategoryRows(failed, ["a", "b", "c"]);
  assert.deepEqual(rows.map((r) => r.category), ["timeout", "partial"]);
  assert.deepEqual(rows[0], {
    category: "timeout",
    failed: 3,
    share: "75%",
    a: 2,
    b: 1,
    c: 0,
    "also labelled": "misunderstanding ×2",
    "evidence from": "sandbox ×3, tests ×2",
  });
  assert.equal(rows[1]["also labelled"], "–");
  assert.deepEqual(failureCategoryRows([]), []);
});

Deno.test("secondaryLabelRows() has a column per secondary category that occurs", () => {
  const failed = failedSamples({
    results: [
      result("t1", "a", "hallucinated_api", ["crash"]),
      result("t2", "a", "timeout", ["misunderstanding"]),
      result("t3", "a", "timeout", ["crash", "misunderstanding"]),
    ],
  });
  assert.deepEqual(secondaryLabelRows(failed), [
    { primary: "hallucinated_api", failed: 1, "with secondary": 1, crash: 1, misunderstanding: 0 },
    { primary: "timeout", failed: 2, "with secondary": 2, crash: 1, misunderstanding: 2 },
  ]);
});
