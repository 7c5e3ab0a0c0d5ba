import assert from "node:assert/strict";
import { basename, join } from "node:path";
import { runSample } from "../../lib/sandbox/deno.ts";
import { type DependencyStore, resolveDependencies } from "../../lib/sandbox/dep_store.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { createPool, type SandboxPool } from "../../lib/sandbox/pool.ts";
import type { Isolation, SandboxJob, SandboxResult } from "../../lib/sandbox/sandbox.ts";
import { ROOT, withFiles } from "../_helpers.ts";

const isolation: Isolation = (await bwrapAvailable()) ? "bwrap" : "none";
if (isolation === "none") console.warn("pool package tests run with --isolation none: no bwrap");

const CASES = ["a", "b"].map((name) => ({ name, kind: "core" as const, tags: [] }));
const job = (code: string, nodeModules: string, tests: string): SandboxJob => ({
  code,
  testsSource:
    `import assert from "node:assert/strict";\nimport { f } from "./solution.ts";\n${tests}`,
  cases: CASES,
  entry: "f",
  dependencies: { nodeModules },
});
const verdict = (
  r: SandboxResult,
) => [r.outcome, ...r.cases.map((c) => `${c.status} ${c.message}`)];

async function withPool(fn: (pool: SandboxPool) => Promise<void>): Promise<void> {
  const pool = createPool({ size: 1, isolation });
  try {
    await fn(pool);
  } finally {
    await pool.close();
  }
}

/** Run `j` pooled and strict; the verdicts must be the same. Returns the pooled one. */
async function same(pool: SandboxPool, j: SandboxJob, label: string): Promise<SandboxResult> {
  const pooled = await pool.run(j);
  assert.deepEqual(verdict(pooled), verdict(await runSample(j, { isolation })), label);
  return pooled;
}

const CJS_AND_ESM = {
  // CommonJS with a relative require, a JSON file and a named export Deno's analysis finds.
  "counter/package.json": '{"main": "lib/index.js"}',
  "counter/lib/index.js":
    'const data = require("./data.json");\nlet n = 0;\nexports.next = () => ++n;\nexports.base = data.base;\n',
  "counter/lib/data.json": '{"base": 40}',
  // An ES module package importing a CommonJS one through its facade.
  "esm-pkg/package.json":
    '{"type": "module", "exports": {".": {"import": "./i.js", "require": "./c.cjs"}}}',
  "esm-pkg/i.js": 'import c from "counter";\nexport const plus = (x) => c.base + x;\n',
  "esm-pkg/c.cjs": "module.exports = { plus: () => -1 };\n",
};

Deno.test("createPool() loads declared CommonJS and ES module packages in the sample's context, with the strict runner's verdicts", async () => {
  await withFiles(CJS_AND_ESM, async (store) => {
    await withPool(async (pool) => {
      const tests = `export const cases = {
  a: () => assert.equal(f(2), 42),
  b: () => assert.equal(f(3), 44),
};`;
      const esm = job(
        'import { plus } from "esm-pkg";\nexport const f = (x: number) => plus(x);',
        store,
        tests,
      );
      const counted = job(
        'import { next, base } from "counter";\nexport const f = (x: number) => base + x + next() - 1;',
        store,
        tests,
      );
      // The counter is a fresh module in each sample: its count starts at 0 every time.
      for (
        const [label, j] of [["esm", esm], ["counter", counted], [
          "counter again",
          counted,
        ]] as const
      ) {
        const r = await same(pool, j, label);
        assert.deepEqual(
          r.cases.map((c) => c.status),
          ["pass", label === "esm" ? "fail" : "pass"],
          label,
        );
      }
      // The facade exports what Deno's does: the same names, default and "module.exports".
      const names = job(
        'import * as ns from "counter";\nexport const f = () => Object.keys(ns).join(",") + (ns.default === ns["module.exports"]);',
        store,
        'export const cases = { a: () => assert.equal(f(), "base,default,module.exports,nexttrue"), b: () => {} };',
      );
      assert.equal((await same(pool, names, "names")).cases[0].status, "pass");
      // The host collects its heap after package jobs with a `gc` no job's context has.
      const noGc = job(
        'import { next } from "counter";\nexport const f = () => typeof (globalThis as any)["g" + "c"] + typeof next;',
        store,
        'export const cases = { a: () => assert.equal(f(), "undefinedfunction"), b: () => {} };',
      );
      assert.equal((await same(pool, noGc, "no gc")).cases[0].status, "pass");
      assert.deepEqual(pool.stats().strict, {});
      assert.equal(pool.stats().pooled, 5);
    });
  });
});

