/**
 * Hostile programs run with a dependency store present (mathjs and heap-js, from the project's
 * node_modules): the store stays read-only, a package is no way to the network or to files
 * outside the job folder, and nothing but the declared packages can be imported — not even a
 * package the project itself has installed.
 */
import assert from "node:assert/strict";
import { resolveDependencies } from "../../lib/sandbox/dep_store.ts";
import { assertVerdict, HAS_BWRAP, hostile, runHostile } from "./hostile_helpers.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const CACHE = await Deno.makeTempDir({ prefix: "assay-deps-hostile-" });
const store = HAS_BWRAP
  ? await resolveDependencies(
    { mathjs: "^11.0.0", "heap-js": "^2.2.0" },
    { cacheDir: CACHE, projectDir: ROOT, offline: true },
  )
  : null;
const dependencies = store ? { nodeModules: store.nodeModules } : undefined;
/**
 * Loading mathjs (hundreds of modules, no code cache in an empty DENO_DIR) takes about a second
 * here and more on a loaded CI machine, so these runs get a limit well above the default 2 s.
 */
const withDeps = { dependencies, timeoutMs: 20_000 };
const DENIED_NET = /NotCapable: Requires net access/;

/** An async `add` that uses mathjs, after `attack` (a statement list). */
const withMath = (attack: string, imports = "") =>
  `import * as math from "mathjs";
${imports}
export async function add(a: number, b: number): Promise<number> {
  ${attack}
  return math.add(a, b);
}`;

hostile("with dependencies imports a declared package and passes", async () => {
  const run = await runHostile(() => withMath(""), withDeps);
  assertVerdict(run, "completed", ["pass", "pass"]);
});

hostile("with dependencies cannot write into the dependency store", async () => {
  const file = `${store!.nodeModules}/mathjs/package.json`;
  const before = await Deno.readTextFile(file);
  const run = await runHostile(
    () =>
      withMath(
        `const targets = ["node_modules/mathjs/package.json", "/job/node_modules/mathjs/lib/esm/index.js"];
  const errors: string[] = [];
  for (const t of targets) {
    try { Deno.writeTextFileSync(t, "pwned"); errors.push("wrote " + t); } catch (e) { errors.push(String(e)); }
    try { fs.writeFileSync(t, "pwned"); errors.push("wrote " + t); } catch (e) { errors.push(String(e)); }
    try { fs.rmSync(t); errors.push("removed " + t); } catch (e) { errors.push(String(e)); }
  }
  throw new Error(errors.join(" | "));`,
        'import fs from "node:fs";',
      ),
    withDeps,
  );
  assertVerdict(run, "completed", ["error", "error"], /Requires write access/);
  assert.doesNotMatch(run.r.cases[0].message, /wrote|removed/);
  assert.equal(await Deno.readTextFile(file), before, "the store changed");
});

hostile("with dependencies cannot reach the network through a package", async () => {
  const run = await runHostile(
    (b) =>
      withMath(
        `const require = createRequire(import.meta.url);
  const http = require("http");
  await new Promise((resolve, reject) => {
    http.get("http://127.0.0.1:${b.port}/", resolve).on("error", reject);
  });`,
        'import { createRequire } from "node:module";',
      ),
    withDeps,
  );
  assertVerdict(run, "completed", ["error", "error"], DENIED_NET);
  const viaFetch = await runHostile(
    (b) => withMath(`await fetch("http://127.0.0.1:${b.port}/" + math.version);`),
    withDeps,
  );
  assertVerdict(viaFetch, "completed", ["error", "error"], DENIED_NET);
});

hostile(
  "with dependencies cannot read files outside its job folder through a package",
  async () => {
    // Up out of the store by a relative path: the bait folder is not mounted inside the sandbox.
    const traversal = await runHostile(
      (b) =>
        withMath(
          "",
          `import leaked from "./node_modules/mathjs/../../../..${b.json}" with { type: "json" };\nconsole.log(leaked);`,
        ),
      withDeps,
    );
    assertVerdict(traversal, "load_error", ["missing", "missing"]);
    // Through require from inside the package tree (no read permission).
    const required = await runHostile(
      (b) =>
        withMath(
          `const require = createRequire(import.meta.resolve("mathjs"));
  return require(${JSON.stringify(b.json)});`,
          'import { createRequire } from "node:module";',
        ),
      withDeps,
    );
    assertVerdict(required, "completed", ["error", "error"]);
  },
);

hostile(
  "with dependencies cannot import an undeclared package that the project has installed",
  async () => {
    for (const name of ["zod", "decimal.js", "npm:zod"]) {
      const run = await runHostile(
        () =>
          `import * as pkg from "${name}";\nexport const add = (a: number, b: number) => (pkg, a + b);`,
        withDeps,
      );
      assertVerdict(run, "load_error", ["missing", "missing"], /not a declared dependency/);
    }
    // Without a store, the same imports fail the same way.
    const bare = await runHostile(() =>
      `import { z } from "zod";\nexport const add = (a: number, b: number) => (z, a + b);`
    );
    assertVerdict(bare, "load_error", ["missing", "missing"], /"zod", not a declared dependency/);
  },
);

Deno.test({
  name: "hostile_deps: remove the dependency store",
  ignore: !HAS_BWRAP,
  fn: async () => {
    await new Deno.Command("chmod", { args: ["-R", "u+w", CACHE] }).output();
    await Deno.remove(CACHE, { recursive: true });
  },
});
