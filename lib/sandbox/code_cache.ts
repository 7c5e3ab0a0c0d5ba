/**
 * A warm V8 code cache for the strict runner's fresh processes. Each job gets an empty DENO_DIR,
 * so every process compiled the runner, its built-in watch and what `node:assert` pulls in anew
 * (~7–10 ms of a ~45 ms sample here; bench/strict_profile.ts). Instead, once per Deno binary,
 * heap cap (V8 rejects a cache made under other flags) and dependency store, the runner runs one
 * trivial job of ours under the same isolation, and the caches it leaves are kept in memory (V8's
 * code cache, the module-analysis caches — SQLite files, their write-ahead logs folded in, never
 * their shared-memory indexes — and any transpiled file of the runner's own under gen/, never the
 * warm-up job's); each job's DENO_DIR then starts as a private, writable copy of those bytes.
 *
 * Nothing is shared between jobs: a job can rewrite only its own copy, which is deleted with its
 * folder, and the seed comes from our own code alone (no candidate ever ran in its folder).
 * V8 checks each entry against the source it compiles (a hash) and its flags, and Deno each
 * transpiled file against its source's hash, so a cache never changes what runs, only how fast
 * it starts; an entry that does not match is recompiled. When the warm-up fails (or outlives
 * its {@link WARM_UP_MS}), the seed is empty, and jobs start cold as before.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { sandboxCommand } from "./argv.ts";
import { RUNNER_ENTRY, RUNNER_FILES } from "./inside_sources.ts";
import { makeJobDir } from "./job_files.ts";
import { strictRun } from "./strict_run.ts";
import { TESTS_TRAILER } from "./tests_trailer.ts";

/** Files of a DENO_DIR, by path relative to it, that a new job's DENO_DIR starts with. */
export type DenoDirSeed = ReadonlyArray<readonly [name: string, bytes: Uint8Array]>;

/** SQLite's shared-memory index: rebuilt from the log by the next process, never copied. */
const SKIPPED = /-shm$/;

/** Options for {@link codeCacheSeed}. */
export interface CodeCacheSeedOptions {
  /** The Deno binary's real path. */
  denoPath: string;
  /** The V8 heap cap, MiB (part of the flags V8 checks a cache against). */
  heapMb: number;
  /** RLIMIT_DATA, MiB, for the warm-up process. */
  dataMb: number;
  /**
   * A dependency store's read-only `node_modules`: the warm-up then also imports each of its
   * packages (Deno's analysis of a CommonJS package like mathjs costs a cold job over a second),
   * and the seed is this store's. @default none
   */
  nodeModules?: string;
}

/** The warm-up's limit, ms: a busy machine and a large store (mathjs) take seconds. */
export const WARM_UP_MS = 30_000;

const seeds = new Map<string, Promise<DenoDirSeed>>();

/**
 * The DENO_DIR seed for jobs run under bubblewrap with `o.denoPath`, `o.heapMb` and
 * `o.nodeModules`: made once per such key (a warm-up job of ~0.1 s, a second or so with a large
 * store), then shared; empty when the warm-up failed.
 *
 * @example
 * ```ts ignore
 * import { codeCacheSeed, plantSeed } from "./code_cache.ts";
 * const seed = await codeCacheSeed({ denoPath: Deno.execPath(), heapMb: 512, dataMb: 1024 });
 * plantSeed("/tmp/job/.deno", seed); // before the job's process starts
 * ```
 */
export function codeCacheSeed(o: CodeCacheSeedOptions): Promise<DenoDirSeed> {
  const key = `${o.denoPath}\0${o.heapMb}\0${o.nodeModules ?? ""}`;
  let seed = seeds.get(key);
  if (seed === undefined) {
    seed = warmUp(o).catch(() => []);
    seeds.set(key, seed);
  }
  return seed;
}

/**
 * Write `seed`'s files into `denoDir` (which must exist). Synchronously: a few files on a tmpfs,
 * cheaper so than the hand-offs of asynchronous writes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { plantSeed } from "./code_cache.ts";
 * const dir = await Deno.makeTempDir();
 * plantSeed(dir, [["v8_code_cache_v2", new Uint8Array([1, 2])], ["gen/file/job/a.ts.js", new Uint8Array([3])]]);
 * assert.deepEqual(await Deno.readFile(`${dir}/v8_code_cache_v2`), new Uint8Array([1, 2]));
 * assert.deepEqual(await Deno.readFile(`${dir}/gen/file/job/a.ts.js`), new Uint8Array([3]));
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function plantSeed(denoDir: string, seed: DenoDirSeed): void {
  const folders = new Set(seed.map(([path]) => dirname(path)).filter((d) => d !== "."));
  for (const folder of folders) Deno.mkdirSync(join(denoDir, folder), { recursive: true });
  for (const [path, bytes] of seed) Deno.writeFileSync(join(denoDir, path), bytes);
}

/**
 * Fold each SQLite cache's write-ahead log into its database, leaving no log: the runner ends
 * with `Deno.exit`, which closes no database, so the warm-up's caches are all log (~1 MB). A job
 * that started with that log would rebuild its index on open and fold it back in on close, in
 * every process; a folded database is read in place. Best effort: a cache that cannot be
 * folded is kept as it is (still correct, only slower).
 */
