/**
 * The one change the sandbox makes to an answer: when the code defines the entry point without
 * exporting it, `export { entry };` is appended so the tests can import it. The change is said
 * in words, for the result's `harnessChanges` (lib/sandbox/sandbox.ts).
 *
 * @module
 */

/** The code as the sandbox runs it, and what was changed to get there. */
export interface ExportedEntry {
  /** The code written to `solution.ts`: the answer, plus the export when one was added. */
  code: string;
  /** What was added, in words; null when the code is the answer's unchanged. */
  change: string | null;
  /** The statement appended (`export { entry };`); null when nothing was. */
  appended: string | null;
}

/**
 * Append `export { entry };` when the code defines the entry point without exporting it, and
 * say so.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { exportEntry } from "./export_entry.ts";
 * assert.deepEqual(exportEntry("function f() {}", "f"), {
 *   code: "function f() {}\nexport { f };\n",
 *   change: "added export { f } (the answer defines f without exporting it)",
 *   appended: "export { f };",
 * });
 * assert.equal(exportEntry("export function f() {}", "f").change, null);
 * assert.equal(exportEntry("function g() {}", "f").change, null);
 * ```
 */
export function exportEntry(code: string, entry: string): ExportedEntry {
  const e = entry.replace(/\$/g, "\\$");
  const exported = new RegExp(
    `export\\s+(default\\s+)?(async\\s+)?(function\\*?|class|const|let|var)\\s+${e}\\b|export\\s*\\{[^}]*\\b${e}\\b[^}]*\\}`,
  );
  const defined = new RegExp(`(function\\*?|class|const|let|var)\\s+${e}\\b`);
  if (exported.test(code) || !defined.test(code)) return { code, change: null, appended: null };
  const appended = `export { ${entry} };`;
  return {
    code: `${code}\n${appended}\n`,
    change: `added export { ${entry} } (the answer defines ${entry} without exporting it)`,
    appended,
  };
}

/**
 * Append `export { entry }` when the code defines the entry point without exporting it
 * ({@link exportEntry}, which also says what it changed). Re-exported by `deno.ts`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ensureExported } from "./export_entry.ts";
 * assert.ok(ensureExported("function f() {}", "f").endsWith("export { f };\n"));
 * assert.equal(ensureExported("export function f() {}", "f"), "export function f() {}");
 * ```
 */
export function ensureExported(code: string, entry: string): string {
  return exportEntry(code, entry).code;
}
