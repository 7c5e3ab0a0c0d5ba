/**
 * Running one of Deno's own tools (`deno check`, `deno lint`) over a batch folder: a cleared
 * environment with the folder as DENO_DIR's parent and HOME, output captured, and the process
 * killed at a time limit. Shared by the type-check and lint stages.
 *
 * @module
 */
import { join } from "node:path";

/** Options for {@link runDenoTool}. */
export interface DenoToolOptions {
  /** The Deno binary. @default Deno.execPath() */
  denoPath?: string;
  /** Kill the tool after this long, ms. @default 300000 */
  timeoutMs?: number;
}

/**
 * Run `deno <args…>` in `dir` and return its captured output.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runDenoTool } from "./deno_tool.ts";
 * const dir = await Deno.makeTempDir();
 * const out = await runDenoTool(["--version"], dir);
 * assert(out.success && new TextDecoder().decode(out.stdout).startsWith("deno"));
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function runDenoTool(
  args: string[],
  dir: string,
  options: DenoToolOptions = {},
): Promise<Deno.CommandOutput> {
  const child = new Deno.Command(options.denoPath ?? Deno.execPath(), {
    args,
    cwd: dir,
    clearEnv: true,
    env: { NO_COLOR: "1", DENO_DIR: join(dir, ".deno"), HOME: dir, DENO_NO_UPDATE_CHECK: "1" },
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const timer = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch { /* gone */ }
  }, options.timeoutMs ?? 300_000);
  try {
    return await child.output();
  } finally {
    clearTimeout(timer);
  }
}
