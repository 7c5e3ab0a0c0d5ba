import assert from "node:assert/strict";
import { codeCacheSeed } from "../../lib/sandbox/code_cache.ts";
import { runSample } from "../../lib/sandbox/deno.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";

const hasBwrap = await bwrapAvailable();
if (!hasBwrap) {
  console.warn("tests/sandbox/code_cache_test.ts: bubblewrap is not available here; skipped");
}
const denoPath = Deno.realPathSync(Deno.execPath());

Deno.test({
  name:
    "codeCacheSeed() keeps V8's code cache, its log folded in, and nothing of the warm-up job's own",
  ignore: !hasBwrap,
  fn: async () => {
    const seed = await codeCacheSeed({ denoPath, heapMb: 512, dataMb: 1024 });
    const paths = seed.map(([path]) => path);
    assert(paths.some((p) => /^v8_code_cache_v\d+$/.test(p)), paths.join(", "));
    assert(!paths.some((p) => p.endsWith("-shm") || p.endsWith("-wal")), paths.join(", "));
    assert(!paths.some((p) => /solution\.ts|tests\.ts/.test(p)), paths.join(", "));
    // Made once per binary and heap cap.
    assert.equal(await codeCacheSeed({ denoPath, heapMb: 512, dataMb: 1024 }), seed);
  },
});

// The warm-up job defines `f = () => 0` in /job/solution.ts: a job with the same path and name
// but other code must run its own code (the caches are checked against the source's hash).
const job = (code: string) => ({
  code,
  testsSource:
    'import assert from "node:assert/strict";\nimport { f } from "./solution.ts";\nexport const cases = { one: () => assert.equal(f(), 1) };\n',
  cases: [{ name: "one", kind: "core" as const, tags: [] }],
  entry: "f",
});

Deno.test({
  name: "runSample() under bwrap with a seeded cache runs the job's own code, never the warm-up's",
  ignore: !hasBwrap,
  fn: async () => {
    const right = await runSample(job("export const f = () => 1;\n"), { isolation: "bwrap" });
    assert.equal(right.cases[0].status, "pass", right.cases[0].message);
    const wrong = await runSample(job("export const f = () => 0;\n"), { isolation: "bwrap" });
    assert.equal(wrong.cases[0].status, "fail");
    assert.match(wrong.cases[0].message, /0 !== 1|Expected values to be strictly equal/);
  },
});

Deno.test({
  name:
    "codeCacheSeed() for a dependency store also warms its packages, and a job importing one passes",
  ignore: !hasBwrap,
  fn: async () => {
    // A store's read-only node_modules with one CommonJS package (what Deno analyses slowly).
    const store = await Deno.makeTempDir();
    try {
      await Deno.mkdir(`${store}/tiny`);
      await Deno.writeTextFile(
        `${store}/tiny/package.json`,
        '{"name":"tiny","version":"1.0.0","main":"index.js"}',
      );
      await Deno.writeTextFile(`${store}/tiny/index.js`, "exports.twice = (x) => 2 * x;\n");
      const base = await codeCacheSeed({ denoPath, heapMb: 512, dataMb: 1024 });
      const seed = await codeCacheSeed({ denoPath, heapMb: 512, dataMb: 1024, nodeModules: store });
      assert.notEqual(seed, base);
      assert(seed.length > 0, "the store's warm-up left no cache");
      const size = (s: typeof seed) => s.reduce((n, [, b]) => n + b.length, 0);
      assert(size(seed) > size(base), `${size(seed)} bytes vs ${size(base)} without the store`);
      const result = await runSample({
        code: 'import { twice } from "tiny";\nexport const f = (x: number) => twice(x);\n',
        testsSource:
          'import assert from "node:assert/strict";\nimport { f } from "./solution.ts";\nexport const cases = { one: () => assert.equal(f(2), 4) };\n',
        cases: [{ name: "one", kind: "core", tags: [] }],
        entry: "f",
        dependencies: { nodeModules: store },
      }, { isolation: "bwrap" });
      assert.equal(result.cases[0].status, "pass", result.cases[0].message);
    } finally {
      await Deno.remove(store, { recursive: true });
    }
  },
});
