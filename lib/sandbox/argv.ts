/**
 * The one isolation recipe, for the strict runner's processes and the warm pool's hosts alike:
 * coreutils `timeout` leads the process group and kills it at a hard deadline (even when the
 * parent dies first), `prlimit` caps the data segment, then bubblewrap (isolate.ts) or, without
 * OS isolation, Deno alone, with no permissions and a cleared environment.
 *
 * @module
 */
import { join } from "node:path";
import { bwrapArgs, INSIDE } from "./isolate.ts";
import type { Isolation } from "./sandbox.ts";

/** Deno flags for untrusted code: no prompt, no config, no npm, no remote, no permissions. */
export const DENO_SANDBOX_FLAGS = [
  "run",
  "--no-prompt",
  "--no-config",
  "--no-lock",
  "--no-npm",
  "--no-remote",
  "--cached-only",
] as const;

/**
 * Deno flags for a job with dependencies: {@link DENO_SANDBOX_FLAGS} with `--no-npm` replaced by
 * `--node-modules-dir=manual`, so bare specifiers resolve from the job's read-only
 * `node_modules` (the dependency store) and nothing is downloaded (`manual` never installs;
 * `--cached-only`, an empty DENO_DIR and no network besides). With `--no-config` no package.json
 * is needed. A package that is not in that folder fails to load (`Import "x" not a dependency`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DENO_DEPENDENCY_FLAGS } from "./argv.ts";
 * assert(!DENO_DEPENDENCY_FLAGS.includes("--no-npm"));
 * assert(DENO_DEPENDENCY_FLAGS.includes("--node-modules-dir=manual"));
 * ```
 */
export const DENO_DEPENDENCY_FLAGS: readonly string[] = DENO_SANDBOX_FLAGS.map((f) =>
  f === "--no-npm" ? "--node-modules-dir=manual" : f
);

/** Options for {@link sandboxCommand}. */
export interface SandboxCommandOptions {
  /** `bwrap` (OS isolation) or `none` (Deno permissions only). */
  isolation: Isolation;
  /** The Deno binary's real path on the host. */
  denoPath: string;
  /** The job's (or host's) folder on the host; it holds `entry` and (denoDir "job") an empty `.deno`. */
  dir: string;
  /** The file Deno runs, relative to `dir`. */
  entry: string;
  /** When `timeout` kills the whole process group, ms after the start. */
  killAfterMs: number;
  /** V8 old-space cap, MiB. */
  heapMb: number;
  /** RLIMIT_DATA, MiB. */
  dataMb: number;
  /** A dependency store's `node_modules` (read-only; resolved with `--node-modules-dir=manual`). @default none */
  nodeModules?: string;
  /** More V8 flags, after the heap cap (e.g. `--max-semi-space-size=8`). @default none */
  v8Flags?: readonly string[];
  /**
   * Where Deno keeps its caches: `"job"`, the folder's `.deno` (which must exist); `"memory"`,
   * nowhere on disk (DENO_DIR is {@link NO_DENO_DIR}, a path no process can create, so Deno keeps
   * them in memory): a process that loads its modules once (a pool host) then creates no SQLite
   * file at start (~10 ms of its ~60). @default "job"
   */
  denoDir?: "job" | "memory";
}

/** A DENO_DIR that cannot be created (`/dev/null` is not a folder): Deno's caches stay in memory. */
export const NO_DENO_DIR = "/dev/null/deno";

/** A command to spawn with a cleared environment: argv and the environment it gets. */
export interface SandboxCommand {
  argv: string[];
  env: Record<string, string>;
}

/**
 * The command that runs `entry` in `dir` under the sandbox's limits and isolation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sandboxCommand } from "./argv.ts";
 * const o = { denoPath: "/x/deno", dir: "/tmp/j", entry: "runner.ts", killAfterMs: 13_000, heapMb: 512, dataMb: 1024 };
 * const none = sandboxCommand({ ...o, isolation: "none" });
 * assert.deepEqual(none.argv.slice(0, 7), ["timeout", "-s", "KILL", "13.0s", "prlimit", `--data=${1024 * 1024 * 1024}`, "--"]);
 * assert.equal(none.argv.at(-1), "runner.ts");
 * assert.equal(none.env.HOME, "/tmp/j");
 * const bwrap = sandboxCommand({ ...o, isolation: "bwrap" });
 * assert(bwrap.argv.includes("--unshare-all"));
 * assert.deepEqual(bwrap.env, {});
 * const host = sandboxCommand({ ...o, isolation: "none", v8Flags: ["--max-semi-space-size=8"], denoDir: "memory" });
 * assert(host.argv.includes("--v8-flags=--max-old-space-size=512,--max-semi-space-size=8"));
 * assert.equal(host.env.DENO_DIR, "/dev/null/deno");
 * ```
 */
export function sandboxCommand(o: SandboxCommandOptions): SandboxCommand {
  const flags = [
    ...(o.nodeModules ? DENO_DEPENDENCY_FLAGS : DENO_SANDBOX_FLAGS),
    `--v8-flags=${[`--max-old-space-size=${o.heapMb}`, ...o.v8Flags ?? []].join(",")}`,
  ];
  // coreutils `timeout` leads the process group and kills it at a hard deadline even if this
  // process dies first (SIGKILL of the parent): nothing outlives its limit.
  const limits = [
    "timeout",
    "-s",
    "KILL",
    `${(o.killAfterMs / 1000).toFixed(1)}s`,
    "prlimit",
    `--data=${o.dataMb * 1024 * 1024}`,
    "--",
  ];
  if (o.isolation === "bwrap") {
    const inner = {
      DENO_DIR: o.denoDir === "memory" ? NO_DENO_DIR : `${INSIDE.job}/.deno`,
      NO_COLOR: "1",
      HOME: INSIDE.job,
    };
    return {
      argv: [
        ...limits,
        ...bwrapArgs({
          denoPath: o.denoPath,
          jobDir: o.dir,
          env: inner,
          nodeModules: o.nodeModules,
        }),
        INSIDE.deno,
        ...flags,
        o.entry,
      ],
      env: {},
    };
  }
  return {
    argv: [...limits, o.denoPath, ...flags, o.entry],
    env: {
      DENO_DIR: o.denoDir === "memory" ? NO_DENO_DIR : join(o.dir, ".deno"),
      NO_COLOR: "1",
      HOME: o.dir,
    },
  };
}
