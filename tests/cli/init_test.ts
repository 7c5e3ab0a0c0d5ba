import assert from "node:assert/strict";
import { join } from "node:path";
import { runInit } from "../../lib/cli/init.ts";
import { executeNotebook } from "../../lib/report/render.ts";
import { ROOT } from "./_cli.ts";

const MOD = new URL(`file://${join(ROOT, "lib", "mod.ts")}`).href;

/** `deno run` of a script in `dir` that imports lib/mod.ts by its absolute URL and evaluates. */
async function runFrom(dir: string) {
  await Deno.writeTextFile(
    join(dir, "try.ts"),
    `import assert from "node:assert/strict";
import { session } from ${JSON.stringify(MOD)};
const s = await session({ tasks: ["chunk"], models: ["synthetic:reference"], runsDir: "runs", env: {}, isolation: "none" });
const { run } = await s.evaluate({ progress: { display: () => {} } });
await s.close();
assert.ok(run.results.every((r) => r.passed));
console.log("ok", run.results.length);
`,
  );
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "try.ts"],
    cwd: dir,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

Deno.test("runInit() makes a folder outside the checkout import lib/mod.ts (it fails there without)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "assay-init-" });
  try {
    // Without the folder's configuration Deno cannot find assay's packages.
    const before = await runFrom(dir);
    assert.notEqual(before.code, 0);
    assert.match(before.stderr, /not a dependency/);
    const written = await runInit([dir]);
    assert.deepEqual(written.map((f) => f.slice(dir.length + 1)), [
      "deno.json",
      "assay-start.ipynb",
    ]);
    const after = await runFrom(dir);
    assert.equal(after.code, 0, after.stderr);
    assert.match(after.stdout, /^ok 1$/m);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runInit() leaves a deno.json without nodeModulesDir alone and says what to add", async () => {
  const dir = await Deno.makeTempDir({ prefix: "assay-init-" });
  try {
    await Deno.writeTextFile(join(dir, "deno.json"), '{ "tasks": {} }');
    await assert.rejects(runInit([dir]), {
      name: "UsageError",
      message:
        /deno\.json" to import assay: nodeModulesDir is null: add "nodeModulesDir": "manual"/,
    });
    assert.equal(await Deno.readTextFile(join(dir, "deno.json")), '{ "tasks": {} }');
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const jupyter = await new Deno.Command("/usr/bin/python3", {
  args: ["-c", "import nbclient"],
  stdout: "null",
  stderr: "null",
}).output().then((o) => o.success, () => false);
if (!jupyter) {
  console.log("init_test: the starter notebook test is skipped: Jupyter (nbclient) is missing");
}

Deno.test({
  name: "runInit()'s starter notebook runs on the Deno kernel in its own folder",
  ignore: !jupyter,
  sanitizeResources: false,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-init-" });
    try {
      await runInit([dir]);
      const html = join(dir, "start.html");
      await executeNotebook(join(dir, "assay-start.ipynb"), {
        outHtml: html,
        env: { ASSAY_MODELS: "synthetic:reference" },
      });
      const page = await Deno.readTextFile(html);
      assert.match(page, /my evaluation<\/strong> \(done\)/);
      assert.match(page, /<svg/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
