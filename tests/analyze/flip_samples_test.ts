import assert from "node:assert/strict";
import { flipSamples } from "../../lib/analyze/flip_samples.ts";
import { judgeFlips } from "../../lib/analyze/flips.ts";
import type { FailureCategory } from "../../lib/record/failure.ts";
import { generationRecord, resultRecord } from "../_helpers.ts";

/** A failed sample of category `category` whose cases have `statuses`. */
const failed = (sample: number, category: FailureCategory, statuses: ("pass" | "fail")[]) =>
  resultRecord({ task: "t", sample }, statuses, {
    kinds: ["core", "edge", "core"],
    failure: { category, secondary: [], evidence: [] },
  });
const passed = (sample: number) =>
  resultRecord({ task: "t", sample }, ["pass", "pass", "pass"], {
    kinds: ["core", "edge", "core"],
  });
const gen = (sample: number, code: string | null) =>
  generationRecord({ task: "t", model: "m", sample, code, text: code ?? "I cannot help." });

Deno.test("flipSamples() shows a failing sample of the most common category beside a passing one", () => {
  const a = {
    generations: [gen(0, "f(1)"), gen(1, "f(2)"), gen(2, "f(3)")],
    results: [
      failed(0, "crash", ["fail", "fail", "pass"]),
      failed(1, "boundary", ["pass", "fail", "pass"]),
      failed(2, "boundary", ["pass", "fail", "fail"]),
    ],
  };
  const b = { generations: [0, 1, 2].map((s) => gen(s, "g()")), results: [0, 1, 2].map(passed) };
  const judged = judgeFlips(a, b);
  const [s] = flipSamples(judged.flips, a, b);
  assert.equal(s.flip.direction, "fixed");
  assert.equal(s.before.result.sample, 1, "the first boundary sample (boundary: 2 of 3)");
  assert.equal(s.before.code, "f(2)");
  assert.equal(s.after.code, "g()");
  assert.deepEqual(s.changed, [{
    name: "c1",
    kind: "edge",
    before: "fail",
    after: "pass",
    message: "fail c1",
    passedBefore: 0,
    passedAfter: 3,
  }]);
});

Deno.test("flipSamples() keeps a sample without code and names the broken side's message", () => {
  const a = { generations: [0, 1, 2].map((s) => gen(s, "ok()")), results: [0, 1, 2].map(passed) };
  const b = {
    generations: [0, 1, 2].map((s) => gen(s, null)),
    results: [0, 1, 2].map((s) => failed(s, "no_code", ["fail", "fail", "fail"])),
  };
  const [s] = flipSamples(judgeFlips(a, b).flips, a, b);
  assert.equal(s.flip.direction, "broken");
  assert.equal(s.after.code, null);
  assert.equal(s.after.text, "I cannot help.");
  assert.deepEqual(s.changed.map((c) => [c.name, c.before, c.after, c.message]), [
    ["c0", "pass", "fail", "fail c0"],
    ["c1", "pass", "fail", "fail c1"],
    ["c2", "pass", "fail", "fail c2"],
  ]);
});
