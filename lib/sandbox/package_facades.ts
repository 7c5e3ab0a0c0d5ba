/**
 * The export names of the ES module facade Deno makes for each CommonJS file a warm-pool job
 * imports: Deno finds them by its own static analysis of the file (`exports.x = …`, re-exports),
 * adds `default` and `module.exports`, and a sample may name any of them (`import { Heap } from
 * "heap-js"`) or enumerate them. The pool does not guess: Deno itself lists them, once per
 * store and set of files, in a probe run under the strict runner's isolation and limits, with
 * the store mounted where the strict runner mounts it.
 *
 * @module
 */
import { join } from "node:path";
import { sandboxCommand } from "./argv.ts";
import { makeJobDir, placeStore } from "./job_files.ts";
import type { Isolation } from "./sandbox.ts";
import { killGroup, spawnSandboxed } from "./spawn.ts";

/** How the probe runs: the pool's own settings. */
export interface FacadeProbeOptions {
  isolation: Isolation;
  denoPath: string;
  heapMb: number;
  dataMb: number;
}

/** The probe's limit, ms (a busy machine, a package's top-level work). */
const PROBE_MS = 20_000;

const probes = new Map<string, Promise<Record<string, string[]> | string>>();

/**
 * Each of `files` (CommonJS files, paths relative to the store `nodeModules`) → the names of its
 * ESM facade's exports, as Deno lists them; or why they could not be had (a string). Made once
 * per store and set of files, then shared.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { facadeNames } from "./package_facades.ts";
 * // A store is a node_modules folder (Deno reads a .js file there as CommonJS).
 * const dir = await Deno.makeTempDir();
 * const store = `${dir}/node_modules`;
 * await Deno.mkdir(`${store}/p`, { recursive: true });
 * await Deno.writeTextFile(`${store}/p/package.json`, "{}");
 * await Deno.writeTextFile(`${store}/p/index.js`, "exports.a = 1; exports.b = 2;");
 * const names = await facadeNames(store, ["p/index.js"], {
 *   isolation: "none", denoPath: Deno.execPath(), heapMb: 512, dataMb: 1024,
 * });
 * assert.deepEqual(names, { "p/index.js": ["a", "b", "default", "module.exports"] });
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function facadeNames(
  nodeModules: string,
  files: readonly string[],
  o: FacadeProbeOptions,
): Promise<Record<string, string[]> | string> {
  if (files.length === 0) return Promise.resolve({});
  const key = JSON.stringify([nodeModules, [...files].sort(), o]);
  let probe = probes.get(key);
  if (probe === undefined) {
    probe = runProbe(nodeModules, files, o);
    probes.set(key, probe);
  }
  return probe;
}

async function runProbe(
  nodeModules: string,
  files: readonly string[],
  o: FacadeProbeOptions,
): Promise<Record<string, string[]> | string> {
  const store = await Deno.realPath(nodeModules);
  const dir = await makeJobDir();
  const nonce = crypto.randomUUID();
  try {
    const source = files.map((f, i) =>
      `import * as n${i} from ${JSON.stringify(`./node_modules/${f}`)};`
    )
      .join("\n") +
      `\nconsole.log(${JSON.stringify(nonce)} + JSON.stringify([${
        files.map((_, i) => `Object.keys(n${i})`).join(", ")
      }]));\n`;
    await Deno.writeTextFile(join(dir, "probe.ts"), source);
    await Deno.mkdir(join(dir, ".deno"));
    await placeStore(dir, store, o.isolation);
    const command = sandboxCommand({
      isolation: o.isolation,
      denoPath: o.denoPath,
      dir,
      entry: "probe.ts",
      killAfterMs: PROBE_MS,
      heapMb: o.heapMb,
      dataMb: o.dataMb,
      nodeModules: store,
    });
    const child = spawnSandboxed(command, dir);
    await child.stdin.close();
    const timer = setTimeout(() => killGroup(child), PROBE_MS);
    const [out, err] = await Promise.all([
      new Response(child.stdout).text(),
      new Response(child.stderr).text(),
      child.status,
    ]);
    clearTimeout(timer);
    const line = out.split("\n").find((l) => l.startsWith(nonce));
    if (line === undefined) {
      return `Deno could not list the facades' exports: ${err.trim().split("\n")[0] ?? ""}`;
    }
    const lists = JSON.parse(line.slice(nonce.length)) as string[][];
    return Object.fromEntries(files.map((f, i) => [f, lists[i]]));
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}
