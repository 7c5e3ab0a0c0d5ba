import assert from "node:assert/strict";
import { packageGraph } from "../../lib/sandbox/package_graph.ts";
import { withFiles } from "../_helpers.ts";

Deno.test("packageGraph() resolves exports as Deno does: conditions in the map's order, fallback arrays, nested node_modules", async () => {
  await withFiles({
    "a/package.json": JSON.stringify({
      type: "module",
      exports: { ".": { types: "./a.d.ts", node: "./node.js", import: "./esm.js" } },
    }),
    "a/node.js": 'import h from "./lib/helper.js";\nimport d from "dep";\nexport default [h, d];',
    "a/lib/helper.js": "export default 1;",
    "a/node_modules/dep/package.json": '{"main": "main"}',
    "a/node_modules/dep/main.js": "module.exports = 2;",
  }, (store) => {
    const graph = packageGraph(store, ["a"]);
    assert(typeof graph !== "string", String(graph));
    // "node" comes before "import" in the map: Deno takes it.
    assert.equal(graph.resolve["\0a"], "a/node.js");
    assert.equal(graph.resolve["a/node.js\0./lib/helper.js"], "a/lib/helper.js");
    assert.equal(graph.resolve["a/node.js\0dep"], "a/node_modules/dep/main.js");
    assert.equal(graph.files["a/node.js"].kind, "esm");
    assert.equal(graph.files["a/node_modules/dep/main.js"].kind, "cjs");
  });
  await withFiles({
    "a/package.json": JSON.stringify({
      exports: {
        ".": { types: "./a.d.ts", node: "./node.js", import: "./esm.js" },
        "./sub": [{ browser: "./b.js" }, "./sub.js"],
      },
    }),
    "a/node.js":
      'const s = require("a/sub");\nmodule.exports = [s, require("dep"), require("./data")];',
    "a/data.json": "{}",
    "a/sub.js": "module.exports = 1;",
    "a/node_modules/dep/package.json": '{"main": "main"}',
    "a/node_modules/dep/main.js": "module.exports = 2;",
    "dep/package.json": '{"main": "wrong.js"}',
  }, (store) => {
    const graph = packageGraph(store, ["a"]);
    assert(typeof graph !== "string", String(graph));
    assert.equal(graph.resolve["\0a"], "a/node.js");
    assert.equal(graph.resolve["a/node.js\0a/sub"], "a/sub.js");
    assert.equal(graph.resolve["a/node.js\0dep"], "a/node_modules/dep/main.js");
    assert.equal(graph.resolve["a/node.js\0./data"], "a/data.json");
    assert.deepEqual(
      Object.fromEntries(Object.entries(graph.files).map(([p, f]) => [p, f.kind])),
      {
        "a/node.js": "cjs",
        "a/sub.js": "cjs",
        "a/node_modules/dep/main.js": "cjs",
        "a/data.json": "json",
      },
    );
  });
});

Deno.test("packageGraph() refuses what the pool would load differently from Deno", async () => {
  const refused = async (files: Record<string, string>, pattern: RegExp) => {
    await withFiles(files, (store) => assert.match(String(packageGraph(store, ["p"])), pattern));
  };
  await refused({
    "p/package.json": '{"exports": {"deno": "./d.js", "default": "./i.js"}}',
    "p/i.js": "",
  }, /"deno" condition/);
  await refused({
    "p/package.json": '{"type": "module"}',
    "p/index.js": 'import fs from "node:fs";',
  }, /imports "node:fs"/);
  await refused(
    { "p/package.json": "{}", "p/index.js": "export const x = 1;" },
    /ESM syntax in a CommonJS file/,
  );
  await refused(
    { "p/package.json": '{"type": "module"}', "p/index.js": 'import "./x";' },
    /would probe/,
  );
  await refused({
    "p/package.json": '{"type": "module"}',
    "p/index.js": 'import d from "./d.json" with { type: "json" };',
    "p/d.json": "{}",
  }, /attributes/);
  await refused(
    { "p/package.json": '{"exports": {"./x": "./x.js"}}', "p/x.js": "" },
    /does not map "\."/,
  );
  await refused(
    { "p/package.json": "{}", "p/index.js": 'require("missing-package");' },
    /not in the store/,
  );
  // A built-in required by CommonJS is not refused: it is judged when it runs.
  await withFiles(
    { "p/package.json": "{}", "p/index.js": 'try { require("crypto"); } catch {}' },
    (store) => {
      assert.equal(typeof packageGraph(store, ["p"]), "object");
    },
  );
});
