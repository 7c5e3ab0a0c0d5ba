import assert from "node:assert/strict";
import { join } from "node:path";
import { findJupyter } from "../../lib/report/kernel.ts";

const EXECUTOR = new URL("../../lib/report/execute_notebook.py", import.meta.url).pathname;
const jupyterMissing = await findJupyter().then(() => null, (error: Error) => error.message);
if (jupyterMissing !== null) {
  console.log(`tests/report/kernel_restart_test.ts: skipping: ${jupyterMissing}`);
}

/** A kernel spec whose launcher exits at once the first `deaths` times, then runs Deno's kernel. */
async function flakyKernel(dir: string, deaths: number): Promise<string> {
  const spec = join(dir, "kernels", "flaky");
  await Deno.mkdir(spec, { recursive: true });
  const count = join(dir, "starts");
  await Deno.writeTextFile(
    join(spec, "launch.sh"),
    `n=$(cat "${count}" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "${count}"\n` +
      `if [ $n -le ${deaths} ]; then exit 1; fi\n` +
      `exec "${Deno.execPath()}" jupyter --kernel --conn "$1"\n`,
  );
  await Deno.writeTextFile(
    join(spec, "kernel.json"),
    JSON.stringify({
      argv: ["/bin/sh", join(spec, "launch.sh"), "{connection_file}"],
      display_name: "flaky",
      language: "typescript",
    }),
  );
  return count;
}

async function execute(dir: string): Promise<{ code: number; stderr: string }> {
  const notebook = join(dir, "n.ipynb");
  await Deno.writeTextFile(
    notebook,
    JSON.stringify({
      cells: [{
        cell_type: "code",
        execution_count: null,
        id: "one",
        metadata: {},
        outputs: [],
        source: "console.log(6 * 7)",
      }],
      metadata: { kernelspec: { name: "flaky", display_name: "flaky", language: "typescript" } },
      nbformat: 4,
      nbformat_minor: 5,
    }),
  );
  const python = await findJupyter();
  const { code, stderr } = await new Deno.Command(python, {
    args: [EXECUTOR, notebook, join(dir, "n.html"), "--kernel-dir", dir, "--kernel", "flaky"],
    stdout: "null",
    stderr: "piped",
  }).output();
  return { code, stderr: new TextDecoder().decode(stderr) };
}

Deno.test({
  name: "execute_notebook.py starts a kernel again when it died before answering, once",
  ignore: jupyterMissing !== null,
  async fn() {
    const dir = await Deno.makeTempDir({ prefix: "assay-kernel-restart-" });
    try {
      const starts = await flakyKernel(dir, 1);
      const once = await execute(dir);
      assert.equal(once.code, 0, once.stderr);
      assert.equal((await Deno.readTextFile(starts)).trim(), "2");
      assert.match(await Deno.readTextFile(join(dir, "n.html")), /42/);
      // A kernel that dies every time is a harness failure, named as such.
      await Deno.remove(starts);
      await flakyKernel(dir, 99);
      const always = await execute(dir);
      assert.equal(always.code, 2);
      assert.match(
        always.stderr,
        /Cannot execute notebook "[^"]+n\.ipynb": RuntimeError: Kernel died/,
      );
      assert.equal((await Deno.readTextFile(starts)).trim(), "2");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
