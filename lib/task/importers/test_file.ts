/**
 * Importing one test file (jest/vitest style or `Deno.test`) as a one-task
 * suite: the tests become the cases, the module under test (when found next
 * to the test file) the reference.
 *
 * @module
 */
import { basename, dirname, extname, resolve } from "node:path";
import type { Suite } from "../schema.ts";
import { buildSuite } from "./build_suite.ts";
import { ImportError } from "./import_error.ts";
import { convertTestFile } from "./jest.ts";
import { readText } from "./read_records.ts";

/** Bump when the tasks this importer produces change. */
export const TEST_FILE_IMPORTER_VERSION = 2;

/** Options for {@link importTestFile}. */
export interface TestFileOptions {
  /** The entry point. @default the first name imported from the module under test */
  entry?: string;
  /** The task id. @default the file name without `.test.ts`/`.spec.js`…, sanitised */
  id?: string;
  /** The title. @default the id */
  title?: string;
  /** The language of the answer. @default "js" for .js/.mjs/.cjs/.jsx files, else "ts" */
  language?: "ts" | "js";
  /**
   * The reference solution's path, or null for none.
   * @default the module under test, resolved next to the test file (.ts, .js, /index.ts…), when it exists
   */
  reference?: string | null;
  /** The signature shown to the model. @default the reference's declaration of the entry, else `function <entry>(…)` */
  signature?: string;
  /** What the model is asked. @default "Implement `<entry>` so that these tests pass:" and the test file */
  instructions?: string;
  /** Test names (full names) matching this are `edge` cases. @default none: every case is `core` */
  edge?: RegExp;
  /** Keep only the first N tests. @default all */
  limit?: number;
  /** Wall-clock limit per sample, ms. @default 5000 */
  timeoutMs?: number;
}

/**
 * Import a jest/vitest or `Deno.test` file as a suite with one task (see
 * {@link convertTestFile} for what is supported). Skipped tests are left
 * out and counted in a `skipped:<n>` tag. Throws an {@link ImportError}
 * naming the file, the line and the problem (an unsupported import, a
 * computed test name, a test declared inside a loop…).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importTestFile } from "./test_file.ts";
 * const file = new URL("../../../data/fixtures/importers/jest/slugify.spec.ts", import.meta.url).pathname;
 * const suite = await importTestFile(file);
 * const [task] = suite.tasks;
 * assert.equal(task.entry, "slugify");
 * assert.ok(task.referenceSource?.includes("export function slugify"));
 * assert.ok(task.tags.some((t) => t.startsWith("skipped:")));
 * ```
 */
export async function importTestFile(path: string, options: TestFileOptions = {}): Promise<Suite> {
  const text = await readText(path);
  const language = options.language ?? (/\.(m|c)?jsx?$/.test(path) ? "js" : "ts");
  const converted = convertTestFile(text, { limit: options.limit, language });
  const problems = [...converted.problems];
  const entry = options.entry ?? converted.imported[0];
  if (!entry) {
    problems.push(
      "line 1: entry: nothing is imported from the module under test; pass options.entry",
    );
  }
  if (problems.length > 0 || !entry) throw new ImportError(path, problems);
  const referencePath = options.reference === undefined
    ? await findModule(dirname(resolve(path)), converted.solutionSpecifiers[0])
    : options.reference === null
    ? null
    : resolve(options.reference);
  let referenceSource: string | null = null;
  if (referencePath) {
    try {
      referenceSource = await Deno.readTextFile(referencePath);
    } catch (error) {
      throw new ImportError(path, [
        `reference: cannot read "${referencePath}": ${(error as Error).message}`,
      ]);
    }
  }
  const id = options.id ?? defaultId(path);
  const isDefault = converted.defaultImport === entry;
  const declared = declarationOf(referenceSource, entry, isDefault);
  const signature = options.signature ??
    (declared && isDefault && !/^export\s+default\b/.test(declared)
      ? `export default ${declared.replace(/^export\s+/, "")}`
      : declared) ??
    `${isDefault ? "export default " : ""}function ${entry}(…)`;
  const tags = ["test-file"];
  if (converted.skipped.length > 0) tags.push(`skipped:${converted.skipped.length}`);
  const task = {
    id,
    title: options.title ?? id,
    language,
    instructions: options.instructions ??
      `Implement \`${entry}\` (${
        language === "ts" ? "TypeScript" : "JavaScript"
      }) so that these tests pass. ${
        exportsSentence(converted.imported, converted.defaultImport)
      }\n\n${text}`,
    entry,
    signature,
    reference: referencePath ? basename(referencePath) : null,
    tests: "tests.ts",
    cases: converted.tests.map((t) => ({
      name: t.name,
      kind: options.edge?.test(t.name) ? "edge" : "core",
      tags: [],
    })),
    tags,
    timeoutMs: options.timeoutMs,
    referenceSource,
    testsSource: converted.testsSource,
    dir: dirname(resolve(path)),
  };
  return buildSuite(path, [{ line: 1, task }], {
    importer: "test-file",
    version: TEST_FILE_IMPORTER_VERSION,
    options: { ...options, edge: options.edge?.source, referenceSource },
    text,
    name: id,
  });
}

/** `slugify.test.ts` → `slugify`. */
function defaultId(path: string): string {
  let name = basename(path);
  name = name.slice(0, name.length - extname(name).length).replace(/[._-](test|spec)$/i, "");
  return name.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[_-]+/, "") || "tests";
}

const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", ".jsx", "/index.ts", "/index.js"];

async function findModule(dir: string, specifier: string | undefined): Promise<string | null> {
  if (!specifier) return null;
  const base = resolve(dir, specifier);
  const candidates = EXTENSIONS.map((e) => base + e);
  if (/\.js$/.test(base)) candidates.push(base.replace(/\.js$/, ".ts")); // TS's ".js means .ts"
  for (const file of candidates) {
    try {
      if ((await Deno.stat(file)).isFile) return file;
    } catch { /* try the next */ }
  }
  return null;
}

/** What the module must export, e.g. "The module must export \`Money\` as its default export (\`export default\`) and \`CurrencyMismatchError\` by name." */
function exportsSentence(imported: string[], defaultImport: string | null): string {
  const named = imported.filter((n) => n !== defaultImport).map((n) => `\`${n}\``);
  const parts = [
    ...(defaultImport === null
      ? []
      : [`\`${defaultImport}\` as its default export (\`export default\`)`]),
    ...(named.length > 0 ? [`${named.join(", ")} by name`] : []),
  ];
  return parts.length > 0 ? `The module must export ${parts.join(" and ")}.` : "";
}

/**
 * The reference's declaration of `entry`, up to its body; for the default import also an
 * `export default function|class` of another name (or none).
 */
function declarationOf(source: string | null, entry: string, isDefault = false): string | null {
  if (!source) return null;
  const e = entry.replace(/\$/g, "\\$");
  const match = source.match(
    new RegExp(
      `^[ \\t]*(export\\s+(default\\s+)?)?(async\\s+)?(function\\s*\\*?\\s*${e}\\b[^{]*|(const|let|var)\\s+${e}\\b[^=]*=[^{]*?=>|class\\s+${e}\\b[^{]*)`,
      "m",
    ),
  ) ?? (isDefault
    ? source.match(/^[ \t]*export\s+default\s+(async\s+)?(function\s*\*?|class)\b[^{]*/m)
    : null);
  return match ? match[0].trim() : null;
}
