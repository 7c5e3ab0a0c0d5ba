import assert from "node:assert/strict";
import { join } from "node:path";
import pl from "nodejs-polars";
import * as assay from "../lib/mod.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const AREAS = [
  "task",
  "record",
  "prompt",
  "model",
  "sandbox",
  "score",
  "run",
  "analyze",
  "plot",
  "report",
];

/** The names an `export { … } from` / `export type { … } from` file re-exports, types included. */
async function reExports(path: string): Promise<{ names: string[]; from: string[] }> {
  const source = await Deno.readTextFile(path);
  const names: string[] = [];
  const from: string[] = [];
  for (const m of source.matchAll(/^export (?:type )?\{([^}]*)\} from "([^"]+)";/gm)) {
    names.push(...m[1].split(",").map((n) => n.trim().replace(/^type /, "")).filter(Boolean));
    from.push(m[2]);
  }
  return { names, from };
}

Deno.test("lib/mod.ts is a curated front door: at most 80 names, each also reachable by a subpath", async () => {
  const front = await reExports(join(ROOT, "lib/mod.ts"));
  assert.ok(front.names.length <= 80, `lib/mod.ts exports ${front.names.length} names`);
  assert.equal(new Set(front.names).size, front.names.length, "no name exported twice");
  // Only the session is the front door's own; everything else comes from an area's mod.ts.
  for (const from of front.from) {
    assert.match(from, /^\.\/(notebook\.ts|\w+\/mod\.ts)$/, `lib/mod.ts re-exports ${from}`);
  }
  const runtime = Object.keys(assay);
  for (
    const name of [
      "session",
      "loadSuite",
      "evaluate",
      "loadRun",
      "summarize",
      "judgeFlips",
      "robustness",
      "judgeRun",
      "paretoFrontier",
      "sampleBrowser",
      "show",
    ]
  ) {
    assert.ok(runtime.includes(name), `the front door has ${name}`);
  }
});

Deno.test("deno.json's subpath exports each name an area's mod.ts, which re-exports only its own folder", async () => {
  const config = JSON.parse(await Deno.readTextFile(join(ROOT, "deno.json")));
  assert.equal(config.exports["."], "./lib/mod.ts");
  assert.deepEqual(
    Object.keys(config.exports).filter((k) => k !== ".").sort(),
    AREAS.map((a) => `./${a}`).sort(),
  );
  let total = 0;
  for (const area of AREAS) {
    assert.equal(config.exports[`./${area}`], `./lib/${area}/mod.ts`);
    const { names, from } = await reExports(join(ROOT, "lib", area, "mod.ts"));
    for (const f of from) assert.match(f, /^\.\/[\w/]+\.ts$/, `lib/${area}/mod.ts re-exports ${f}`);
    const module = await import(`../lib/${area}/mod.ts`);
    assert.ok(Object.keys(module).length > 0, `${area} exports values`);
    total += names.length;
  }
  assert.ok(total > 300, `the subpaths keep every name the old front door had (${total})`);
});

Deno.test({
  name:
    "the front door's workflow end to end: suite, evaluate, run read back, numbers, charts, policy",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const builtin = await assay.loadSuite(join(ROOT, "tasks/builtin"));
    const suite = { ...builtin, tasks: builtin.tasks.slice(0, 3) };
    const models = [
      assay.syntheticProvider("default", suite.tasks),
      assay.syntheticProvider("sloppy", suite.tasks),
    ];
    const runsDir = await Deno.makeTempDir({ prefix: "assay-front-door-" });
    try {
      const evaluation = await assay.evaluate(suite, { models, runsDir, samples: 3 });
      assert.deepEqual([evaluation.total, evaluation.resumed], [18, false]);
      const run = await assay.loadRun(evaluation.dir);
      const rows = assay.summarize(run);
      assert.deepEqual(rows.map((r) => [r.model, r.samples]), [
        ["synthetic:default", 9],
        ["synthetic:sloppy", 9],
      ]);
      // evaluate() finished the store: results.parquet has one row per sample, as loadRun reads them.
      const df = pl.readParquet(join(evaluation.dir, "results.parquet"));
      assert.equal(df.height, 18);
      const passed = df.getColumn("passed").toArray().filter((p) => p === true).length;
      assert.equal(passed, run.results.filter((r) => r.passed).length);
      assert.equal(df.getColumn("notJudged").nullCount(), 18);
      const verdicts = assay.judgeRun(run, await assay.resolvePolicy("internal-tooling"));
      assert.deepEqual(verdicts.map((v) => v.model), ["synthetic:default", "synthetic:sloppy"]);
      assert.ok(verdicts.every((v) => v.checks.length > 0 && v.ok === v.checks.every((c) => c.ok)));
      const chart = assay.spectrumChart(run);
      assert.match(chart.html, /Accuracy spectrum/);
      const same = assay.judgeFlips(run, run);
      assert.deepEqual(same.flips, []);
    } finally {
      await Promise.all(models.map((m) => m.close()));
      await Deno.remove(runsDir, { recursive: true });
    }
  },
});
