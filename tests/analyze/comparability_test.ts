import assert from "node:assert/strict";
import { comparabilityWarnings, COMPARED_ASPECTS } from "../../lib/analyze/comparability.ts";
import type { Manifest } from "../../lib/record/manifest.ts";
import type { ResultRecord } from "../../lib/record/result.ts";
import { resultRecord } from "../_helpers.ts";

/** A manifest of a run of suite `s` (2 tasks), with overrides. */
function manifest(over: Partial<Manifest> = {}): Manifest {
  return {
    formatVersion: 2,
    runId: "r",
    createdAt: "2026-01-01T00:00:00.000Z",
    gitRevision: null,
    suite: { name: "s", dir: "tasks/s", hash: "sha256:aaaa", tasks: 2 },
    models: [{ spec: "openai:gpt-x?temperature=0", synthetic: false }],
    variants: ["plain"],
    params: { samples: 3, seed: 0, isolation: "bwrap", sandbox: "pooled" },
    templates: [{ name: "plain", source: "", promptsHash: "p1" }],
    tools: { deno: "2.9.6", typescript: "6.0.3", assay: "0.1.0" },
    configHash: "",
    resumedAt: [],
    completedAt: "2026-01-01T00:01:00.000Z",
    ...over,
  };
}

const run = (m: Manifest, results: ResultRecord[] = []) => ({ manifest: m, results });

Deno.test("comparabilityWarnings() names every difference with both values, in aspect order", () => {
  const a = manifest({ timeouts: { t: { referenceMs: 100, timeoutMs: 1000 } } });
  const b = manifest({
    suite: { name: "s", dir: "tasks/s", hash: "sha256:bbbb", tasks: 1 },
    models: [{ spec: "openai:gpt-x?temperature=0.7", synthetic: false }],
    variants: ["plain", "checklist"],
    params: {
      samples: 1,
      seed: 2,
      isolation: "none",
      sandbox: "pooled",
      selection: { tasks: ["t"] },
    },
    templates: [{ name: "plain", source: "", promptsHash: "p2" }],
    timeouts: { t: { referenceMs: 400, timeoutMs: 4000 } },
    tools: { deno: "2.9.7", typescript: "6.0.3", assay: "0.2.0" },
  });
  // a sample of t ran 2.5 s: over A's limit, under B's
  const slow = resultRecord({ task: "t" }, ["pass"], { execMs: 2500 });
  const warnings = comparabilityWarnings([run(a, [slow]), run(b, [slow])]);
  assert.deepEqual(warnings.map((w) => w.aspect), [
    "samples per task",
    "seed",
    "suite",
    "model parameters",
    "variants",
    "sandbox",
    "time limits",
    "tools",
  ]);
  const by = Object.fromEntries(warnings.map((w) => [w.aspect, w]));
  assert.equal(
    by["samples per task"].text,
    "B has 1 sample per task, A has 3: flips and intervals are weaker",
  );
  assert.deepEqual([by.seed.before, by.seed.after], ["0", "2"]);
  assert.match(
    by.suite.text,
    /B ran suite s \(1 task, selection \{"tasks":\["t"\]\}, hash sha256:bbbb\)/,
  );
  assert.match(by.suite.text, /only the 1 task in both are compared/);
  assert.equal(by["model parameters"].after, "openai:gpt-x: temperature=0.7");
  assert.match(
    by.variants.text,
    /B has variants plain, checklist, A has plain; plain renders different prompts in B/,
  );
  assert.equal(
    by.sandbox.text,
    'B ran answers with isolation "none", A with isolation "bwrap": the same code may get another verdict',
  );
  assert.match(
    by["time limits"].text,
    /^1 task ran under different time limits that may have decided a verdict \(B: t 4\.0 s; A: t 1\.0 s\)/,
  );
  assert.equal(by.tools.after, "deno 2.9.7", "the assay version is not a tool that judges");
  assert.ok(warnings.every((w) => w.baseline === "A" && w.run === "B"));
  assert.ok(warnings.every((w) => (COMPARED_ASPECTS as readonly string[]).includes(w.aspect)));
});

Deno.test("comparabilityWarnings() leaves out time limits that could not decide a verdict", () => {
  const a = manifest({ timeouts: { t: { referenceMs: 100, timeoutMs: 1000 } } });
  const b = manifest({ timeouts: { t: { referenceMs: 300, timeoutMs: 3000 } } });
  const quick = resultRecord({ task: "t" }, ["pass"], { execMs: 40 });
  assert.deepEqual(comparabilityWarnings([run(a, [quick]), run(b, [quick])]), []);
  const timedOut = resultRecord({ task: "t" }, ["timeout"], { outcome: "timeout", execMs: 1000 });
  const [w] = comparabilityWarnings([run(a, [timedOut]), run(b, [quick])]);
  assert.equal(w.aspect, "time limits", "a timeout under the lower limit might have finished");
  const loop = resultRecord({ task: "t" }, ["timeout"], { outcome: "timeout", execMs: 3000 });
  assert.deepEqual(
    comparabilityWarnings([run(a, [quick]), run(b, [loop])]),
    [],
    "a timeout under the higher limit times out under the lower one too",
  );
});

Deno.test("comparabilityWarnings() compares every run with the baseline, under the given labels", () => {
  const warnings = comparabilityWarnings(
    [
      run(manifest()),
      run(manifest()),
      run(manifest({ params: { ...manifest().params, samples: 5 } })),
    ],
    { labels: ["old", "same", "more"] },
  );
  assert.equal(warnings.length, 1);
  assert.equal(
    warnings[0].text,
    "more has 5 samples per task, old has 3: flips and intervals rest on old's 3",
  );
  assert.deepEqual(comparabilityWarnings([run(manifest())]), [], "one run: nothing to compare");
});

Deno.test("comparabilityWarnings() counts the samples per task when the manifest does not say", () => {
  const params = { seed: 0, isolation: "bwrap", sandbox: "pooled" };
  const results = (n: number) =>
    Array.from({ length: n }, (_, sample) => resultRecord({ sample }, ["pass"]));
  const [w] = comparabilityWarnings([
    run(manifest({ params }), results(2)),
    run(manifest({ params }), results(1)),
  ]);
  assert.deepEqual([w.aspect, w.before, w.after], ["samples per task", "2", "1"]);
});

Deno.test("comparabilityWarnings() names models present in one run only", () => {
  const b = manifest({ models: [{ spec: "openai:gpt-y", synthetic: false }] });
  const [w] = comparabilityWarnings([run(manifest()), run(b)]);
  assert.equal(w.aspect, "models");
  assert.match(w.text, /models only in A: openai:gpt-x; only in B: openai:gpt-y/);
});

Deno.test("comparabilityWarnings() says which run is incomplete, first", () => {
  const warnings = comparabilityWarnings([
    { ...run(manifest()), incomplete: null },
    {
      ...run(manifest({ params: { ...manifest().params, seed: 1 } })),
      incomplete: { recorded: 13, expected: 60 },
    },
  ]);
  assert.deepEqual(warnings.map((w) => w.aspect), ["completeness", "seed"]);
  assert.equal(
    warnings[0].text,
    "B is incomplete (A: complete; B: incomplete: 13 of 60 samples recorded): the tasks a run lacks are left out of the comparison, and a partly recorded task rests on fewer samples",
  );
});
