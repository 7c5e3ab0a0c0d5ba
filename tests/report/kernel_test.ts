import assert from "node:assert/strict";
import { join } from "node:path";
import { ensureKernelSpec, findJupyter } from "../../lib/report/kernel.ts";

Deno.test("ensureKernelSpec() writes the assay kernel spec and is idempotent", async () => {
  const dir = await Deno.makeTempDir({ prefix: "assay-kernel-" });
  try {
    const file = await ensureKernelSpec(dir, "/opt/deno");
    assert.equal(file, join(dir, "kernels", "assay", "kernel.json"));
    const spec = JSON.parse(await Deno.readTextFile(file));
    assert.deepEqual(spec, {
      argv: ["/opt/deno", "jupyter", "--kernel", "--conn", "{connection_file}"],
      display_name: "Deno (assay)",
      language: "typescript",
    });
    const { mtime } = await Deno.stat(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(await ensureKernelSpec(dir, "/opt/deno"), file);
    assert.deepEqual((await Deno.stat(file)).mtime, mtime, "unchanged spec is not rewritten");
    await ensureKernelSpec(dir, "/usr/bin/deno");
    assert.equal(JSON.parse(await Deno.readTextFile(file)).argv[0], "/usr/bin/deno");
    const leftovers = [...Deno.readDirSync(join(dir, "kernels", "assay"))].map((e) => e.name);
    assert.deepEqual(leftovers, ["kernel.json"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("findJupyter() returns Debian's python3 or says how to install Jupyter", async () => {
  try {
    assert.equal(await findJupyter(), "/usr/bin/python3");
  } catch (error) {
    assert.equal(
      (error as Error).message,
      'Cannot run notebooks: jupyter-nbconvert is not installed: run "apt-get install -y ' +
        '--no-install-recommends jupyter-nbconvert jupyter-client"',
    );
  }
});
