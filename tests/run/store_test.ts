import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";
import type { Manifest } from "../../lib/record/manifest.ts";
import { createRun, findResumable, newRunId, reopenRun, RUN_FILES } from "../../lib/run/store.ts";

const manifest = (runId: string, configHash = "cfg"): Omit<Manifest, "formatVersion"> => ({
  runId,
  createdAt: new Date().toISOString(),
  gitRevision: null,
  suite: { name: "s", dir: "/s", hash: "h", tasks: 1 },
  models: [{ spec: "synthetic:default", synthetic: true }],
  variants: ["plain"],
  params: {},
  tools: {},
  configHash,
  resumedAt: [],
  completedAt: null,
});

const generation = (sample: number) => ({
  task: "t",
  model: "synthetic:default",
  variant: "plain",
  sample,
  synthetic: true,
  startedAt: new Date().toISOString(),
  text: "x",
  code: "x",
  ttftMs: 1,
  totalMs: 2,
  tokensIn: 1,
  tokensOut: 1,
  tokensEstimated: false,
  tokensPerSec: null,
  queueMs: 0,
  retryMs: 0,
  retries: 0,
  cached: false,
  error: null,
  mutations: [],
  gapP50Ms: null,
  gapMaxMs: null,
  reasoningTokens: null,
});

Deno.test("newRunId() sorts by time", () => {
  assert.ok(
    newRunId(new Date("2026-01-01T00:00:00Z")) < newRunId(new Date("2026-01-02T00:00:00Z")),
  );
});

Deno.test("createRun() appends one JSON line per record, in order, and complete() marks the manifest", async () => {
  const root = await Deno.makeTempDir();
  const run = await createRun(root, manifest("r1"));
  await Promise.all([0, 1, 2].map((i) => run.appendGeneration(generation(i))));
  await run.complete();
  await run.close();
  const lines = (await Deno.readTextFile(join(run.dir, RUN_FILES.generations))).trimEnd().split(
    "\n",
  );
  assert.deepEqual(lines.map((l) => JSON.parse(l).sample), [0, 1, 2]);
  const loaded = await loadRun(run.dir);
  assert.ok(loaded.manifest.completedAt !== null);
});

Deno.test("reopenRun() cuts a torn last line so its record is redone, and records the resume", async () => {
  const root = await Deno.makeTempDir();
  const run = await createRun(root, manifest("r1"));
  await run.appendGeneration(generation(0));
  await run.close();
  const path = join(run.dir, RUN_FILES.generations);
  await Deno.writeTextFile(path, JSON.stringify(generation(1)).slice(0, 40), { append: true }); // killed mid-write
  const again = await reopenRun(run.dir);
  await again.appendGeneration(generation(1));
  await again.close();
  const text = await Deno.readTextFile(path);
  assert.deepEqual(text.trimEnd().split("\n").map((l) => JSON.parse(l).sample), [0, 1]);
  assert.equal((await loadRun(run.dir)).manifest.resumedAt.length, 1);
});

Deno.test("findResumable() returns the newest incomplete run with the same configuration only", async () => {
  const root = await Deno.makeTempDir();
  const a = await createRun(root, manifest("20260101-000000-aaaa"));
  await a.close();
  const b = await createRun(root, manifest("20260102-000000-bbbb"));
  await b.close();
  const done = await createRun(root, manifest("20260103-000000-cccc"));
  await done.complete();
  await done.close();
  const other = await createRun(root, manifest("20260104-000000-dddd", "other"));
  await other.close();
  assert.equal(await findResumable(root, "cfg"), b.dir);
  assert.equal(await findResumable(root, "nope"), null);
});
