import assert from "node:assert/strict";
import { join } from "node:path";
import type { GenerationRecord } from "../../lib/record/generation.ts";
import type { ResultRecord } from "../../lib/record/result.ts";
import { junitXml } from "../../lib/score/junit.ts";
import { judgeRun, Policy, resolvePolicy } from "../../lib/score/policy.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

const res = (
  task: string,
  sample: number,
  passed: boolean,
  extra: Partial<ResultRecord> & { failure?: unknown } = {},
) =>
  ({
    task,
    model: "m",
    variant: "plain",
    sample,
    outcome: "completed",
    detail: "",
    cases: [],
    passed,
    passFraction: passed ? 1 : 0,
    weightedAccuracy: passed ? 1 : -1,
    bucket: passed ? "correct" : "wrong",
    execMs: 1,
    stderr: "",
    ...extra,
  }) as ResultRecord;
const gen = (totalMs: number, extra: Partial<GenerationRecord> = {}) =>
  ({
    task: "t",
    model: "m",
    variant: "plain",
    sample: 0,
    totalMs,
    ttftMs: totalMs / 10,
    cached: false,
    error: null,
    ...extra,
  }) as GenerationRecord;

Deno.test("judgeRun() checks each threshold with its measured value", () => {
  const policy = Policy.parse({
    name: "p",
    thresholds: { passRate: { min: 0.5 }, p95TotalMs: { max: 1000 }, timeoutRate: { max: 0.2 } },
  });
  const results = [
    res("a", 0, true),
    res("b", 0, true),
    res("c", 0, false, { outcome: "timeout" }),
  ];
  const generations = [
    gen(100),
    gen(200),
    gen(5000, { cached: true }),
    gen(9000, { error: "boom" }),
  ];
  const [v] = judgeRun({ generations, results }, policy);
  const by = Object.fromEntries(v.checks.map((c) => [c.metric, c]));
  assert.ok(Math.abs(by.passRate.value! - 2 / 3) < 1e-12 && by.passRate.ok);
  assert.ok(by.p95TotalMs.value! <= 200, "cached and failed generations are not latency");
  assert.equal(by.timeoutRate.ok, false);
  assert.equal(v.ok, false);
});

Deno.test("judgeRun() fails a threshold it cannot measure, and says why", () => {
  const policy = Policy.parse({
    name: "p",
    thresholds: { passHatK: { k: 3, min: 0.5 }, hallucinationRate: { max: 0.1 } },
  });
  const [v] = judgeRun(
    { generations: [], results: [res("a", 0, true), res("a", 1, false)] },
    policy,
  );
  assert.equal(v.checks[0].value, null);
  assert.match(v.checks[0].note, /at least 3 samples/);
  assert.equal(
    v.checks[1].value,
    null,
    "an unclassified failure leaves the hallucination rate unknown",
  );
  assert.equal(v.ok, false);
});

Deno.test("judgeRun() counts hallucinated APIs from the failure classification", () => {
  const policy = Policy.parse({ name: "p", thresholds: { hallucinationRate: { max: 0.3 } } });
  const results = [
    res("a", 0, false, { failure: { category: "hallucinated_api", secondary: [], evidence: [] } }),
    res("b", 0, false, { failure: { category: "boundary", secondary: [], evidence: [] } }),
    res("c", 0, true),
  ];
  const [v] = judgeRun({ generations: [], results }, policy);
  assert.ok(Math.abs(v.checks[0].value! - 1 / 3) < 1e-12);
  assert.equal(v.ok, false);
});

Deno.test("resolvePolicy() names the file and the field of a bad policy", async () => {
  const dir = await Deno.makeTempDir();
  const file = join(dir, "p.json");
  await Deno.writeTextFile(
    file,
    JSON.stringify({ name: "x", thresholds: { passRate: { minimum: 1 } } }),
  );
  await assert.rejects(
    resolvePolicy(file),
    new RegExp(`Cannot parse policy "${file}": thresholds.passRate`),
  );
  await assert.rejects(
    resolvePolicy("nope"),
    /neither a built-in \(internal-tooling, production-codegen\) nor a readable file/,
  );
});

Deno.test("eval --policy production-codegen passes the reference model and fails the sloppy one, with JUnit XML", async () => {
  const runsDir = await Deno.makeTempDir();
  const junit = join(runsDir, "policy.xml");
  const cli = (model: string) =>
    new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        join(ROOT, "lib/cli.ts"),
        "eval",
        "--suite",
        "data/fixtures/suite-tiny",
        "--model",
        model,
        "--samples",
        "3",
        "--isolation",
        "none",
        "--runs-dir",
        runsDir,
        "--quiet",
        "--new",
        "--policy",
        "production-codegen",
        "--junit",
        junit,
      ],
      cwd: ROOT,
    }).output();
  const good = await cli("synthetic:reference");
  const out = new TextDecoder().decode(good.stdout);
  assert.equal(good.code, 0, out + new TextDecoder().decode(good.stderr));
  assert.match(out, /PASS {2}synthetic:reference plain/);
  assert.match(out, /passHatK@3 +1 +min 0.8/);
  const bad = await cli("synthetic:sloppy");
  assert.equal(bad.code, 1);
  assert.match(new TextDecoder().decode(bad.stdout), /FAIL {2}synthetic:sloppy plain/);
  assert.match(await Deno.readTextFile(junit), /<failure message="passRate/);
});

Deno.test("junitXml() escapes names and lists every threshold", () => {
  const xml = junitXml("p<1>", [{
    model: "a&b",
    variant: "v",
    ok: true,
    checks: [{ metric: "passRate", bound: "min", limit: 1, value: 1, ok: true, note: "" }],
  }]);
  assert.match(xml, /name="assay policy p&lt;1&gt;"/);
  assert.match(xml, /classname="a&amp;b" name="passRate min 1"\/>/);
});
