import assert from "node:assert/strict";
import { runSample } from "../../lib/sandbox/deno.ts";
import { type DependencyStore, resolveDependencies } from "../../lib/sandbox/dep_store.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { createPool } from "../../lib/sandbox/pool.ts";
import { strictReason } from "../../lib/sandbox/pool_route.ts";
import type { Isolation, SandboxJob, SandboxResult } from "../../lib/sandbox/sandbox.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const isolation: Isolation = (await bwrapAvailable()) ? "bwrap" : "none";
if (isolation === "none") console.warn("pool deps tests run with --isolation none: no bwrap");

const TESTS = `import assert from "node:assert/strict";
import { isPrime } from "./solution.ts";
export const cases = {
  "seven": () => assert.equal(isPrime(7), true),
  "eight": () => assert.equal(isPrime(8), false),
};`;
const CASES = ["seven", "eight"].map((name) => ({ name, kind: "core" as const, tags: [] }));
const job = (code: string, store: DependencyStore | null, testsSource = TESTS): SandboxJob => ({
  code,
  testsSource,
  cases: CASES,
  entry: "isPrime",
  ...(store ? { dependencies: { nodeModules: store.nodeModules } } : {}),
});
const verdict = (
  r: SandboxResult,
) => [r.outcome, ...r.cases.map((c) => `${c.status} ${c.message}`)];

/** The MBXP prompt's import, above code that never uses it (type stripping removes it). */
const UNUSED = `import * as math from 'mathjs'
export const isPrime = (n: number): boolean => {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return n > 1;
};`;
const UNUSED_WRONG = UNUSED.replace("return n > 1", "return n > 100");
const USED = `import * as math from 'mathjs'
export const isPrime = (n: number): boolean => math.isPrime(n);`;

async function withStore(fn: (store: DependencyStore) => Promise<void>): Promise<void> {
  const cacheDir = await Deno.makeTempDir();
  try {
    const store = await resolveDependencies({ mathjs: "^11.0.0" }, {
      cacheDir,
      projectDir: ROOT,
      offline: true,
    });
    await fn(store!);
  } finally {
    await new Deno.Command("chmod", { args: ["-R", "u+w", cacheDir] }).output();
    await Deno.remove(cacheDir, { recursive: true });
  }
}

Deno.test("createPool() runs a sample whose declared package import stripping removes, with the strict runner's verdicts", async () => {
  await withStore(async (store) => {
    const pool = createPool({ size: 1, isolation });
    try {
      const programs = { passes: UNUSED, fails: UNUSED_WRONG, "uses mathjs": USED };
      for (const [name, code] of Object.entries(programs)) {
        const pooled = await pool.run(job(code, store));
        const strict = await runSample(job(code, store), { isolation });
        assert.deepEqual(verdict(pooled), verdict(strict), name);
      }
      assert.deepEqual(verdict(await pool.run(job(UNUSED, store))).slice(0, 3), [
        "completed",
        "pass ",
        "pass ",
      ]);
      assert.equal(verdict(await pool.run(job(UNUSED_WRONG, store)))[1].split(" ")[0], "fail");
      // All ran in the warm host: the two whose import is gone (twice each) and the one that
      // calls mathjs, whose graph the host evaluated in the sample's own context.
      const stats = pool.stats();
      assert.equal(stats.pooled, 5);
      assert.deepEqual(stats.strict, {});
    } finally {
      await pool.close();
    }
  });
});

Deno.test("createPool() still refuses an undeclared package as the strict runner does", async () => {
  await withStore(async (store) => {
    const pool = createPool({ size: 1, isolation });
    try {
      // No store: the import is not a dependency, whether or not stripping removes it.
      assert.equal(strictReason(job(UNUSED, null)), 'imports "mathjs"');
      const pooled = await pool.run(job(UNUSED, null));
      assert.equal(pooled.outcome, "load_error");
      assert.deepEqual(verdict(pooled), verdict(await runSample(job(UNUSED, null), { isolation })));
      // A store without the package, a subpath, a package's own dependency: the same.
      const other = UNUSED.replace("'mathjs'", "'heap-js'");
      assert.equal(strictReason(job(other, store)), 'imports "heap-js"');
      const sub = UNUSED.replace("'mathjs'", "'mathjs/number'");
      assert.equal(strictReason(job(sub, store)), 'imports "mathjs/number"');
      const nested = UNUSED.replace("'mathjs'", "'decimal.js'");
      assert.equal(strictReason(job(nested, store)), 'imports "decimal.js"');
      const verdicts = await Promise.all([other, nested].map(async (code) => [
        verdict(await pool.run(job(code, store))),
        verdict(await runSample(job(code, store), { isolation })),
      ]));
      for (const [pooledVerdict, strictVerdict] of verdicts) {
        assert.deepEqual(pooledVerdict, strictVerdict);
      }
      assert.equal(pool.stats().pooled, 0);
    } finally {
      await pool.close();
    }
  });
});

Deno.test("createPool() lets no state set on a package module reach the next sample on the same host", async () => {
  await withStore(async (store) => {
    const tests = `import assert from "node:assert/strict";
import { isPrime } from "./solution.ts";
export const cases = {
  "seven": () => assert.equal(isPrime(7), true),
  "eight": () => assert.equal(isPrime(8), false),
};`;
    // The first marks one of mathjs's functions; the second must find it unmarked.
    const setter = `import * as math from 'mathjs'
(math.add as any).leak = 1;
export const isPrime = (n: number): boolean => (math.add as any).leak === 1 && n === 7;`;
    const reader = `import * as math from 'mathjs'
export const isPrime = (n: number): boolean => (math.add as any).leak === undefined && n === 7;`;
    const elided = UNUSED;
    const pool = createPool({ size: 1, isolation });
    try {
      for (const code of [setter, elided, reader, elided, setter, reader]) {
        const r = await pool.run(job(code, store, tests));
        assert.deepEqual(r.cases.map((c) => c.status), ["pass", "pass"], code);
      }
      // One host throughout, every sample in it: each that loads mathjs evaluated a fresh copy
      // of its graph in its own context.
      const stats = pool.stats();
      assert.equal(stats.hostsStarted, 1);
      assert.equal(stats.pooled, 6);
      assert.deepEqual(stats.strict, {});
    } finally {
      await pool.close();
    }
  });
});
