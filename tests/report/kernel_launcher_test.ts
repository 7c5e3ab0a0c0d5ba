import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "../_helpers.ts";

const LAUNCHER = join(ROOT, "lib", "report", "assay_kernel.sh");

/** A stand-in checkout whose "deno" prints who it is and what it was asked. */
async function fakeCheckout(root: string, name: string): Promise<string> {
  const dir = join(root, name);
  await Deno.mkdir(join(dir, "node_modules", ".bin"), { recursive: true });
  await Deno.mkdir(join(dir, "lib"), { recursive: true });
  await Deno.mkdir(join(dir, "notebooks", "deep"), { recursive: true });
  await Deno.writeTextFile(join(dir, "assay"), "#!/bin/sh\n");
  await Deno.writeTextFile(join(dir, "lib", "mod.ts"), "");
  const deno = join(dir, "node_modules", ".bin", "deno");
  await Deno.writeTextFile(deno, `#!/bin/sh\necho "${name} $*"\n`);
  await Deno.chmod(deno, 0o755);
  return dir;
}

/** Run the launcher as Jupyter does: in `cwd`, with the connection file, from its kernel folder. */
async function launch(kernelDir: string, cwd: string) {
  await Deno.copyFile(LAUNCHER, join(kernelDir, "launch.sh"));
  const out = await new Deno.Command("/bin/sh", {
    args: [join(kernelDir, "launch.sh"), "/run/conn.json"],
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = (b: Uint8Array) => new TextDecoder().decode(b).trim();
  return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
}

Deno.test("the assay kernel's launcher runs the Deno of the checkout holding the notebook, else the newest set up, else says why not", async () => {
  const root = await Deno.makeTempDir({ prefix: "assay-launcher-" });
  try {
    const kernelDir = join(root, "kernels", "assay");
    await Deno.mkdir(kernelDir, { recursive: true });
    const a = await fakeCheckout(root, "a");
    const b = await fakeCheckout(root, "b");
    // Inside a checkout (any depth): that checkout's Deno, whatever was set up last.
    await Deno.writeTextFile(join(kernelDir, "checkouts"), `${a}\n${b}\n`);
    assert.deepEqual(await launch(kernelDir, join(a, "notebooks", "deep")), {
      code: 0,
      stdout: "a jupyter --kernel --conn /run/conn.json",
      stderr: "",
    });
    assert.equal((await launch(kernelDir, join(b, "notebooks"))).stdout.split(" ")[0], "b");
    // Elsewhere: the newest checkout still there (b is gone).
    const elsewhere = join(root, "my-evals");
    await Deno.mkdir(elsewhere);
    await Deno.remove(join(b, "node_modules"), { recursive: true });
    assert.equal(
      (await launch(kernelDir, elsewhere)).stdout,
      "a jupyter --kernel --conn /run/conn.json",
    );
    // None at all: a message that says what to do, and a failure Jupyter reports.
    await Deno.writeTextFile(join(kernelDir, "checkouts"), "");
    const none = await launch(kernelDir, elsewhere);
    assert.equal(none.code, 1);
    assert.match(
      none.stderr,
      /no assay checkout holds .*my-evals and none is set up here: run \.\/assay in a checkout/,
    );
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
