import assert from "node:assert/strict";
import { DEFAULT_FLIP_RULE, flipRuleText, judgeFlips } from "../../lib/analyze/flips.ts";
import { resultRecord } from "../_helpers.ts";

/** `passes` of `n` samples of `task` for `model`, passing first. */
const samples = (task: string, n: number, passes: number, model = "m") =>
  Array.from(
    { length: n },
    (_, sample) => resultRecord({ task, model, sample }, [sample < passes ? "pass" : "fail"]),
  );

Deno.test("judgeFlips() flips a task only when both runs have enough samples and the change is large", () => {
  const a = {
    results: [
      ...samples("fixed", 3, 0),
      ...samples("broken", 3, 3),
      ...samples("wobble", 3, 2), // 2/3 → 1/3: crosses 50%, not a flip
      ...samples("thin", 3, 3), // 3/3 → 0/1: too few samples in B
      ...samples("steady", 3, 3),
    ],
  };
  const b = {
    results: [
      ...samples("fixed", 3, 3),
      ...samples("broken", 4, 0),
      ...samples("wobble", 3, 1),
      ...samples("thin", 1, 0),
      ...samples("steady", 3, 3),
    ],
  };
  const judged = judgeFlips(a, b);
  assert.deepEqual(
    judged.flips.map((
      f,
    ) => [
      f.task,
      f.direction,
      `${f.before.passed}/${f.before.n}`,
      `${f.after.passed}/${f.after.n}`,
    ]),
    [["fixed", "fixed", "0/3", "3/3"], ["broken", "broken", "3/3", "0/4"]],
  );
  assert.deepEqual(judged.unjudged, [{
    task: "thin",
    model: "m",
    variant: "plain",
    nBefore: 3,
    nAfter: 1,
  }]);
  const [g] = judged.groups;
  assert.deepEqual([g.pairs, g.judged, g.tooFew, g.majorityOnly], [5, 4, 1, 2]);
  assert.deepEqual(judged.rule, DEFAULT_FLIP_RULE);
});

Deno.test("judgeFlips() scales with the number of samples: 1 of 5 against 4 of 5 flips, 2 of 5 does not", () => {
  const a = { results: [...samples("x", 5, 1), ...samples("y", 5, 2)] };
  const b = { results: [...samples("x", 5, 4), ...samples("y", 5, 4)] };
  assert.deepEqual(judgeFlips(a, b).flips.map((f) => f.task), ["x"]);
  assert.deepEqual(judgeFlips(a, b, { low: 0.4, high: 0.8 }).flips.map((f) => f.task), ["x", "y"]);
});

Deno.test("judgeFlips() groups flips per model × variant and ignores tasks in one run only", () => {
  const a = {
    results: [
      ...samples("t", 3, 0, "m1"),
      ...samples("t", 3, 3, "m2"),
      ...samples("only-a", 3, 0, "m1"),
    ],
  };
  const b = { results: [...samples("t", 3, 3, "m1"), ...samples("t", 3, 3, "m2")] };
  const judged = judgeFlips(a, b);
  assert.deepEqual(judged.groups.map((g) => [g.model, g.pairs, g.flips.length]), [["m1", 1, 1], [
    "m2",
    1,
    0,
  ]]);
});

Deno.test("judgeFlips() rejects a rule whose low is not below its high", () => {
  assert.throws(
    () => judgeFlips({ results: [] }, { results: [] }, { low: 0.5, high: 0.5 }),
    /^RangeError: Cannot judge flips with rule \{"minSamples":3,"low":0\.5,"high":0\.5\}: low must be below high/,
  );
});

Deno.test("flipRuleText() states the samples needed and both thresholds", () => {
  assert.equal(
    flipRuleText({ minSamples: 1, low: 0, high: 1 }),
    "a task flips for a model × variant when both runs have at least 1 sample of it and its pass rate goes from at most 0% in one run to at least 100% in the other",
  );
});
