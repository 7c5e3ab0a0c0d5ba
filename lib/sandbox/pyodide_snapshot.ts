/**
 * The Pyodide package, and the memory snapshot Python jobs start from: a cold `loadPyodide()`
 * costs 2–3.5 s here, a restore from the snapshot a few hundred ms. The snapshot is made once per
 * machine and Pyodide version by a trusted process (inside/py_snapshot_maker.ts), before any
 * candidate code exists, and kept in the system's temporary folder; every job mounts it
 * read-only. Its name carries the Pyodide version and a hash of the maker and the harness, so a
 * change to either makes a new one. (`_makeSnapshot`/`_loadSnapshot` are underscore options of
 * Pyodide: the version is pinned in package.json and tests/sandbox/python_test.ts checks them.)
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import { tmpdir } from "node:os";
import { SandboxUnavailableError } from "./sandbox_unavailable.ts";

/**
 * The Pyodide npm package's folder (holding `pyodide.mjs`, the interpreter and the stdlib).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pyodideDir } from "./pyodide_snapshot.ts";
 * assert(Deno.statSync(`${pyodideDir()}/pyodide.asm.wasm`).isFile);
 * ```
 */
export function pyodideDir(): string {
  // The repository's node_modules (deno.json: "nodeModulesDir": "manual"), wherever it is run from.
  return Deno.realPathSync(fromFileUrl(new URL("../../node_modules/pyodide/", import.meta.url)));
}

const made = new Map<string, Promise<string>>();

/** Options for {@link pyodideSnapshot}. */
export interface SnapshotOptions {
  /** The Deno binary. @default Deno.execPath() */
  denoPath?: string;
  /** The folder the snapshot is kept in. @default the system's temporary folder */
  cacheDir?: string;
}

/**
 * The path of the Pyodide memory snapshot, made first when it does not exist yet (once per
 * process and file; a concurrent maker's file is replaced atomically).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pyodideSnapshot } from "./pyodide_snapshot.ts";
 * const file = await pyodideSnapshot();
 * assert(Deno.statSync(file).size > 10_000_000);
 * ```
 */
export function pyodideSnapshot(options: SnapshotOptions = {}): Promise<string> {
  const dir = pyodideDir();
  const version = JSON.parse(Deno.readTextFileSync(join(dir, "package.json"))).version;
  const maker = new URL("./inside/py_snapshot_maker.ts", import.meta.url);
  const harness = [...Deno.readDirSync(new URL("./inside/", import.meta.url))]
    .filter((e) => /^py_harness.*\.py$/.test(e.name)).map((e) => e.name).sort()
    .map((name) => Deno.readTextFileSync(new URL(`./inside/${name}`, import.meta.url))).join("\n");
  const hash = fnv(Deno.readTextFileSync(maker) + harness);
  const file = join(options.cacheDir ?? tmpdir(), `assay-pyodide-${version}-${hash}.snapshot`);
  let pending = made.get(file);
  if (pending === undefined) {
    pending = make(file, dir, fromFileUrl(maker), options.denoPath ?? Deno.execPath());
    made.set(file, pending);
    pending.catch(() => made.delete(file));
  }
  return pending;
}

async function make(file: string, dir: string, maker: string, denoPath: string): Promise<string> {
  try {
    if (Deno.statSync(file).size > 0) return file;
  } catch { /* not made yet */ }
  const partial = `${file}.${crypto.randomUUID()}.partial`;
  const { code, stderr } = await new Deno.Command(denoPath, {
    args: [
      "run",
      "--no-prompt",
      "--no-config",
      "--no-npm",
      "--no-remote",
      `--allow-read=${dir}`,
      `--allow-write=${partial}`,
      maker,
      dir,
      partial,
    ],
    stdout: "null",
    stderr: "piped",
    // Nothing of this process's environment may end up in the interpreter the snapshot saves.
    clearEnv: true,
    env: { NO_COLOR: "1" },
  }).output();
  if (code !== 0) {
    await Deno.remove(partial).catch(() => {});
    throw new SandboxUnavailableError(
      `Cannot make the Pyodide memory snapshot "${file}": the maker exited with code ${code}: ${
        new TextDecoder().decode(stderr).trim().split("\n").slice(0, 4).join(" ")
      }`,
    );
  }
  await Deno.rename(partial, file);
  return file;
}

/** A short, stable hash of a text (FNV-1a, 32 bits, hex). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
