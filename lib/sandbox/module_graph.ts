/**
 * The check that stands in for OS isolation under `--unsafe-no-isolation`:
 * Deno's module loader ignores permissions (TOOLCHAIN.md, hole 1), so a
 * program run without bubblewrap could import any local file and read it.
 * Before such a run, `deno info --json` lists the job's module graph; a graph
 * that reaches any file outside the job folder, or any module that is not a
 * file or a `node:` built-in, is refused. A job with dependencies may also reach the dependency
 * store its `node_modules` links to (`allow`): the packages' own entry files are listed there.
 *
 * @module
 */
import { resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

interface InfoModule {
  specifier: string;
  error?: string;
}

/**
 * Why the module graph of `entry` (a file in `jobDir`) reaches outside `jobDir`, or null
 * when it stays inside. Throws only when `deno info` itself cannot run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { moduleGraphEscape } from "./module_graph.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.ts`, 'import "./b.ts"; import "node:assert";');
 * await Deno.writeTextFile(`${dir}/b.ts`, "export {};");
 * assert.equal(await moduleGraphEscape(dir, "a.ts"), null);
 * await Deno.writeTextFile(`${dir}/b.ts`, 'import "/etc/hostname";');
 * assert.match((await moduleGraphEscape(dir, "a.ts"))!, /outside the job folder/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function moduleGraphEscape(
  jobDir: string,
  entry: string,
  options: { denoPath?: string; denoDir?: string; allow?: readonly string[] } = {},
): Promise<string | null> {
  const root = resolve(jobDir);
  // A job with dependencies: its node_modules links to these folders (the dependency store),
  // resolved as the sandbox does (--node-modules-dir=manual instead of --no-npm).
  const allowed = (options.allow ?? []).map((a) => resolve(a));
  const inside = (path: string) =>
    [root, ...allowed].some((dir) => path === dir || path.startsWith(dir + sep));
  const out = await new Deno.Command(options.denoPath ?? Deno.execPath(), {
    args: [
      "info",
      "--json",
      "--no-config",
      "--no-lock",
      allowed.length ? "--node-modules-dir=manual" : "--no-npm",
      "--no-remote",
      entry,
    ],
    cwd: root,
    env: { DENO_DIR: options.denoDir ?? resolve(root, ".deno"), NO_COLOR: "1" },
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) {
    // Refused: a graph deno cannot build is not run without isolation. Deno's message is kept
    // only when it names no file outside the folder (an import error may quote a file's text).
    const why = new TextDecoder().decode(out.stderr).trim()
      .split("\n")[0].replace(/^error: /, "");
    const outside = [...why.matchAll(/(?:file:\/\/)?(\/[^\s"'`]+)/g)].some((m) => !inside(m[1]));
    return `the module graph could not be checked${outside ? "" : `: ${why}`}`;
  }
  const info = JSON.parse(new TextDecoder().decode(out.stdout)) as { modules?: InfoModule[] };
  for (const m of info.modules ?? []) {
    if (m.specifier.startsWith("node:")) continue;
    if (!m.specifier.startsWith("file://")) {
      return `the module graph imports "${m.specifier}", which is not a file in the job folder`;
    }
    const path = fileURLToPath(m.specifier);
    if (!inside(path)) {
      return "the module graph reaches outside the job folder";
    }
  }
  return null;
}
