/**
 * OS isolation with bubblewrap: new user, network, pid, ipc, uts and cgroup
 * namespaces; only /usr (read-only), the Deno binary (read-only) and the job
 * folder are visible (plus, for a job with dependencies, the dependency store's
 * node_modules, read-only, at /job/node_modules, and for a Python job its declared packages,
 * read-only, under /pkgs, with the rest of dist-packages masked); a fresh /tmp; the environment
 * cleared.
 *
 * @module
 */

/** Options for {@link bwrapArgs}. */
export interface BwrapOptions {
  /** Absolute path of the Deno binary on the host. */
  denoPath: string;
  /** Absolute path of the job folder on the host (mounted read-write at /job). */
  jobDir: string;
  /** Environment variables set inside (everything else is cleared). */
  env: Record<string, string>;
  /** A dependency store's `node_modules` on the host, bound read-only at `/job/node_modules`. @default none */
  nodeModules?: string;
  /** Further read-only binds: host path → path inside (e.g. the Pyodide package). @default none */
  readOnly?: Readonly<Record<string, string>>;
  /** Bind the job folder read-only (a Python job writes nothing there). @default false */
  jobReadOnly?: boolean;
  /** Folders inside hidden under an empty read-only tmpfs (e.g. Python's dist-packages). @default none */
  masked?: readonly string[];
}

/** Where the job folder and the Deno binary appear inside the sandbox. */
export const INSIDE = { job: "/job", deno: "/opt/deno/deno" } as const;

/**
 * The bubblewrap command prefix (without the program to run).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bwrapArgs } from "./isolate.ts";
 * const args = bwrapArgs({ denoPath: "/x/deno", jobDir: "/tmp/j", env: {} });
 * assert(args.includes("--unshare-all") && args.includes("--die-with-parent"));
 * const withDeps = bwrapArgs({ denoPath: "/x/deno", jobDir: "/tmp/j", env: {}, nodeModules: "/s/node_modules" });
 * assert(withDeps.join(" ").includes("--ro-bind /s/node_modules /job/node_modules"));
 * const masked = bwrapArgs({ denoPath: "/x/deno", jobDir: "/tmp/j", env: {}, masked: ["/usr/lib/python3/dist-packages"] });
 * assert(masked.join(" ").includes("--tmpfs /usr/lib/python3/dist-packages --remount-ro /usr/lib/python3/dist-packages"));
 * ```
 */
export function bwrapArgs(options: BwrapOptions): string[] {
  const args = [
    "bwrap",
    "--unshare-all",
    "--die-with-parent",
    "--new-session",
    "--clearenv",
    "--hostname",
    "sandbox",
    "--cap-drop",
    "ALL",
    "--ro-bind",
    "/usr",
    "/usr",
    "--symlink",
    "usr/lib",
    "/lib",
    "--symlink",
    "usr/lib64",
    "/lib64",
    "--symlink",
    "usr/bin",
    "/bin",
    "--ro-bind",
    options.denoPath,
    INSIDE.deno,
    options.jobReadOnly ? "--ro-bind" : "--bind",
    options.jobDir,
    INSIDE.job,
    ...(options.nodeModules
      ? ["--ro-bind", options.nodeModules, `${INSIDE.job}/node_modules`]
      : []),
    ...(options.masked ?? []).flatMap((path) => ["--tmpfs", path, "--remount-ro", path]),
    ...Object.entries(options.readOnly ?? {}).flatMap(([from, to]) => ["--ro-bind", from, to]),
    "--chdir",
    INSIDE.job,
    "--tmpfs",
    "/tmp",
    "--proc",
    "/proc",
    "--dev",
    "/dev",
  ];
  for (const [key, value] of Object.entries(options.env)) args.push("--setenv", key, value);
  return args;
}

let probed: Promise<boolean> | undefined;

/**
 * Whether bubblewrap is installed and can create namespaces here (probed once).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bwrapAvailable } from "./isolate.ts";
 * assert(typeof (await bwrapAvailable()) === "boolean");
 * ```
 */
export function bwrapAvailable(): Promise<boolean> {
  probed ??= (async () => {
    try {
      const { success } = await new Deno.Command("bwrap", {
        args: [
          "--unshare-all",
          "--die-with-parent",
          "--ro-bind",
          "/usr",
          "/usr",
          "--symlink",
          "usr/bin",
          "/bin",
          "--symlink",
          "usr/lib",
          "/lib",
          "--symlink",
          "usr/lib64",
          "/lib64",
          "/usr/bin/true",
        ],
        stdout: "null",
        stderr: "null",
      }).output();
      return success;
    } catch {
      return false;
    }
  })();
  return probed;
}
