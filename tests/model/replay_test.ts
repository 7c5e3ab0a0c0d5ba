import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import { createProvider } from "../../lib/model/create.ts";
import { replayProvider } from "../../lib/model/replay.ts";
import { syntheticProvider } from "../../lib/model/synthetic.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const suite = await loadSuite(join(ROOT, "data/fixtures/suite-tiny"));

Deno.test("replay: a run re-scored from its recorded answers gives the same verdicts without asking a model", async () => {
  const runsDir = await Deno.makeTempDir();
  const sloppy = syntheticProvider("sloppy", suite.tasks);
  const reference = syntheticProvider("reference", suite.tasks);
  const original = await loadRun(
    (await evaluate(suite, {
      models: [sloppy, reference],
      runsDir,
      samples: 3,
      isolation: "none",
      resume: false,
    })).dir,
  );
  await sloppy.close();
  await reference.close();
  assert.throws(() => replayProvider(original.dir), /holds 2 models \(.*\): use replay:.*#<model>/);
  const replay = createProvider(`replay:${original.dir}#synthetic:sloppy`);
  assert.equal(replay.spec, "replay:synthetic:sloppy");
  const again = await loadRun(
    (await evaluate(suite, {
      models: [replay],
      runsDir,
      samples: 3,
      isolation: "none",
      resume: false,
    })).dir,
  );
  const verdicts = (rs: typeof original.results, model: string) =>
    rs.filter((r) => r.model === model).map((r) =>
      `${r.task}/${r.sample}: ${r.cases.map((c) => c.status).join(",")}`
    ).sort();
  assert.deepEqual(
    verdicts(again.results, "replay:synthetic:sloppy"),
    verdicts(original.results, "synthetic:sloppy"),
  );
  const ttft = (gs: typeof original.generations, model: string) =>
    gs.filter((g) => g.model === model).map((g) => `${g.task}/${g.sample}: ${g.ttftMs}`).sort();
  assert.deepEqual(
    ttft(again.generations, "replay:synthetic:sloppy"),
    ttft(original.generations, "synthetic:sloppy"),
    "recorded latency is served as recorded",
  );
});

Deno.test("replay: a missing answer is a generation error, a bad file a clear error", async () => {
  const file = await Deno.makeTempFile({ suffix: ".jsonl" });
  await Deno.writeTextFile(file, JSON.stringify({ task: "clamp", sample: 0, text: "x" }) + "\n");
  const p = replayProvider(file);
  const g = await p.generate({ messages: [], sample: 5, task: "clamp" });
  assert.match(g.error!, /no recorded answer for task "clamp" sample 5/);
  await Deno.writeTextFile(file, '{"task": "t"}\n{"task": "u", "text": "y"}\n');
  assert.throws(() => replayProvider(file), /line 1: every record needs "task" and "text"/);
  assert.throws(
    () => replayProvider("/nope"),
    /Cannot replay "\/nope": no such run folder or file/,
  );
});
