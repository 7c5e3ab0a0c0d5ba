import assert from "node:assert/strict";
import { join } from "node:path";
import { createProvider } from "../../lib/model/create.ts";
import { evaluate } from "../../lib/run/evaluate.ts";
import { FORMAT_VERSION, Manifest } from "../../lib/record/manifest.ts";
import { RUN_FILES } from "../../lib/run/store.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

Deno.test("evaluate() records the suite version beside the content hash in the manifest", async () => {
  const dir = await Deno.makeTempDir();
  const tiny = join(ROOT, "data/fixtures/suite-tiny", "clamp");
  await Deno.mkdir(join(dir, "clamp"));
  for await (const f of Deno.readDir(tiny)) {
    await Deno.copyFile(join(tiny, f.name), join(dir, "clamp", f.name));
  }
  await Deno.writeTextFile(join(dir, "suite.json"), '{"name": "tiny", "version": "3.2.1"}');
  const suite = await loadSuite(dir);
  const model = createProvider("synthetic:reference", { tasks: suite.tasks });
  try {
    const runsDir = await Deno.makeTempDir();
    const run = await evaluate(suite, {
      models: [model],
      runsDir,
      isolation: "none",
      resume: false,
    });
    const manifest = Manifest.parse(
      JSON.parse(await Deno.readTextFile(join(run.dir, RUN_FILES.manifest))),
    );
    assert.equal(manifest.suite.version, "3.2.1");
    assert.equal(manifest.suite.hash, suite.hash);
  } finally {
    await model.close();
  }
});

Deno.test("Manifest parses a manifest written before suite versions were recorded", () => {
  const old = {
    formatVersion: FORMAT_VERSION,
    runId: "r",
    createdAt: "2026-11-01T00:00:00.000Z",
    gitRevision: null,
    suite: { name: "builtin", dir: "/x", hash: "h", tasks: 40 },
    models: [],
    variants: [],
    params: {},
    tools: {},
  };
  const parsed = Manifest.safeParse(old);
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
  assert.equal(parsed.data.suite.version, undefined);
});
