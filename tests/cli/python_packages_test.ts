/**
 * The CLI's word on declared Python packages, before any work: Pyodide has none (exit 2), and a
 * package this machine lacks names the apt package to install (exit 3); neither prints a stack.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli, ROOT } from "./_cli.ts";

const SUITE = join(ROOT, "data/fixtures/suite-python-packages");

Deno.test("eval refuses a suite with declared Python packages under Pyodide, exit 2, before any run folder", async () => {
  const runsDir = await Deno.makeTempDir();
  try {
    const out = await cli(["eval", "--suite", SUITE, "--runs-dir", runsDir, "--quiet"]);
    assert.equal(out.code, 2, out.stderr);
    assert.match(
      out.stderr,
      /^error: Cannot run suite "suite-python-packages" in Pyodide: .*npm pyodide ships no packages; run it with --python cpython\n$/,
    );
    assert.deepEqual([...Deno.readDirSync(runsDir)], []);
  } finally {
    await Deno.remove(runsDir, { recursive: true });
  }
});

Deno.test("validate refuses a declared Python package that is not installed, exit 3, naming the apt package", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.mkdir(join(dir, "load-yaml"));
    for (const name of ["reference.py", "tests.py", "task.json"]) {
      await Deno.copyFile(join(SUITE, "load-yaml", name), join(dir, "load-yaml", name));
    }
    await Deno.writeTextFile(
      join(dir, "suite.json"),
      JSON.stringify({ name: "lacking", version: "1.0.0", pythonPackages: ["numpyy_fake"] }),
    );
    const out = await cli(["validate", "--suite", dir, "--python", "cpython"]);
    assert.equal(out.code, 3, out.stderr);
    assert.match(
      out.stderr,
      /^error: Cannot run suite ".*": task\(s\) "load-yaml" declare Python packages this machine lacks: "numpyy_fake" is not installed in \/usr\/lib\/python3\/dist-packages: install it with "apt-get install python3-numpyy-fake"\n$/,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
