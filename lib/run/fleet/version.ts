/**
 * The sandbox version a fleet's workers must share: the Deno that runs the code and a hash of
 * every source file of `lib/sandbox/` (what decides a verdict). A worker whose version differs
 * from a job's refuses it rather than judging it differently.
 *
 * @module
 */
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../../task/hash.ts";

const SANDBOX = fileURLToPath(new URL("../../sandbox/", import.meta.url));
let version: Promise<string> | undefined;

/** Every file under a folder, sorted by path. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const path = join(dir, e.name);
    if (e.isDirectory) out.push(...await filesUnder(path));
    else if (e.isFile) out.push(path);
  }
  return out.sort();
}

/**
 * This process's sandbox version: `deno <version> sandbox <12 hex digits>`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fleetVersion } from "./version.ts";
 * assert.match(await fleetVersion(), /^deno \d+\.\d+\.\d+ sandbox [0-9a-f]{12}$/);
 * ```
 */
export function fleetVersion(): Promise<string> {
  version ??= (async () => {
    const parts: string[] = [];
    for (const file of await filesUnder(SANDBOX)) {
      parts.push(relative(SANDBOX, file), await Deno.readTextFile(file));
    }
    return `deno ${Deno.version.deno} sandbox ${(await sha256(parts.join("\0"))).slice(0, 12)}`;
  })();
  return version;
}
