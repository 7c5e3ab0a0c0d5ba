/**
 * Where the CLI reads and writes by default: the repository's root, its run store and its cache.
 *
 * @module
 */
import { join, resolve } from "node:path";

/**
 * The repository's root folder (the one holding `deno.json`), absolute.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { existsSync } from "node:fs";
 * import { join } from "node:path";
 * import { ROOT } from "./paths.ts";
 * assert.ok(existsSync(join(ROOT, "deno.json")));
 * ```
 */
export const ROOT: string = resolve(new URL("../..", import.meta.url).pathname);

/**
 * The default run store, `data/runs` under {@link ROOT}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { join } from "node:path";
 * import { ROOT, RUNS_DIR } from "./paths.ts";
 * assert.equal(RUNS_DIR, join(ROOT, "data", "runs"));
 * ```
 */
export const RUNS_DIR: string = join(ROOT, "data", "runs");

/**
 * The default cache of model answers and dependencies, `data/cache` under {@link ROOT}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { join } from "node:path";
 * import { CACHE_DIR, ROOT } from "./paths.ts";
 * assert.equal(CACHE_DIR, join(ROOT, "data", "cache"));
 * ```
 */
export const CACHE_DIR: string = join(ROOT, "data", "cache");
