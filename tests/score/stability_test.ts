import assert from "node:assert/strict";
import type { ResultRecord } from "../../lib/record/result.ts";
import { stabilityByTask, summarizeStability } from "../../lib/score/stability.ts";

const r = (
  task: string,
  sample: number,
  statuses: ("pass" | "fail")[],
  model = "m",
): ResultRecord => ({
  task,
  model,
  variant: "plain",
  sample,
  outcome: "completed",
  detail: "",
  cases: statuses.map((status, i) => ({ name: `c${i}`, kind: "core", status, message: "", ms: 1 })),
  passed: statuses.every((s) => s === "pass"),
  passFraction: statuses.filter((s) => s === "pass").length / statuses.length,
  weightedAccuracy: 0,
  bucket: "wrong",
  execMs: 1,
  failure: null,
  stderr: "",
});

Deno.test("stabilityByTask() counts n and c per task and computes pass@k and pass^k", () => {
  const rs = [
    r("a", 0, ["pass", "pass"]),
    r("a", 1, ["pass", "fail"]),
    r("a", 2, ["pass", "pass"]),
    r("b", 0, ["fail", "fail"]),
  ];
  const [a, b] = stabilityByTask(rs, [1, 2, 4]);
  assert.equal(a.n, 3);
  assert.equal(a.c, 2);
  assert.ok(Math.abs(a.passAtK[1]! - 2 / 3) < 1e-12);
  assert.equal(a.passAtK[2], 1);
  assert.ok(Math.abs(a.passHatK[2]! - 1 / 3) < 1e-12);
  assert.equal(a.passAtK[4], null, "undefined when n < k");
  assert.equal(b.passAtK[1], 0);
});

Deno.test("stabilityByTask() consistency is the share of samples with the modal set of passing cases", () => {
  const rs = [
    r("a", 0, ["pass", "fail"]),
    r("a", 1, ["pass", "fail"]),
    r("a", 2, ["fail", "pass"]),
    r("a", 3, ["pass", "pass"]),
  ];
  assert.equal(stabilityByTask(rs)[0].consistency, 0.5);
  const always = [0, 1, 2].map((i) => r("a", i, ["fail", "fail"]));
  assert.equal(stabilityByTask(always)[0].consistency, 1, "consistently wrong is consistent");
});

Deno.test("summarizeStability() averages per model and leaves tasks with n < k out of that k", () => {
  const rs = [r("a", 0, ["pass"]), r("a", 1, ["pass"]), r("b", 0, ["fail"])];
  const [s] = summarizeStability(stabilityByTask(rs, [1, 2]), [1, 2]);
  assert.equal(s.tasks, 2);
  assert.equal(s.passAtK[1], 0.5);
  assert.equal(s.passAtK[2], 1, "only task a has n >= 2");
});
