/**
 * The dependency store: the npm packages a task declares, resolved once before a run into a
 * content-addressed, read-only folder that the sandbox mounts as the job's `node_modules`.
 *
 * ```
 * <cacheDir>/deps/
 *   <sha256 of the tree>/          one store: its name is the hash of every file in it
 *     node_modules/                nested layout: only the declared packages at the top, each
 *       mathjs/node_modules/…      package's own dependencies inside it (not importable by name)
 *     store.json                   {packages, installed, source, request}
 *   requests/<sha256 of the request>.json   {"hash": "<store>"}: a request seen before costs nothing
 * ```
 *
 * The nested layout is what makes "exactly the declared set" hold: npm's default (hoisted) layout
 * would put mathjs's `decimal.js` at the top, importable by a sample that never declared it.
 * A store is filled from the project's `node_modules` when every declared package is there at a
 * version that satisfies its range (its dependency closure is copied, following Node's
 * resolution), else with `npm install --ignore-scripts --no-audit --no-fund
 * --install-strategy=nested` into a temporary folder (`--prefer-offline`: npm's cache first;
 * `offline: true` passes `--offline`). Scripts never run. Then every file and folder is made
 * read-only (chmod a-w; bubblewrap's read-only bind is the wall that holds even for root).
 *
 * @module
 */
import { basename, dirname, join, resolve } from "node:path";
import { satisfies } from "../source/semver_range.ts";
import { sha256 } from "../task/hash.ts";
import { exists, installedPackages, prune, readManifest, treeHash } from "./node_modules_tree.ts";
import { StoreRecord } from "../record/dependency_store.ts";

/** A resolved store on disk. */
export interface DependencyStore extends StoreRecord {
  /** The store folder, `<cacheDir>/deps/<hash>`. */
  dir: string;
  /** Its `node_modules` folder (read-only): what the sandbox mounts at the job's `node_modules`. */
  nodeModules: string;
}

/** Options for {@link resolveDependencies}. */
export interface DepStoreOptions {
  /** The cache folder; stores go to `<cacheDir>/deps/`. */
  cacheDir: string;
  /** A project whose `node_modules` may supply the packages; null to always use npm. @default null */
  projectDir?: string | null;
  /** Never contact the registry (`npm install --offline`: npm's cache only). @default false */
  offline?: boolean;
  /** The npm executable. @default "npm" */
  npm?: string;
  /** Limit for `npm install`, ms. @default 180000 */
  timeoutMs?: number;
}

/**
 * Resolve declared dependencies (name → semver range) into a read-only store, or return null
 * when there are none. A request resolved before is answered from `<cacheDir>/deps/requests/`
 * without npm or network. Throws an Error naming the package and the fix when npm cannot
 * install them (a harness error, not a failing sample).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { resolveDependencies } from "./dep_store.ts";
 * const cacheDir = await Deno.makeTempDir();
 * const projectDir = new URL("../..", import.meta.url).pathname;
 * const store = await resolveDependencies({ "heap-js": "^2.2.0" }, { cacheDir, projectDir });
 * assert.equal(store?.source, "project");
 * assert.match(store?.packages["heap-js"] ?? "", /^2\./);
 * assert.equal((await Deno.stat(`${store?.nodeModules}/heap-js/package.json`)).mode! & 0o222, 0);
 * assert.equal(await resolveDependencies({}, { cacheDir }), null);
 * await new Deno.Command("chmod", { args: ["-R", "u+w", cacheDir] }).output();
 * await Deno.remove(cacheDir, { recursive: true });
 * ```
 */
export async function resolveDependencies(
  declared: Readonly<Record<string, string>>,
  options: DepStoreOptions,
): Promise<DependencyStore | null> {
  const request = Object.fromEntries(Object.keys(declared).sort().map((k) => [k, declared[k]]));
  if (Object.keys(request).length === 0) return null;
  const root = join(resolve(options.cacheDir), "deps");
  const requestFile = join(root, "requests", `${await sha256(JSON.stringify(request))}.json`);
  const known = await readKnown(root, requestFile);
  if (known) return known;

  await Deno.mkdir(join(root, "requests"), { recursive: true });
  const tmp = join(root, `.tmp-${crypto.randomUUID()}`);
  await Deno.mkdir(join(tmp, "node_modules"), { recursive: true });
  try {
    let source: StoreRecord["source"] = "registry";
    if (options.projectDir && await fromProject(request, options.projectDir, tmp)) {
      source = "project";
    } else {
      await Deno.remove(tmp, { recursive: true });
      await Deno.mkdir(tmp, { recursive: true });
      await fromRegistry(request, tmp, options);
    }
    await prune(join(tmp, "node_modules"));
    const installed = await installedPackages(join(tmp, "node_modules"));
    const packages: Record<string, string> = {};
    for (const [name, range] of Object.entries(request)) {
      const version = installed[name];
      if (version === undefined || !satisfies(version, range)) {
        throw new Error(
          `Cannot resolve dependency "${name}@${range}": ${
            version === undefined ? "it was not installed" : `got ${version}`
          }`,
        );
      }
      packages[name] = version;
    }
    const hash = await treeHash(join(tmp, "node_modules"));
    const record: StoreRecord = { hash, packages, installed, source, request };
    await Deno.writeTextFile(join(tmp, "store.json"), JSON.stringify(record, null, 2) + "\n");
    const dir = join(root, hash);
    if (!(await exists(dir))) {
      await run("chmod", ["-R", "a-w", tmp]);
      try {
        await Deno.rename(tmp, dir);
      } catch (error) {
        if (!(await exists(dir))) throw error; // else: another process filled it first
      }
    }
    await Deno.writeTextFile(requestFile, JSON.stringify({ hash }) + "\n");
    return (await readKnown(root, requestFile))!;
  } finally {
    if (await exists(tmp)) {
      await run("chmod", ["-R", "u+w", tmp]).catch(() => {});
      await Deno.remove(tmp, { recursive: true }).catch(() => {});
    }
  }
}

