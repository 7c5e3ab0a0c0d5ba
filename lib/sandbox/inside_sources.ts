/**
 * The files of lib/sandbox/inside/ as the sandbox gets them: read once as text and written into
 * each job's folder (the strict runner) or each host's folder (the warm pool).
 *
 * The strict runner's job folder holds exactly `runner.js` and `builtin_watch.js` (runner.ts and
 * builtin_watch.ts as JavaScript) besides the job's own files (their names are reserved in a
 * task's tree: lib/task/tree.ts), so the modules runner.ts shares with the pool
 * (case_protocol.ts) are inlined into it at copy time. A host's folder holds no job file: its
 * modules are written side by side.
 *
 * @module
 */

import { stripTypeScriptTypes } from "node:module";

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

/**
 * `source` (TypeScript) as JavaScript, its types blanked out so every line and column stays where
 * it was (`stripTypeScriptTypes`), and its import of `./<name>.ts` made `./<name>.js`. Deno runs a
 * `.js` file as it is: no transpiled copy to find, check and load from the DENO_DIR's gen/ (with
 * its inline source map, twice the size of the code) for every job.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { asJavaScript } from "./inside_sources.ts";
 * const js = asJavaScript('import { f } from "./f.ts";\nconst x: number = f();\n', ["./f.ts"]);
 * assert.equal(js, 'import { f } from "./f.js";\nconst x         = f();\n');
 * assert.throws(() => asJavaScript("const x = 1;", ["./f.ts"]), /Cannot rename "\.\/f\.ts"/);
 * ```
 */
export function asJavaScript(source: string, imports: readonly string[] = []): string {
  let out = stripTypeScriptTypes(source);
  for (const specifier of imports) {
    const quoted = `from "${specifier}";`;
    if (!out.includes(quoted)) {
      throw new Error(`Cannot rename "${specifier}": no import of it found`);
    }
    out = out.replace(quoted, `from "${specifier.replace(/\.ts$/, ".js")}";`);
  }
  return out;
}

/**
 * The strict runner's files, by name: `runner.js` (runner.ts with case_protocol.ts inlined) and
 * its import `builtin_watch.js`, both as JavaScript ({@link asJavaScript}).
 */
export const RUNNER_FILES: Readonly<Record<string, string>> = Object.freeze({
  "runner.js": asJavaScript(
    inlineModule(read("runner.ts"), "./case_protocol.ts", read("case_protocol.ts")),
    ["./builtin_watch.ts"],
  ),
  "builtin_watch.js": asJavaScript(read("builtin_watch.ts")),
});

/** The file of {@link RUNNER_FILES} Deno runs. */
export const RUNNER_ENTRY = "runner.js";

/** The modules of lib/sandbox/inside/ a pool host runs: `pool_host.ts` and every module it imports. */
const HOST_MODULES = [
  "pool_host",
  "builtin_module",
  "builtin_watch",
  "case_protocol",
  "context_assert",
  "context_console",
  "context_timers",
  "host_bridge",
  "host_errors",
  "host_gc",
  "host_integrity",
  "host_io",
  "job_context",
  "job_modules",
  "package_modules",
  "package_realm",
  "prelude",
  "pump",
  "run_job",
] as const;

/**
 * A pool host's files, by name: each of its modules as JavaScript ({@link asJavaScript}), its
 * imports of the others renamed, so a host starts without transpiling anything.
 */
export const HOST_FILES: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(
  HOST_MODULES.map((name) => {
    const source = read(`${name}.ts`);
    const imports = [...source.matchAll(/^import (?!type )[^;]*? from "(\.\/[a-z_]+\.ts)";$/gm)]
      .map((m) => m[1]);
    return [`${name}.js`, asJavaScript(source, [...new Set(imports)])];
  }),
));

/** The file of {@link HOST_FILES} a host's Deno runs. */
export const HOST_ENTRY = "pool_host.js";
