/**
 * A task's semantics in both runners: `script` runs an answer as node runs a .js file (a
 * non-strict CommonJS script), `module` as an ES module; the strict runner and the warm pool
 * give identical verdicts and harness changes.
 */
import assert from "node:assert/strict";
import { runSample } from "../../lib/sandbox/deno.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { createPool } from "../../lib/sandbox/pool.ts";
import type { SandboxJob, SandboxResult } from "../../lib/sandbox/sandbox.ts";

const TESTS = `import assert from "node:assert";
import { swap } from "./solution.ts";
export const cases = {
  numbers: () => assert.deepEqual(swap(1, 2), [2, 1]),
  strings: () => assert.deepEqual(swap("x", "y"), ["y", "x"]),
};`;
const CASES = [
  { name: "numbers", kind: "core" as const, tags: [] },
  { name: "strings", kind: "core" as const, tags: [] },
];
const ANSWERS: Record<string, string> = {
  implicitGlobal: "function swap(a, b) {\n  temp = a; a = b; b = temp;\n  return [a, b];\n}",
  readOnlyWrite: "function swap(a, b) {\n  const s = 'abc';\n  s[0] = 'z';\n  return [b, a];\n}",
  moduleExports: "const swap = (a, b) => [b, a];\nmodule.exports = { swap };",
  moduleExportsFunction: "module.exports = function swap(a, b) { return [b, a]; };",
  requireBuiltin:
    "const assert = require('assert');\nfunction swap(a, b) { assert.ok(true); return [b, a]; }",
  requireMissing: "const x = require('no-such-package');\nfunction swap(a, b) { return [b, a]; }",
  esm: "export function swap(a, b) { return [b, a]; }",
  syntaxError: "function swap(a, b) { return [b, a; }",
  typescript: "function swap<T>(a: T, b: T): T[] { tmp = a; return [b, tmp]; }",
};
type Semantics = NonNullable<SandboxJob["semantics"]>;
/** answer → semantics → the statuses of its cases ("load_error" when nothing ran). */
const EXPECTED: Record<string, Record<Semantics, string>> = {
  implicitGlobal: { module: "error,error", script: "pass,pass", "script-strict": "error,error" },
  readOnlyWrite: { module: "error,error", script: "pass,pass", "script-strict": "error,error" },
  moduleExports: { module: "load_error", script: "pass,pass", "script-strict": "pass,pass" },
  moduleExportsFunction: {
    module: "load_error",
    script: "pass,pass",
    "script-strict": "pass,pass",
  },
  requireBuiltin: { module: "load_error", script: "pass,pass", "script-strict": "pass,pass" },
  requireMissing: { module: "load_error", script: "load_error", "script-strict": "load_error" },
  esm: { module: "pass,pass", script: "pass,pass", "script-strict": "pass,pass" },
  syntaxError: { module: "load_error", script: "load_error", "script-strict": "load_error" },
  typescript: { module: "error,error", script: "pass,pass", "script-strict": "error,error" },
};

const statuses = (r: SandboxResult) =>
  r.outcome === "load_error" ? "load_error" : r.cases.map((c) => c.status).join(",");

Deno.test("semantics: script runs an answer as node runs a .js file, module as an ES module; the strict runner and the pool agree on every verdict and change", async () => {
  const isolation = await bwrapAvailable() ? "bwrap" : "none";
  if (isolation === "none") console.log("bubblewrap is not available: both runners without it");
  const pool = createPool({ size: 1, isolation });
  try {
    for (const [name, code] of Object.entries(ANSWERS)) {
      for (const semantics of ["module", "script", "script-strict"] as const) {
        const job: SandboxJob = {
          code,
          testsSource: TESTS,
          cases: CASES,
          entry: "swap",
          semantics,
        };
        const strict = await runSample(job, { isolation });
        const pooled = await pool.run(job, {});
        const where = `${name} as ${semantics}`;
        assert.equal(statuses(strict), EXPECTED[name][semantics], `${where}: ${strict.detail}`);
        assert.equal(statuses(pooled), statuses(strict), `${where}: pool vs strict runner`);
        assert.deepEqual(
          pooled.cases.map((c) => c.message),
          strict.cases.map((c) => c.message),
          where,
        );
        assert.deepEqual(pooled.harnessChanges, strict.harnessChanges, where);
        if (semantics !== "module" && name === "esm") {
          assert.match(strict.harnessChanges?.[0] ?? "", /^ran as an ES module/);
        }
        if (name === "syntaxError") {
          // A script that does not parse reads as the same syntax error a module gives.
          assert.equal(strict.detail, "SyntaxError: Expected ',', got ';' at line 1:35", where);
        }
        if (name === "requireMissing" && semantics !== "module") {
          // Loaded as a static import, so the taxonomy reads it as any import of a package.
          assert.match(strict.detail, /no-such-package/, where);
        }
      }
    }
  } finally {
    await pool.close();
  }
});

Deno.test("semantics: a TypeScript answer with an unused import is a module, not a script whose import type-stripping dropped", async () => {
  const { solutionSource } = await import("../../lib/sandbox/solution_source.ts");
  const code =
    "import * as math from 'mathjs';\nfunction swap(a: number, b: number): number[] { return [b, a]; }";
  const source = solutionSource({ code, entry: "swap", semantics: "script" });
  assert.match(source.code, /^import \* as math from 'mathjs';/);
  assert.match(source.change ?? "", /^ran as an ES module/);
});

Deno.test("semantics: an answer that does not even tokenize (an unterminated string) is a load error, not a harness crash", async () => {
  const job: SandboxJob = {
    code: "function swap(a, b) {\n  return ['a, b];\n}",
    testsSource: TESTS,
    cases: CASES,
    entry: "swap",
    semantics: "script",
  };
  const result = await runSample(job, { isolation: "none" });
  assert.equal(result.outcome, "load_error");
  assert.match(result.detail, /SyntaxError/);
});
