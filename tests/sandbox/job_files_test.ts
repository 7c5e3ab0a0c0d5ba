import assert from "node:assert/strict";
import { runSample, writeJobFiles } from "../../lib/sandbox/deno.ts";

Deno.test("runSample() writes a job's files into nested folders and the tests import them", async () => {
  const result = await runSample({
    code: "",
    testsSource:
      'import { total } from "./src/cart.ts";\nexport const cases = { "sums": () => { if (total([1, 2]) !== 3) throw new Error("no"); } };\n',
    cases: [{ name: "sums", kind: "core", tags: [] }],
    entry: "total",
    files: {
      "src/cart.ts":
        'import { add } from "./lib/math.ts";\nexport const total = (xs: number[]) => xs.reduce(add, 0);\n',
      "src/lib/math.ts": "export const add = (a: number, b: number) => a + b;\n",
    },
  }, { isolation: "none" });
  assert.equal(result.outcome, "completed");
  assert.equal(result.cases[0].status, "pass");
});

Deno.test("writeJobFiles() throws on a path that escapes the job folder or replaces the harness", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await assert.rejects(
      writeJobFiles(dir, { "../evil.ts": "" }),
      /Cannot write job file "\.\.\/evil\.ts": .*escapes the tree/,
    );
    await assert.rejects(writeJobFiles(dir, { "/tmp/x.ts": "" }), /absolute/);
    await assert.rejects(writeJobFiles(dir, { "runner.ts": "" }), /reserved for the harness/);
    const left = [];
    for await (const e of Deno.readDir(dir)) left.push(e.name);
    assert.deepEqual(left, [], "nothing is written when any path is unsafe");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
