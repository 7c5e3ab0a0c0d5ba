import assert from "node:assert/strict";
import { join } from "node:path";
import { runSample } from "../../lib/sandbox/deno.ts";
import { resolveDependencies } from "../../lib/sandbox/dep_store.ts";

const ROOT = new URL("../..", import.meta.url).pathname;

async function removeCache(dir: string) {
  await new Deno.Command("chmod", { args: ["-R", "u+w", dir] }).output();
  await Deno.remove(dir, { recursive: true });
}

Deno.test("resolveDependencies() copies from node_modules into a nested, read-only, content-addressed store", async () => {
  const cacheDir = await Deno.makeTempDir();
  try {
    const store = (await resolveDependencies(
      { mathjs: "^11.0.0", "heap-js": "^2.2.0" },
      { cacheDir, projectDir: ROOT, offline: true },
    ))!;
    assert.equal(store.source, "project");
    assert.deepEqual(Object.keys(store.packages), ["heap-js", "mathjs"]);
    assert.equal(store.dir, join(cacheDir, "deps", store.hash));
    // Only the declared packages at the top: mathjs's own dependencies are nested inside it.
    const top = [...Deno.readDirSync(store.nodeModules)].map((e) => e.name).sort();
    assert.deepEqual(top, ["heap-js", "mathjs"]);
    assert.ok(store.installed["mathjs/node_modules/decimal.js"]);
    const mode = (await Deno.stat(join(store.nodeModules, "mathjs", "package.json"))).mode!;
    assert.equal(mode & 0o222, 0, "files are read-only");
    // The same request again is answered from the index, without copying.
    const again = (await resolveDependencies(
      { "heap-js": "^2.2.0", mathjs: "^11.0.0" },
      { cacheDir, projectDir: null, offline: true },
    ))!;
    assert.equal(again.hash, store.hash);
  } finally {
    await removeCache(cacheDir);
  }
});

Deno.test("resolveDependencies() throws naming the package when npm cannot install it", async () => {
  const cacheDir = await Deno.makeTempDir();
  try {
    await assert.rejects(
      resolveDependencies(
        { "assay-no-such-package-xyz": "^1.0.0" },
        { cacheDir, projectDir: ROOT, offline: true },
      ),
      /Cannot install dependencies assay-no-such-package-xyz@\^1\.0\.0/,
    );
    const left = [...Deno.readDirSync(join(cacheDir, "deps"))].map((e) => e.name);
    assert.deepEqual(left, ["requests"], "no temporary folder is left behind");
  } finally {
    await removeCache(cacheDir);
  }
});

Deno.test("runSample() with dependencies resolves a declared package and refuses any other (no isolation)", async () => {
  const cacheDir = await Deno.makeTempDir();
  try {
    const store = (await resolveDependencies({ mathjs: "^11.0.0" }, {
      cacheDir,
      projectDir: ROOT,
      offline: true,
    }))!;
    const job = (code: string) => ({
      code,
      testsSource:
        'import assert from "node:assert";\nimport { f } from "./solution.ts";\nexport const cases = { gcd: () => assert.equal(f(12, 18), 6) };',
      cases: [{ name: "gcd", kind: "core" as const, tags: [] }],
      entry: "f",
      dependencies: { nodeModules: store.nodeModules },
    });
    const ok = await runSample(
      job(
        'import * as math from "mathjs";\nexport const f = (a: number, b: number) => math.gcd(a, b);',
      ),
      { isolation: "none" },
    );
    assert.equal(ok.outcome, "completed", ok.detail);
    assert.equal(ok.cases[0].status, "pass");
    const other = await runSample(
      job('import { z } from "zod";\nexport const f = (a: number, b: number) => (z, 6);'),
      { isolation: "none" },
    );
    assert.equal(other.outcome, "load_error");
    assert.match(other.detail, /^import of "zod", not a declared dependency: /);
    const escape = await runSample(
      job(
        'import x from "./node_modules/../../../etc/hostname" with { type: "text" };\nexport const f = () => x;',
      ),
      { isolation: "none" },
    );
    assert.match(escape.detail, /unsafe-no-isolation/);
  } finally {
    await removeCache(cacheDir);
  }
});
