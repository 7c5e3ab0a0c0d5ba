/**
 * The sandbox: generated code run with no permissions inside bubblewrap, one process per
 * sample (strict) or in a warm pool of hosts; npm dependency stores; Python packages.
 *
 * Reached as the `assay/sandbox` subpath export (deno.json); the front door, `lib/mod.ts`,
 * re-exports the few names a notebook needs.
 *
 * @module
 */
export { runSample } from "./deno.ts";
export type { RunSampleOptions } from "./deno.ts";
export { bwrapAvailable } from "./isolate.ts";
export type { Isolation, SandboxJob, SandboxLimits, SandboxResult } from "./sandbox.ts";
export { createPool } from "./pool.ts";
export { type PoolRoute, poolRoute, strictReason } from "./pool_route.ts";
export { type PoolPackages, poolPackages } from "./pool_packages.ts";
export { GRAPH_LIMITS, type PackageGraph, packageGraph } from "./package_graph.ts";
export type { PoolOptions, PoolStats, SandboxPool } from "./pool.ts";
export { moduleGraphEscape } from "./module_graph.ts";
export { resolveDependencies } from "./dep_store.ts";
export type { DependencyStore, DepStoreOptions } from "./dep_store.ts";
export { debianPackage, locatePythonPackage } from "./python_packages.ts";
export { SandboxUnavailableError } from "./sandbox_unavailable.ts";
