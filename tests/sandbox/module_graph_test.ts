import assert from "node:assert/strict";
import { join } from "node:path";
import { runSample } from "../../lib/sandbox/deno.ts";
import { moduleGraphEscape } from "../../lib/sandbox/module_graph.ts";

const TESTS = `import assert from "node:assert/strict";
import { add } from "./solution.ts";
export const cases = { adds: () => assert.equal(add(1, 2), 3) };`;
const job = (code: string) => ({
  code,
  testsSource: TESTS,
  cases: [{ name: "adds", kind: "core" as const, tags: [] }],
  entry: "add",
});

Deno.test("runSample() without isolation refuses a module graph that reads a file outside the job", async () => {
  const dir = await Deno.makeTempDir();
  const secret = `SECRET-${crypto.randomUUID()}`;
  try {
    await Deno.writeTextFile(join(dir, "secret.ts"), `export const secret = "${secret}";`);
    await Deno.writeTextFile(join(dir, "secret.json"), JSON.stringify({ secret }));
    for (
      const code of [
        `import { secret } from "${
          join(dir, "secret.ts")
        }";\nexport const add = (a: number, b: number) => secret.length ? a + b : 0;`,
        `import data from "${
          join(dir, "secret.json")
        }" with { type: "json" };\nexport const add = (a: number, b: number) => data ? a + b : 0;`,
        `export const add = async (a: number, b: number) => (await import("${
          join(dir, "secret.ts")
        }")).secret ? a + b : 0;`,
      ]
    ) {
      const r = await runSample(job(code), { isolation: "none" });
      assert.equal(r.outcome, "load_error", code);
      assert.match(
        r.detail,
        /^unsafe-no-isolation: the module graph reaches outside the job folder/,
      );
      assert.deepEqual(r.cases.map((c) => c.status), ["missing"]);
      assert.ok(!JSON.stringify(r).includes(secret));
    }
    // A graph that stays inside the job runs as usual.
    const ok = await runSample(job("export const add = (a: number, b: number) => a + b;"), {
      isolation: "none",
    });
    assert.deepEqual([ok.outcome, ok.cases[0].status], ["completed", "pass"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("moduleGraphEscape() accepts node: built-ins and files inside the folder", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(join(dir, "src"));
    await Deno.writeTextFile(join(dir, "main.ts"), 'import "./src/a.ts"; import "node:util";');
    await Deno.writeTextFile(join(dir, "src", "a.ts"), 'import "../main.ts"; export {};');
    assert.equal(await moduleGraphEscape(dir, "main.ts"), null);
    await Deno.writeTextFile(join(dir, "src", "a.ts"), 'import "../../elsewhere.ts";');
    assert.notEqual(await moduleGraphEscape(dir, "main.ts"), null);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