Deno.test("createPool() hands the sample to the strict runner when package code touches what the context lacks", async () => {
  const files = {
    "env/package.json": "{}",
    "env/index.js": "exports.home = () => process.env.HOME ?? 'none';\nexports.one = () => 1;\n",
    "path-user/package.json": "{}",
    "path-user/index.js":
      'const path = require("path");\nexports.join = (a, b) => path.join(a, b);\nexports.one = () => 1;\n',
    "module-id/package.json": "{}",
    "module-id/index.js": "exports.id = () => typeof module.id;\n",
    "self-global/package.json": "{}",
    "self-global/index.js":
      "const g = typeof self !== 'undefined' ? self : this;\nexports.same = () => g === globalThis && global === globalThis;\n",
  };
  await withFiles(files, async (store) => {
    await withPool(async (pool) => {
      const t = (body: string) => `export const cases = { a: () => ${body}, b: () => {} };`;
      // Holding a built-in without using it, or never calling what reads `process`: pooled.
      await same(
        pool,
        job(
          'import { one } from "path-user";\nexport const f = () => one();',
          store,
          t("assert.equal(f(), 1)"),
        ),
        "held",
      );
      await same(
        pool,
        job(
          'import { one } from "env";\nexport const f = () => one();',
          store,
          t("assert.equal(f(), 1)"),
        ),
        "unread",
      );
      // `self` and `global` are the context's global object, as they are Deno's.
      await same(
        pool,
        job(
          'import { same } from "self-global";\nexport const f = () => same();',
          store,
          t("assert.equal(f(), true)"),
        ),
        "self",
      );
      assert.equal(pool.stats().pooled, 3);
      // Using the built-in, reading `process`, `module.id`: the strict runner judges.
      await same(
        pool,
        job(
          'import { join } from "path-user";\nexport const f = () => join("a", "b");',
          store,
          t('assert.equal(f(), "a/b")'),
        ),
        "used",
      );
      await same(
        pool,
        job(
          'import { home } from "env";\nexport const f = () => home();',
          store,
          t("assert.equal(typeof f(), 'string')"),
        ),
        "process",
      );
      await same(
        pool,
        job(
          'import { id } from "module-id";\nexport const f = () => id();',
          store,
          t('assert.equal(f(), "string")'),
        ),
        "module.id",
      );
      assert.equal(pool.stats().pooled, 3);
      assert.equal(pool.stats().strict["package code used"], 3);
    });
  });
});

Deno.test("createPool() sends a graph the pool would load differently from Deno to the strict runner", async () => {
  const files = {
    "meta/package.json": '{"type": "module", "exports": "./i.js"}',
    "meta/i.js": "export const where = () => import.meta.url.length > 0;\n",
    "dyn/package.json": "{}",
    "dyn/index.js": 'exports.load = () => import("./x.js");\n',
  };
  await withFiles(files, async (store) => {
    await withPool(async (pool) => {
      const t = "export const cases = { a: () => assert.ok(f()), b: () => {} };";
      await same(
        pool,
        job('import { where } from "meta";\nexport const f = () => where();', store, t),
        "import.meta",
      );
      await same(
        pool,
        job('import { load } from "dyn";\nexport const f = () => typeof load;', store, t),
        "dynamic import",
      );
      assert.equal(pool.stats().pooled, 0);
      assert.deepEqual(pool.stats().strict, {
        'imports declared "meta"': 1,
        'imports declared "dyn"': 1,
      });
      assert.deepEqual(pool.stats().packageGraphs, {
        meta: "refused: meta/i.js uses import.meta",
        dyn: "refused: dyn/index.js uses a dynamic import",
      });
    });
  });
});

Deno.test("createPool() runs heap-js samples in the pool with the strict runner's verdicts", async () => {
  const cacheDir = await Deno.makeTempDir();
  try {
    const store: DependencyStore = (await resolveDependencies({ "heap-js": "^2.2.0" }, {
      cacheDir,
      projectDir: ROOT,
      offline: true,
    }))!;
    await withPool(async (pool) => {
      const code = (k: number) =>
        `import { Heap } from 'heap-js';
export const f = (xs: number[]): number[] => {
  const heap = new Heap<number>();
  heap.init(xs);
  const out: number[] = [];
  for (let i = 0; i < ${k} && heap.size() > 0; i++) out.push(heap.pop()!);
  return out;
};`;
      const tests = `export const cases = {
  a: () => assert.deepEqual(f([5, 1, 4]), [1, 4]),
  b: () => assert.deepEqual(f([2, 9, 3, 7]), [2, 3]),
};`;
      const right = await same(pool, job(code(2), store.nodeModules, tests), "right");
      assert.deepEqual(right.cases.map((c) => c.status), ["pass", "pass"]);
      const wrong = await same(pool, job(code(1), store.nodeModules, tests), "wrong");
      assert.deepEqual(wrong.cases.map((c) => c.status), ["fail", "fail"]);
      assert.equal(pool.stats().pooled, 2);
      // Scanned here, and kept beside the store for the next process (pool_graph_cache.ts).
      assert.deepEqual(pool.stats().packageGraphs, { "heap-js": "made: 1 files" });
      const kept = await Array.fromAsync(
        Deno.readDir(join(cacheDir, "deps", "pool-graphs", basename(store.dir))),
      );
      assert.equal(kept.filter((e) => e.name.endsWith(".json")).length, 1);
    });
  } finally {
    await new Deno.Command("chmod", { args: ["-R", "u+w", cacheDir] }).output();
    await Deno.remove(cacheDir, { recursive: true });
  }
});
