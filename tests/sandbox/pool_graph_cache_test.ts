import assert from "node:assert/strict";
import { join } from "node:path";
import { packageGraph } from "../../lib/sandbox/package_graph.ts";
import {
  keepGraph,
  keptGraphPath,
  pruneKept,
  readKeptGraph,
} from "../../lib/sandbox/pool_graph_cache.ts";
import { ROOT, withFiles } from "../_helpers.ts";

/** A store laid out as dep_store.ts makes one: `deps/<hash>/node_modules` beside `store.json`. */
const STORE = {
  "deps/abc/store.json": "{}",
  "deps/abc/node_modules/p/package.json": '{"main": "main.js"}',
  "deps/abc/node_modules/p/main.js": 'exports.twice = require("./twice");\n',
  "deps/abc/node_modules/p/twice.js": "module.exports = (x) => 2 * x;\n",
};
const DENO = Deno.execPath();
/** Past the file system's time resolution, so a change shows in a stamp. */
const tick = () => new Promise((r) => setTimeout(r, 20));

/** Make and keep `p`'s graph in the store under `dir`; its file and node_modules. */
function made(dir: string) {
  const nodeModules = join(dir, "deps/abc/node_modules");
  const consulted = new Set<string>();
  const graph = packageGraph(nodeModules, ["p"], consulted);
  assert(typeof graph !== "string");
  const wire = { ...graph, facades: {} };
  const file = keptGraphPath(nodeModules, ["p"], DENO)!;
  keepGraph(file, nodeModules, wire, consulted);
  return { nodeModules, file, wire };
}

Deno.test("readKeptGraph() gives back the graph keepGraph() kept while the store is unchanged", async () => {
  await withFiles(STORE, (dir) => {
    const { nodeModules, file, wire } = made(dir);
    assert(file.startsWith(join(dir, "deps/pool-graphs/abc/")), "beside the store, not in it");
    assert.deepEqual(readKeptGraph(file, nodeModules), wire);
    assert.equal(keptGraphPath(nodeModules, ["q"], DENO) === file, false, "other specifiers");
  });
});

/** What readKeptGraph() gives for a kept graph once `path` (in node_modules) is written `text`. */
async function keptAfterWriting(path: string, text: string) {
  let after: unknown;
  await withFiles(STORE, async (dir) => {
    const { nodeModules, file } = made(dir);
    await tick();
    await Deno.writeTextFile(join(nodeModules, path), text);
    after = readKeptGraph(file, nodeModules);
  });
  return after;
}

Deno.test("readKeptGraph() gives null once a file the graph read has changed", async () => {
  assert.equal(await keptAfterWriting("p/twice.js", "module.exports = (x) => 3 * x;\n"), null);
});

Deno.test("readKeptGraph() gives null once a file appears where the scan looked for one", async () => {
  // require("./twice") would now find the file `twice` before `twice.js`.
  assert.equal(await keptAfterWriting("p/twice", "module.exports = 0;\n"), null);
});

Deno.test("keepGraph() keeps a refusal with its reason; keptGraphPath() is null for a folder that is not a store", async () => {
  await withFiles({
    ...STORE,
    "deps/abc/node_modules/p/twice.js": "exports.f = () => import('x');\n",
  }, (dir) => {
    const nodeModules = join(dir, "deps/abc/node_modules");
    const consulted = new Set<string>();
    const refused = packageGraph(nodeModules, ["p"], consulted);
    assert.match(String(refused), /dynamic import/);
    const file = keptGraphPath(nodeModules, ["p"], DENO)!;
    keepGraph(file, nodeModules, refused as string, consulted);
    assert.equal(readKeptGraph(file, nodeModules), refused);
    assert.equal(keptGraphPath(join(dir, "deps/abc"), ["p"], DENO), null);
  });
});

Deno.test("poolPackages() reads the graph an earlier process kept, and makes it when none is", async () => {
  await withFiles(STORE, async (dir) => {
    const nodeModules = join(dir, "deps/abc/node_modules");
    const script = `import { poolPackages } from ${
      JSON.stringify(join(ROOT, "lib/sandbox/pool_packages.ts"))
    };
const made = await poolPackages(${
      JSON.stringify(nodeModules)
    }, ["p"], { isolation: "none", denoPath: Deno.execPath(), heapMb: 512, dataMb: 1024 });
console.log(typeof made === "string" ? made : made.source + " " + Object.keys(made.graph.files).sort().join(","));`;
    const run = async () => {
      const out = await new Deno.Command(DENO, {
        args: ["run", "-A", "--config", join(ROOT, "deno.json"), "-"],
        stdin: "piped",
        stdout: "piped",
        stderr: "piped",
      }).spawn();
      const writer = out.stdin.getWriter();
      await writer.write(new TextEncoder().encode(script));
      await writer.close();
      const { stdout, stderr } = await out.output();
      return new TextDecoder().decode(stdout).trim() || new TextDecoder().decode(stderr);
    };
    assert.equal(await run(), "made p/main.js,p/twice.js");
    assert.equal(await run(), "disk p/main.js,p/twice.js");
    await tick();
    await Deno.writeTextFile(join(nodeModules, "p/main.js"), "exports.twice = 1;\n");
    assert.equal(await run(), "made p/main.js");
  });
});

Deno.test("keepGraph() removes the store's kept files unchanged for 30 days, and keeps the others", async () => {
  await withFiles(STORE, async (dir) => {
    const folder = join(dir, "deps/pool-graphs/abc");
    await Deno.mkdir(folder, { recursive: true });
    const old = join(folder, "0".repeat(64) + ".json");
    const recent = join(folder, "1".repeat(64) + ".json");
    await Deno.writeTextFile(old, "{}");
    await Deno.writeTextFile(recent, "{}");
    const days = (n: number) => new Date(Date.now() - n * 24 * 3600_000);
    await Deno.utime(old, days(31), days(31));
    await Deno.utime(recent, days(29), days(29));
    const { file } = made(dir); // keeping a graph prunes its folder
    const left = (await Array.fromAsync(Deno.readDir(folder))).map((e) => join(folder, e.name));
    assert.deepEqual(left.sort(), [file, recent].sort());
    assert.deepEqual(pruneKept(join(dir, "nowhere"), Date.now()), []);
  });
});
