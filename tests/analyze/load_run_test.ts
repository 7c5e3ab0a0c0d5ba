import assert from "node:assert/strict";
import { join } from "node:path";
import { loadRun } from "../../lib/analyze/load_run.ts";

const FIXTURE = new URL("../../data/fixtures/run-tiny", import.meta.url).pathname;

/** A writable copy of the fixture run; returns its folder. */
async function copyFixture(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "assay-load-" });
  for (const name of ["manifest.json", "generations.jsonl", "results.jsonl"]) {
    await Deno.copyFile(join(FIXTURE, name), join(dir, name));
  }
  return dir;
}

/** Rewrite line `n` (1-based) of a JSONL file with `edit`. */
async function editLine(file: string, n: number, edit: (line: string) => string) {
  const lines = (await Deno.readTextFile(file)).split("\n");
  lines[n - 1] = edit(lines[n - 1]);
  await Deno.writeTextFile(file, lines.join("\n"));
}

Deno.test("loadRun() reads the manifest and every record of a run folder", async () => {
  const run = await loadRun(FIXTURE);
  assert.equal(run.dir, FIXTURE);
  assert.equal(run.manifest.runId, "run-tiny");
  assert.deepEqual(run.manifest.models.map((m) => m.synthetic), [true, true]);
  assert.equal(run.generations.length, 12);
  assert.equal(run.results.length, 12);
  assert.deepEqual(run.generations[0].mutations, []);
});

Deno.test("loadRun() skips a truncated last line (a run killed mid-write)", async () => {
  const dir = await copyFixture();
  try {
    const file = join(dir, "results.jsonl");
    const first = (await Deno.readTextFile(file)).split("\n")[0];
    await Deno.writeTextFile(file, first.slice(0, 57), { append: true });
    const run = await loadRun(dir);
    assert.equal(run.results.length, 12);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadRun() names the file, line and field of an invalid record", async () => {
  const dir = await copyFixture();
  try {
    await editLine(
      join(dir, "generations.jsonl"),
      3,
      (l) => l.replace(/"totalMs":[0-9.]+/, '"totalMs":"slow"'),
    );
    await assert.rejects(
      loadRun(dir),
      (error: Error) => {
        assert.match(
          error.message,
          new RegExp(`^Cannot load run "${dir}": generations\\.jsonl line 3: totalMs: .*number`),
        );
        return true;
      },
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadRun() names a nested field path in a result record", async () => {
  const dir = await copyFixture();
  try {
    await editLine(
      join(dir, "results.jsonl"),
      2,
      (l) => l.replace('"status":"pass"', '"status":"ok"'),
    );
    await assert.rejects(loadRun(dir), /results\.jsonl line 2: cases\.0\.status: /);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadRun() throws on a line of invalid JSON that is not the last", async () => {
  const dir = await copyFixture();
  try {
    await editLine(join(dir, "results.jsonl"), 5, (l) => l.slice(0, 40));
    await assert.rejects(loadRun(dir), /results\.jsonl line 5: invalid JSON/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadRun() throws naming manifest.json when it is missing", async () => {
  const dir = await Deno.makeTempDir({ prefix: "assay-load-" });
  try {
    await assert.rejects(
      loadRun(dir),
      new RegExp(`^Error: Cannot load run "${dir}": manifest\\.json not found`),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadRun() rejects a manifest of another format version", async () => {
  const dir = await copyFixture();
  try {
    const file = join(dir, "manifest.json");
    const manifest = JSON.parse(await Deno.readTextFile(file));
    await Deno.writeTextFile(file, JSON.stringify({ ...manifest, formatVersion: 3 }));
    await assert.rejects(loadRun(dir), /manifest\.json: formatVersion: /);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadRun() reads missing record files as empty", async () => {
  const dir = await copyFixture();
  try {
    await Deno.remove(join(dir, "generations.jsonl"));
    await Deno.remove(join(dir, "results.jsonl"));
    const run = await loadRun(dir);
    assert.deepEqual([run.generations.length, run.results.length], [0, 0]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("loadRun() keeps the last record of a repeated key, at its first position", async () => {
  const dir = await copyFixture();
  try {
    const file = join(dir, "results.jsonl");
    const first = JSON.parse((await Deno.readTextFile(file)).split("\n")[0]);
    await Deno.writeTextFile(file, JSON.stringify({ ...first, execMs: 999 }) + "\n", {
      append: true,
    });
    const run = await loadRun(dir);
    assert.equal(run.results.length, 12);
    assert.equal(run.results[0].execMs, 999);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
