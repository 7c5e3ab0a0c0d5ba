import assert from "node:assert/strict";
import { join } from "node:path";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { measureLoad } from "../../lib/run/measure_load.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

Deno.test("measureLoad() shows a model past its capacity degrading: slower first tokens at higher concurrency", async () => {
  const suite = await loadSuite(join(ROOT, "data/fixtures/suite-tiny"));
  const model = syntheticProvider("sloppy", suite.tasks); // capacity 2
  try {
    const levels = await measureLoad(model, suite.tasks, { levels: [1, 8], requests: 8 });
    assert.deepEqual(levels.map((l) => [l.concurrency, l.requests, l.errors]), [[1, 8, 0], [
      8,
      8,
      0,
    ]]);
    const [one, eight] = levels;
    assert.ok(eight.ttftP50! > one.ttftP50! * 1.5, `ttft p50 ${one.ttftP50} → ${eight.ttftP50}`);
    assert.ok(
      eight.throughputRps > one.throughputRps,
      "still more requests per second in parallel",
    );
    assert.ok(one.ttftP95! >= one.ttftP50!);
  } finally {
    await model.close();
  }
});

Deno.test("deno task load writes its curve as a run artifact", async () => {
  const runsDir = await Deno.makeTempDir();
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      join(ROOT, "lib/cli.ts"),
      "load",
      "--suite",
      "data/fixtures/suite-tiny",
      "--model",
      "synthetic:reference",
      "--concurrency",
      "1,2",
      "--requests",
      "4",
      "--runs-dir",
      runsDir,
    ],
    cwd: ROOT,
  }).output();
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  const [dir] = [...Deno.readDirSync(runsDir)];
  assert.match(dir.name, /-load$/);
  const artifact = JSON.parse(Deno.readTextFileSync(join(runsDir, dir.name, "load.json")));
  assert.deepEqual(artifact.rows.map((r: { concurrency: number }) => r.concurrency), [1, 2]);
  assert.equal(artifact.rows[0].model, "synthetic:reference");
});
