import assert from "node:assert/strict";
import type { CaseVerdict } from "../../lib/record/case_verdict.ts";
import { scoreSample, weightedAccuracy } from "../../lib/score/weighted.ts";

const v = (kind: "core" | "edge", status: CaseVerdict["status"]): CaseVerdict => ({
  name: "c",
  kind,
  status,
  message: "",
  ms: 1,
});

Deno.test("weightedAccuracy() gives +1 per pass, -0.5 per failed edge, -1 per other failure, over the count", () => {
  assert.equal(weightedAccuracy([v("core", "pass"), v("core", "pass")]), 1);
  assert.equal(weightedAccuracy([v("core", "fail"), v("edge", "fail")]), -0.75);
  assert.equal(
    weightedAccuracy([v("core", "pass"), v("core", "error"), v("edge", "fail"), v("edge", "pass")]),
    (1 - 1 - 0.5 + 1) / 4,
  );
});

Deno.test("weightedAccuracy() counts a missing report as a failure of its kind", () => {
  assert.equal(weightedAccuracy([v("edge", "missing"), v("core", "pass")]), 0.25);
  assert.equal(weightedAccuracy([v("core", "missing")]), -1);
});

Deno.test("weightedAccuracy() is -1 with no cases (no runnable code)", () => {
  assert.equal(weightedAccuracy([]), -1);
});

Deno.test("scoreSample() buckets: correct, almost (edge only or small core share), wrong", () => {
  assert.equal(scoreSample([v("core", "pass"), v("edge", "pass")]).bucket, "correct");
  assert.equal(scoreSample([v("core", "pass"), v("edge", "fail")]).bucket, "almost");
  const fiveCoreOneFails = [...Array(4)].map(() => v("core", "pass")).concat([v("core", "fail")]);
  assert.equal(scoreSample(fiveCoreOneFails).bucket, "almost", "1 of 5 core (20%) is almost");
  const threeCoreOneFails = [v("core", "pass"), v("core", "pass"), v("core", "fail")];
  assert.equal(scoreSample(threeCoreOneFails).bucket, "wrong", "1 of 3 core (33%) is wrong");
});

Deno.test("scoreSample() with runnable=false scores -1, wrong, pass fraction 0", () => {
  assert.deepEqual(scoreSample([v("core", "missing")], false), {
    passed: false,
    passFraction: 0,
    weightedAccuracy: -1,
    bucket: "wrong",
  });
});

Deno.test("scoreSample() pass fraction and passed", () => {
  const s = scoreSample([
    v("core", "pass"),
    v("core", "fail"),
    v("edge", "pass"),
    v("edge", "pass"),
  ]);
  assert.equal(s.passFraction, 0.75);
  assert.equal(s.passed, false);
  assert.equal(scoreSample([v("core", "pass")]).passed, true);
});
