/**
 * A run's declared npm dependencies, resolved before anything runs: one
 * read-only store per distinct set (suite.json overlaid with each task.json's
 * `dependencies`, see lib/sandbox/dep_store.ts), and what the manifest records.
 *
 * @module
 */
import {
  type DependencyStore,
  type DepStoreOptions,
  resolveDependencies,
} from "../sandbox/dep_store.ts";
import { type Suite, taskDependencies } from "../task/schema.ts";

/** The stores of a run, by task. */
export interface RunDependencies {
  /** A task's store as a sandbox job's `dependencies`; undefined when the task declares none. */
  storeOf(taskId: string): { nodeModules: string } | undefined;
  /** The distinct stores. */
  stores: DependencyStore[];
}

/**
 * Resolve every distinct dependency set the suite's tasks declare.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runDependencies } from "./dependency_stores.ts";
 * const suite = { name: "s", dir: "/s", hash: "h", version: null, dependencies: {}, tasks: [] };
 * const deps = await runDependencies(suite as never, { cacheDir: await Deno.makeTempDir() });
 * assert.deepEqual(deps.stores, []);
 * ```
 */
export async function runDependencies(
  suite: Suite,
  options: DepStoreOptions,
): Promise<RunDependencies> {
  const bySet = new Map<string, DependencyStore | null>();
  const setOf = new Map<string, string>(); // task id → key of its set
  for (const task of suite.tasks) {
    const declared = taskDependencies(suite, task);
    if (Object.keys(declared).length === 0) continue;
    const key = JSON.stringify(declared);
    setOf.set(task.id, key);
    if (!bySet.has(key)) bySet.set(key, await resolveDependencies(declared, options));
  }
  const stores = [
    ...new Map([...bySet.values()].flatMap((s) => s ? [[s.hash, s] as const] : [])).values(),
  ];
  return {
    storeOf(taskId) {
      const key = setOf.get(taskId);
      const store = key === undefined ? null : bySet.get(key);
      return store ? { nodeModules: store.nodeModules } : undefined;
    },
    stores,
  };
}

/**
 * The manifest's `dependencies` field: exact versions, and each store's hash and origin.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { dependenciesRecord } from "./dependency_stores.ts";
 * assert.deepEqual(dependenciesRecord([]), { packages: {}, stores: [] });
 * ```
 */
export function dependenciesRecord(stores: readonly DependencyStore[]) {
  return {
    packages: Object.fromEntries(stores.flatMap((s) => Object.entries(s.packages)).sort()),
    stores: stores.map(({ hash, packages, installed, source, request }) => ({
      hash,
      packages,
      installed,
      source,
      request,
    })),
  };
}
