/**
 * Writing a generated tests file: imports, shared preamble, and
 * `export const cases = { "<name>": () => { … } }` in declared order.
 *
 * @module
 */
import type { CaseDraft } from "./check_cases.ts";

/** The parts of a generated tests file. */
export interface TestsModuleParts {
  /** A first comment line saying where the tests come from. */
  origin: string;
  /** Import declarations (one must import the entry from "./solution.ts"). */
  imports: string[];
  /** Statements shared by every case, after the imports. */
  preamble?: string[];
  /** The cases, in order. */
  cases: CaseDraft[];
  /**
   * The language of the tests: JavaScript tests get `// @ts-nocheck`, so a
   * type-check of the sample does not blame the candidate for JavaScript
   * that TypeScript rejects (optional parameters, implicit types).
   * @default "ts"
   */
  language?: "ts" | "js";
}

/**
 * The source of a tests file the sandbox runner accepts. Only the first line
 * of each statement is indented: later lines may sit inside a template literal.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { testsModule } from "./tests_module.ts";
 * const src = testsModule({
 *   origin: "demo",
 *   imports: ['import { f } from "./solution.ts";'],
 *   cases: [{ name: "f is 1", body: ["if (f() !== 1) throw new Error();"], line: 1 }],
 * });
 * assert.match(src, /export const cases: Record<string, \(\) => unknown> = \{\n  "f is 1": \(\) => \{/);
 * ```
 */
export function testsModule(parts: TestsModuleParts): string {
  const lines = [
    ...(parts.language === "js"
      ? ["// @ts-nocheck", "// JavaScript tests: not type-checked."]
      : []),
    `// ${parts.origin.replace(/\s+/g, " ")}`,
    ...parts.imports,
    "",
  ];
  if (parts.preamble?.length) lines.push(...parts.preamble, "");
  lines.push("export const cases: Record<string, () => unknown> = {");
  for (const c of parts.cases) {
    lines.push(`  ${JSON.stringify(c.name)}: () => {`, ...c.body.map((b) => `    ${b}`), "  },");
  }
  lines.push("};", "");
  return lines.join("\n");
}
