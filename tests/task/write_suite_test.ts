import assert from "node:assert/strict";
import { join } from "node:path";
import { importSuite } from "../../lib/task/importers/detect.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";
import type { Suite } from "../../lib/task/schema.ts";
import { writeSuite } from "../../lib/task/write_suite.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const IMPORTERS = join(ROOT, "data/fixtures/importers");
const DENO = Deno.execPath();

/** Every field of every task except the folder it was loaded from. */
const content = (suite: Suite) => suite.tasks.map(({ dir: _dir, ...task }) => task);

for (
  const fixture of [
    "multipl-e.jsonl",
    "humaneval-x.jsonl",
    "mbxp-ts.jsonl",
    "can-ai-code-tasks.json",
    "jest/slugify.spec.ts",
  ]
) {
  Deno.test(`writeSuite() writes the ${fixture} import as a folder suite that loadSuite reads back identically`, async () => {
    const imported = await importSuite(join(IMPORTERS, fixture));
    const out = await Deno.makeTempDir();
    const written = await writeSuite(imported, out);
    assert.equal(written.tasks, imported.tasks.length);
    const back = await loadSuite(out);
    assert.deepEqual(content(back), content(imported));
    assert.equal(back.version, null, "an import has no suite.json");
  });
}

Deno.test("writeSuite() keeps a test-file reference under its own file name", async () => {
  const imported = await importSuite(join(IMPORTERS, "jest/slugify.spec.ts"));
  const out = await Deno.makeTempDir();
  await writeSuite(imported, out);
  const [task] = imported.tasks;
  assert.equal(task.reference, "slugify.ts");
  assert.equal(await Deno.readTextFile(join(out, task.id, "slugify.ts")), task.referenceSource);
});

Deno.test("writeSuite() round-trips tasks/builtin: same tasks and version; a rewrite keeps the hash", async () => {
  const builtin = await loadSuite(join(ROOT, "tasks/builtin"));
  const out = join(await Deno.makeTempDir(), "builtin");
  await writeSuite(builtin, out, { description: "copy", licence: "MIT" });
  const back = await loadSuite(out);
  assert.deepEqual(content(back), content(builtin));
  assert.equal(back.version, builtin.version);
  // task.json is rewritten with every default spelled out, so the hash differs from the
  // hand-written folder's, but writing the written suite again is stable.
  const again = join(await Deno.makeTempDir(), "builtin");
  await writeSuite(back, again);
  assert.equal((await loadSuite(again)).hash, back.hash);
  const meta = JSON.parse(await Deno.readTextFile(join(out, "suite.json")));
  assert.deepEqual(meta, {
    name: "builtin",
    version: builtin.version,
    description: "copy",
    licence: "MIT",
  });
});

Deno.test("writeSuite() refuses a non-empty folder unless forced, then replaces only its task folders", async () => {
  const imported = await importSuite(join(IMPORTERS, "multipl-e.jsonl"));
  const out = await Deno.makeTempDir();
  await Deno.mkdir(join(out, "stale-task"));
  await Deno.writeTextFile(join(out, "stale-task", "task.json"), "{}");
  await Deno.writeTextFile(join(out, "NOTES.md"), "keep me");
  await assert.rejects(
    writeSuite(imported, out),
    /Cannot write a suite to ".*": the folder is not empty \(2 entries\): choose a new or empty folder, or pass --force/,
  );
  await writeSuite(imported, out, { force: true });
  const back = await loadSuite(out);
  assert.deepEqual(back.tasks.map((t) => t.id), imported.tasks.map((t) => t.id));
  assert.equal(await Deno.readTextFile(join(out, "NOTES.md")), "keep me");
});

Deno.test("writeSuite() refuses to write over a file", async () => {
  const file = await Deno.makeTempFile();
  const imported = await importSuite(join(IMPORTERS, "multipl-e.jsonl"));
  await assert.rejects(writeSuite(imported, file), /Cannot write a suite to ".*": it is a file/);
});

/** Run `deno task import …` through the CLI entry point. */
async function cli(...args: string[]) {
  const out = await new Deno.Command(DENO, {
    args: ["run", "-A", join(ROOT, "lib/cli.ts"), "import", ...args],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

Deno.test("import CLI writes a suite, then refuses the non-empty folder without --force", async () => {
  const out = join(await Deno.makeTempDir(), "me");
  const first = await cli("multipl-e", join(IMPORTERS, "multipl-e.jsonl"), "--out", out);
  assert.equal(first.code, 0, first.stderr);
  assert.match(
    first.stdout,
    /imported \d+ task\(s\) from .* \(\d+ files; 0 with a reference solution\)/,
  );
  const again = await cli("auto", join(IMPORTERS, "multipl-e.jsonl"), "--out", out);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /the folder is not empty/);
  const forced = await cli("auto", join(IMPORTERS, "multipl-e.jsonl"), "--out", out, "--force");
  assert.equal(forced.code, 0, forced.stderr);
});

Deno.test("import CLI names the formats when given an unknown one or no --out", async () => {
  const bad = await cli("humaneval-py", "x.jsonl", "--out", "/tmp/never");
  assert.equal(bad.code, 2);
  assert.match(
    bad.stderr,
    /Cannot import with format "humaneval-py": use one of auto, multipl-e, humaneval-x, mbxp, can-ai-code, jest, deno-test, humaneval, mbpp, multipl-e-py, evalplus/,
  );
  const noOut = await cli("jest", join(IMPORTERS, "jest/slugify.spec.ts"));
  assert.equal(noOut.code, 2);
  assert.match(noOut.stderr, /--out is required/);
});
