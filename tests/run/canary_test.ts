/**
 * A canary API key given to the CLI reaches the model server, and nowhere
 * else: not the run store, the cache, the report, or the sandbox.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { startSyntheticServer } from "../../lib/model/synthetic_server.ts";
import { findJupyter } from "../../lib/report/kernel.ts";
import { runSample } from "../../lib/sandbox/deno.ts";
import { bwrapAvailable } from "../../lib/sandbox/isolate.ts";
import { loadSuite } from "../../lib/task/load_suite.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const CANARY = `sk-canary-${crypto.randomUUID()}`;

async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const path = join(dir, e.name);
    if (e.isDirectory) hits.push(...await filesContaining(path, needle));
    else if (new TextDecoder().decode(await Deno.readFile(path)).includes(needle)) hits.push(path);
  }
  return hits;
}

Deno.test("a canary API key is sent to the server and never written to runs, cache or report", async () => {
  const suite = await loadSuite(join(ROOT, "data/fixtures/suite-tiny"));
  const auth: string[] = [];
  const server = startSyntheticServer(suite.tasks, {
    onRequest: (r) => auth.push(r.headers.get("authorization") ?? ""),
  });
  const runsDir = await Deno.makeTempDir();
  const cacheDir = await Deno.makeTempDir();
  try {
    const env = { ...Deno.env.toObject(), OPENAI_API_KEY: CANARY, OPENAI_BASE_URL: server.baseURL };
    const cli = (args: string[]) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", join(ROOT, "lib/cli.ts"), ...args],
        cwd: ROOT,
        env,
      }).output();
    const out = await cli([
      "eval",
      "--suite",
      "data/fixtures/suite-tiny",
      "--model",
      "openai:default",
      "--model",
      "synthetic:default",
      "--isolation",
      "none",
      "--runs-dir",
      runsDir,
      "--cache-dir",
      cacheDir,
      "--quiet",
    ]);
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    assert.ok(auth.some((a) => a === `Bearer ${CANARY}`), "the key was used");
    const run = join(runsDir, [...Deno.readDirSync(runsDir)][0].name);
    if (await findJupyter().then(() => true, () => false)) {
      const report = await cli(["report", "--run", run]);
      assert.equal(report.code, 0, new TextDecoder().decode(report.stderr));
      assert.ok(Deno.statSync(join(run, "report.html")).isFile);
    } else console.warn("canary_test: jupyter is not installed; the report is not checked");
    assert.ok([...Deno.readDirSync(cacheDir)].length > 0, "the cache was written");
    assert.deepEqual(await filesContaining(runsDir, CANARY), []);
    assert.deepEqual(await filesContaining(cacheDir, CANARY), []);
    assert.deepEqual(await filesContaining(runsDir, CANARY.slice(0, 16)), [], "not even a prefix");
  } finally {
    await server.close();
  }
});

Deno.test("the sandbox's environment holds no API key even when the parent's does", async () => {
  Deno.env.set("OPENAI_API_KEY", CANARY);
  try {
    const code = `export function leak(): string {
  let found = "";
  try { found += JSON.stringify(Deno.env.toObject()); } catch (e) { found += String(e); }
  try { found += Deno.readTextFileSync("/proc/self/environ"); } catch (e) { found += String(e); }
  return found;
}`;
    const tests = `import assert from "node:assert/strict";
import { leak } from "./solution.ts";
export const cases = { "shows what it found": () => assert.equal(leak(), "") };`;
    for (const isolation of ["none", "bwrap"] as const) {
      if (isolation === "bwrap" && !(await bwrapAvailable())) {
        console.warn("canary_test: bubblewrap is not available; the bwrap sandbox is not checked");
        continue;
      }
      const r = await runSample({
        code,
        testsSource: tests,
        cases: [{ name: "shows what it found", kind: "core", tags: [] }],
        entry: "leak",
      }, { isolation });
      assert.equal(r.cases[0].status, "fail", "it ran and reported what it saw");
      assert.ok(!r.cases[0].message.includes(CANARY), `${isolation}: no key in the verdict`);
      assert.ok(!r.stderr.includes(CANARY), `${isolation}: no key in stderr`);
    }
  } finally {
    Deno.env.delete("OPENAI_API_KEY");
  }
});
