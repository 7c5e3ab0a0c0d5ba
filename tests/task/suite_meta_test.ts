import assert from "node:assert/strict";
import { join } from "node:path";
import { loadSuite, SuiteError } from "../../lib/task/load_suite.ts";
import { readSuiteMeta, SuiteMeta } from "../../lib/task/suite_meta.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const TINY = join(ROOT, "data/fixtures/suite-tiny");

/** A copy of suite-tiny with `suite.json` holding `meta` (or no suite.json for null). */
async function tinyCopy(meta: string | null): Promise<string> {
  const dir = await Deno.makeTempDir();
  for (const id of ["clamp", "sum-evens"]) {
    await Deno.mkdir(join(dir, id));
    for await (const f of Deno.readDir(join(TINY, id))) {
      await Deno.copyFile(join(TINY, id, f.name), join(dir, id, f.name));
    }
  }
  if (meta !== null) await Deno.writeTextFile(join(dir, "suite.json"), meta);
  return dir;
}

Deno.test("readSuiteMeta() returns null when the folder has no suite.json", async () => {
  assert.equal(await readSuiteMeta(await Deno.makeTempDir()), null);
});

Deno.test("readSuiteMeta() applies the defaults of description and licence", async () => {
  const dir = await tinyCopy('{"name": "tiny", "version": "0.3.1-rc.1+build.5"}');
  assert.deepEqual(await readSuiteMeta(dir), {
    name: "tiny",
    version: "0.3.1-rc.1+build.5",
    description: "",
    licence: null,
  });
});

Deno.test("readSuiteMeta() names the file and every bad field", async () => {
  const dir = await tinyCopy('{"version": "v1", "licnce": "MIT"}');
  const error = await readSuiteMeta(dir).then(() => null, (e: Error) => e);
  assert.ok(error);
  assert.match(error.message, /^Cannot parse ".*suite\.json": /);
  assert.match(error.message, /name is required/);
  assert.match(error.message, /version: must be a semantic version such as "1\.0\.0"/);
  assert.match(error.message, /licnce/, "an unknown (misspelt) field is named");
});

Deno.test("readSuiteMeta() says when suite.json is not JSON", async () => {
  const dir = await tinyCopy("{ version: 1 }");
  await assert.rejects(readSuiteMeta(dir), /Cannot parse ".*suite\.json": not valid JSON/);
});

Deno.test("SuiteMeta rejects versions that are not semantic versions", () => {
  for (const version of ["1", "1.0", "01.0.0", "1.0.0.0", "latest", ""]) {
    assert.equal(SuiteMeta.safeParse({ name: "s", version }).success, false, version);
  }
  for (const version of ["0.0.0", "1.0.0", "10.20.30", "1.0.0-alpha.1", "1.0.0+20261126"]) {
    assert.equal(SuiteMeta.safeParse({ name: "s", version }).success, true, version);
  }
});

Deno.test("loadSuite() reads the version from suite.json, and null without one", async () => {
  assert.equal(
    (await loadSuite(await tinyCopy('{"name": "tiny", "version": "2.1.0"}'))).version,
    "2.1.0",
  );
  assert.equal((await loadSuite(await tinyCopy(null))).version, null);
});

Deno.test("loadSuite() keeps the content hash independent of suite.json", async () => {
  const a = await loadSuite(await tinyCopy('{"name": "tiny", "version": "2.1.0"}'));
  const b = await loadSuite(await tinyCopy(null));
  assert.equal(a.hash, b.hash, "the hash is the tasks' content; the version is the release");
});

Deno.test("loadSuite() reports a bad suite.json as a SuiteError naming the file", async () => {
  const error = await loadSuite(await tinyCopy('{"name": "tiny", "version": "1.0"}'))
    .then(() => null, (e) => e);
  assert.ok(error instanceof SuiteError);
  assert.match(error.problems[0], /suite\.json": version: must be a semantic version/);
});

Deno.test("loadSuite() reads version 1.0.0 for tasks/builtin", async () => {
  const suite = await loadSuite(join(ROOT, "tasks/builtin"));
  assert.equal(suite.version, "1.0.0");
});
