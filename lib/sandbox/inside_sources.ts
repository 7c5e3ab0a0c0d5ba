/**
 * The files of lib/sandbox/inside/ as the sandbox gets them: read once as text and written into
 * each job's folder (the strict runner) or each host's folder (the warm pool).
 *
 * The strict runner's job folder holds exactly `runner.ts` and `builtin_watch.ts` besides the
 * job's own files (both names are reserved in a task's tree: lib/task/tree.ts), so the modules
 * runner.ts shares with the pool (case_protocol.ts) are inlined into it at copy time. A host's
 * folder holds no job file: its modules are written side by side.
 *
 * @module
 */

const read = (name: string) => Deno.readTextFileSync(new URL(`./inside/${name}`, import.meta.url));

/**
 * `source` with its import of the self-contained module `specifier` replaced by that module's
 * text (`moduleSource`, which imports nothing), its `export` keywords dropped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { inlineModule } from "./inside_sources.ts";
 * const out = inlineModule('import { f } from "./f.ts";\nf();\n', "./f.ts", "export function f() {}\n");
 * assert.equal(out, "function f() {}\n\nf();\n");
 * assert.throws(() => inlineModule("f();", "./f.ts", ""), /Cannot inline "\.\/f\.ts"/);
 * ```
 */
export function inlineModule(source: string, specifier: string, moduleSource: string): string {
  const line = new RegExp(`^import \\{[^}]*\\} from "${specifier.replaceAll(".", "\\.")}";$`, "m");
  const match = line.exec(source);
  if (match === null) throw new Error(`Cannot inline "${specifier}": no import of it found`);
  const body = moduleSource.replace(/^export /gm, "");
  return source.slice(0, match.index) + body + source.slice(match.index + match[0].length);
}

/** The strict runner's files, by name: `runner.ts` (with case_protocol.ts inlined) and its import. */
export const RUNNER_FILES: Readonly<Record<string, string>> = Object.freeze({
  "runner.ts": inlineModule(read("runner.ts"), "./case_protocol.ts", read("case_protocol.ts")),
  "builtin_watch.ts": read("builtin_watch.ts"),
});

/** A pool host's files, by name: `pool_host.ts` and every module it imports. */
export const HOST_FILES: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(
  [
    "pool_host.ts",
    "builtin_module.ts",
    "builtin_watch.ts",
    "case_protocol.ts",
    "context_assert.ts",
    "context_console.ts",
    "context_timers.ts",
    "host_bridge.ts",
    "host_errors.ts",
    "host_gc.ts",
    "host_integrity.ts",
    "host_io.ts",
    "job_context.ts",
    "job_modules.ts",
    "package_modules.ts",
    "package_realm.ts",
    "prelude.ts",
    "pump.ts",
    "run_job.ts",
  ].map((name) => [name, read(name)]),
));