async function checkpoint(denoDir: string): Promise<void> {
  const { DatabaseSync } = await import("node:sqlite");
  const logs = (await Array.fromAsync(Deno.readDir(denoDir)))
    .filter((e) => e.isFile && e.name.endsWith("-wal")).map((e) => e.name);
  for (const log of logs) {
    try {
      const db = new DatabaseSync(join(denoDir, log.slice(0, -"-wal".length)));
      try {
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
      } finally {
        db.close(); // the last connection: SQLite removes the (now empty) log and its index
      }
    } catch { /* kept as it is */ }
  }
}

/** A transpiled file of the warm-up job's own code (useless to any other job: not kept). */
function warmJobFile(path: string): boolean {
  if (!path.startsWith("gen/")) return false;
  const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.js$/, "");
  return !Object.hasOwn(RUNNER_FILES, name);
}

/** Every file under `denoDir` but SQLite's shared-memory indexes, by relative path. */
async function readSeed(denoDir: string, under = ""): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = [];
  for await (const entry of Deno.readDir(join(denoDir, under))) {
    const path = under === "" ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory) out.push(...await readSeed(denoDir, path));
    else if (entry.isFile && !SKIPPED.test(entry.name) && !warmJobFile(path)) {
      out.push([path, await Deno.readFile(join(denoDir, path))]);
    }
  }
  return out;
}

/**
 * The warm-up job: our own trivial code and tests, never a candidate's; with `packages`, a
 * second case imports each (literal specifiers; one that fails to load is skipped).
 */
function warmJob(packages: readonly string[]) {
  const imports = packages.map((name) =>
    `try { await import(${JSON.stringify(name)}); } catch { /* skipped */ }`
  );
  return {
    code: "export const f = () => 0;\n",
    testsSource: 'import assert from "node:assert";\nimport { f } from "./solution.ts";\n' +
      "export const cases = {\n  warm: () => assert.equal(f(), 0),\n" +
      `  packages: async () => {\n    ${imports.join("\n    ")}\n  },\n};\n`,
    cases: [
      { name: "warm", kind: "core" as const, tags: [] },
      { name: "packages", kind: "core" as const, tags: [] },
    ],
    entry: "f",
  };
}

/** The packages at the top of a store's `node_modules` (`name` or `@scope/name`). */
async function storePackages(nodeModules: string): Promise<string[]> {
  const out: string[] = [];
  for await (const entry of Deno.readDir(nodeModules)) {
    if (!entry.isDirectory || entry.name.startsWith(".")) continue;
    if (!entry.name.startsWith("@")) out.push(entry.name);
    else {
      for await (const inner of Deno.readDir(join(nodeModules, entry.name))) {
        if (inner.isDirectory) out.push(`${entry.name}/${inner.name}`);
      }
    }
  }
  return out.sort();
}

async function warmUp(o: CodeCacheSeedOptions): Promise<DenoDirSeed> {
  const dir = await makeJobDir();
  try {
    const job = warmJob(o.nodeModules ? await storePackages(o.nodeModules) : []);
    await Deno.writeTextFile(join(dir, "solution.ts"), job.code);
    await Deno.writeTextFile(join(dir, "tests.ts"), job.testsSource + TESTS_TRAILER);
    for (const [name, source] of Object.entries(RUNNER_FILES)) {
      await Deno.writeTextFile(join(dir, name), source);
    }
    await Deno.mkdir(join(dir, ".deno"));
    if (o.nodeModules) await Deno.mkdir(join(dir, "node_modules")); // the mount point
    const command = sandboxCommand({
      isolation: "bwrap",
      denoPath: o.denoPath,
      dir,
      entry: RUNNER_ENTRY,
      killAfterMs: WARM_UP_MS + 3000,
      heapMb: o.heapMb,
      dataMb: o.dataMb,
      ...(o.nodeModules ? { nodeModules: o.nodeModules } : {}),
    });
    const result = await strictRun(command, { cwd: dir, job, limits: { timeoutMs: WARM_UP_MS } });
    if (result.cases.some((c) => c.status !== "pass")) return [];
    await checkpoint(join(dir, ".deno"));
    return await readSeed(join(dir, ".deno"));
  } finally {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
  }
}