async function readKnown(root: string, requestFile: string): Promise<DependencyStore | null> {
  try {
    const { hash } = JSON.parse(await Deno.readTextFile(requestFile)) as { hash: string };
    const dir = join(root, hash);
    const record = StoreRecord.parse(JSON.parse(await Deno.readTextFile(join(dir, "store.json"))));
    if (!(await Deno.stat(join(dir, "node_modules"))).isDirectory) return null;
    return { ...record, dir, nodeModules: join(dir, "node_modules") };
  } catch {
    return null;
  }
}

/**
 * Copy every declared package and its dependency closure out of the project's node_modules into
 * a nested layout under `tmp/node_modules`; false (nothing usable) when a declared package is
 * missing there, fails its range, or a dependency cannot be found.
 */
async function fromProject(
  request: Record<string, string>,
  projectDir: string,
  tmp: string,
): Promise<boolean> {
  const top = join(resolve(projectDir), "node_modules");
  for (const [name, range] of Object.entries(request)) {
    const manifest = await readManifest(join(top, name));
    if (!manifest || !satisfies(String(manifest.version), range)) return false;
  }
  try {
    for (const name of Object.keys(request)) {
      await copyPackage(join(top, name), join(tmp, "node_modules", name), top, new Set());
    }
    return true;
  } catch {
    return false;
  }
}

async function copyPackage(
  from: string,
  to: string,
  top: string,
  ancestors: Set<string>,
): Promise<void> {
  const real = await Deno.realPath(from);
  await Deno.mkdir(dirname(to), { recursive: true });
  await run("cp", ["-R", real, to]);
  await Deno.remove(join(to, "node_modules"), { recursive: true }).catch(() => {});
  const manifest = (await readManifest(real))!;
  const deps = {
    ...(manifest.dependencies as Record<string, string> | undefined),
    ...(manifest.optionalDependencies as Record<string, string> | undefined),
  };
  const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));
  const chain = new Set([...ancestors, real]);
  for (const dep of Object.keys(deps)) {
    const found = await resolveFrom(from, dep, top);
    if (found === null) {
      if (optional.has(dep)) continue;
      throw new Error(`"${dep}" (needed by ${from}) is not in the project's node_modules`);
    }
    // A cycle: Node's resolution finds the ancestor by walking up the nested folders.
    if (chain.has(await Deno.realPath(found))) continue;
    await copyPackage(found, join(to, "node_modules", dep), top, chain);
  }
}

/** Node's lookup of `name` from a package folder, walking up to the project's node_modules. */
async function resolveFrom(pkgDir: string, name: string, top: string): Promise<string | null> {
  let dir = pkgDir;
  for (;;) {
    const candidate = join(dir, "node_modules", name);
    if (await exists(join(candidate, "package.json"))) return candidate;
    if (resolve(dir) === dirname(top) || dirname(dir) === dir) return null;
    dir = dirname(dir);
    if (basename(dir).startsWith("@")) dir = dirname(dir);
    if (basename(dir) === "node_modules") dir = dirname(dir);
  }
}

async function fromRegistry(
  request: Record<string, string>,
  tmp: string,
  options: DepStoreOptions,
): Promise<void> {
  await Deno.writeTextFile(
    join(tmp, "package.json"),
    JSON.stringify({ name: "assay-dep-store", private: true, dependencies: request }, null, 2),
  );
  const args = [
    "install",
    "--ignore-scripts",
    "--no-audit",
    "--no-fund",
    "--no-package-lock",
    "--install-strategy=nested",
    options.offline ? "--offline" : "--prefer-offline",
  ];
  const child = new Deno.Command(options.npm ?? "npm", {
    args,
    cwd: tmp,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 180_000);
  const out = await child.output();
  clearTimeout(timer);
  if (!out.success) {
    const why = new TextDecoder().decode(out.stderr).trim().split("\n").filter((l) =>
      /ERR|error/.test(l)
    ).slice(0, 4).join(" ");
    const list = Object.entries(request).map(([n, r]) => `${n}@${r}`).join(", ");
    throw new Error(
      `Cannot install dependencies ${list} with "npm ${args.join(" ")}": ${
        why || `exit code ${out.code}`
      }: check the names and ranges, or ${
        options.offline ? "drop --offline" : "the registry connection"
      }`,
    );
  }
  await Deno.remove(join(tmp, "package.json")).catch(() => {});
}

async function run(cmd: string, args: string[]): Promise<void> {
  const out = await new Deno.Command(cmd, { args, stdout: "null", stderr: "piped" }).output();
  if (!out.success) {
    throw new Error(
      `Cannot run "${cmd} ${args.join(" ")}": ${new TextDecoder().decode(out.stderr).trim()}`,
    );
  }
}
