/**
 * Declared npm dependencies across a fleet: the coordinator puts a task's read-only dependency
 * store (`lib/sandbox/dep_store.ts`: a folder named by the hash of every file in its
 * `node_modules`) into the fleet's object store once, as a tar of that `node_modules`; a worker
 * fetches it once, unpacks it, checks the unpacked tree has that hash (else refuses it), makes it
 * read-only and mounts it as the job's `node_modules`, exactly as the coordinator's machine would.
 *
 * @module
 */
import { basename, dirname, join } from "node:path";
import type { ObjectStore } from "@nats-io/obj";
import { treeHash } from "../../sandbox/node_modules_tree.ts";

/** Run a command, throwing with its stderr when it fails. */
async function run(cmd: string, args: string[], stdin?: Uint8Array): Promise<Uint8Array> {
  const child = new Deno.Command(cmd, {
    args,
    stdin: stdin ? "piped" : "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (stdin) {
    const writer = child.stdin.getWriter();
    await writer.write(stdin);
    await writer.close();
  }
  const out = await child.output();
  if (!out.success) {
    throw new Error(
      `${cmd} ${args.join(" ")} failed: ${new TextDecoder().decode(out.stderr).trim()}`,
    );
  }
  return out.stdout;
}

/**
 * Put a store into the fleet's object store (once: an object of that name is kept); its name is
 * the store's hash.
 *
 * @param store The object store (`assay-deps`).
 * @param nodeModules The store's `node_modules` folder (`<cacheDir>/deps/<hash>/node_modules`).
 * @returns The store's hash, which a job names.
 */
export async function shipStore(store: ObjectStore, nodeModules: string): Promise<string> {
  const hash = basename(dirname(nodeModules));
  if (!(await store.info(hash))) {
    const tar = await run("tar", ["-C", dirname(nodeModules), "-cf", "-", "node_modules"]);
    await store.putBlob({
      name: hash,
      description: "an assay dependency store (tar of node_modules)",
    }, tar);
  }
  return hash;
}

/**
 * The local `node_modules` of a store a job names: unpacked once into `<dir>/<hash>`, checked
 * against its hash, made read-only.
 *
 * @param store The object store.
 * @param hash The store's hash.
 * @param dir Where this worker keeps unpacked stores.
 * @returns The `node_modules` folder to mount, or why it cannot be used.
 */
export async function receiveStore(
  store: ObjectStore,
  hash: string,
  dir: string,
): Promise<{ nodeModules: string } | { refused: string }> {
  if (!/^[0-9a-f]{64}$/.test(hash)) return { refused: `"${hash}" is not a store hash` };
  const final = join(dir, hash);
  if (await Deno.stat(join(final, "node_modules")).then(() => true, () => false)) {
    return { nodeModules: join(final, "node_modules") };
  }
  const tar = await store.getBlob(hash);
  if (!tar) {
    return {
      refused: `the dependency store ${hash.slice(0, 12)} is not in the fleet's object store`,
    };
  }
  await Deno.mkdir(dir, { recursive: true });
  const tmp = await Deno.makeTempDir({ dir, prefix: ".tmp-" });
  try {
    await run("tar", ["-C", tmp, "-xf", "-"], tar);
    if ((await treeHash(join(tmp, "node_modules"))) !== hash) {
      return { refused: `the dependency store ${hash.slice(0, 12)} does not match its hash` };
    }
    await run("chmod", ["-R", "a-w", tmp]);
    await Deno.rename(tmp, final).catch(async (error) => {
      if (!(await Deno.stat(final).then(() => true, () => false))) throw error; // else: another job won
    });
    return { nodeModules: join(final, "node_modules") };
  } finally {
    if (await Deno.stat(tmp).then(() => true, () => false)) {
      await run("chmod", ["-R", "u+w", tmp]).catch(() => {});
      await Deno.remove(tmp, { recursive: true }).catch(() => {});
    }
  }
}
