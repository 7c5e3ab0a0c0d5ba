/**
 * Starting a sandboxed command and stopping it: one way for the strict runner's processes and
 * the warm pool's hosts (a cleared environment, every stream piped, the process group killed).
 *
 * @module
 */
import type { SandboxCommand } from "./argv.ts";

/**
 * Spawn `command` (argv.ts) in `cwd` with a cleared environment and piped stdin, stdout, stderr.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spawnSandboxed } from "./spawn.ts";
 * const child = spawnSandboxed({ argv: ["true"], env: {} }, "/");
 * await child.stdin.close();
 * await Promise.all([child.stdout.cancel(), child.stderr.cancel()]);
 * assert.equal((await child.status).code, 0);
 * ```
 */
export function spawnSandboxed(command: SandboxCommand, cwd: string): Deno.ChildProcess {
  return new Deno.Command(command.argv[0], {
    args: command.argv.slice(1),
    cwd,
    env: command.env,
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

/**
 * SIGKILL the process group `child` leads (`timeout`, bwrap, Deno and whatever they started);
 * when the group is gone or cannot be signalled, the process itself. Never throws.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { killGroup, spawnSandboxed } from "./spawn.ts";
 * const child = spawnSandboxed({ argv: ["sleep", "5"], env: {} }, "/");
 * killGroup(child);
 * await Promise.all([child.stdout.cancel(), child.stderr.cancel()]);
 * assert.equal((await child.status).signal, "SIGKILL");
 * ```
 */
export function killGroup(child: Deno.ChildProcess): void {
  try {
    Deno.kill(-child.pid, "SIGKILL");
  } catch {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
  }
}
