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
import { collectInSandbox, type RunInSandbox } from "./collect_in_sandbox.ts";
import { ImportError } from "./import_error.ts";
import { findModule } from "./find_module.ts";
import { convertTestFile, withCases } from "./jest.ts";
import { localModules } from "./local_modules.ts";
import { localSpecifiers } from "./local_specifiers.ts";
import { moduleUnderTest } from "./module_under_test.ts";
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
  /**
   * Runs a job in assay's sandbox (e.g. `(job) => runSample(job, { isolation })`): the test
   * names are then collected by executing the file's registration phase there
   * (collect_in_sandbox.ts), and static reading is the fallback. The importer never runs the
   * file itself. @default none: static reading only
   */
  runInSandbox?: RunInSandbox;
}

/** What {@link importTestFile} returns: the suite, and what the import did, in sentences. */
export interface TestFileSuite extends Suite {
  /** How the test names were collected, which tests were skipped, which modules were carried. */
  notes: string[];
}

/**
 * Import a jest/vitest or `Deno.test` file as a suite with one task (see
 * {@link convertTestFile} for what is supported). The test names are collected by running the
 * file's registration phase in the sandbox when `options.runInSandbox` is given (tag
 * `tests-collected:executed`), else, or when that fails, by static reading (tag
 * `tests-collected:static`). Skipped tests are left out, counted in a `skipped:<n>` tag and
 * named in `notes`. Sibling modules the test file and the reference import are carried as
 * context files (local_modules.ts). Throws an {@link ImportError} naming the file, the line and
 * the problem (an unsupported import, a module outside the test file's folder, a test static
 * reading cannot name when execution failed…).
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
 * assert.deepEqual(task.tags, ["test-file", "tests-collected:static", "skipped:3"]);
 * assert.match(suite.notes[0], /^test names collected by static reading/);
 * ```
 */
export async function importTestFile(
  path: string,
  options: TestFileOptions = {},
): Promise<TestFileSuite> {
  const text = await readText(path);
  const file = resolve(path);
  const root = dirname(file);
  const language = options.language ?? (/\.(m|c)?jsx?$/.test(path) ? "js" : "ts");
  let runtimeImports: ReturnType<typeof localSpecifiers> = [];
  try {
    runtimeImports = localSpecifiers(text).filter((s) => !s.typeOnly);
  } catch { /* convertTestFile reports the syntax error */ }
  const moduleSpecifier = await moduleUnderTest(file, runtimeImports, {
    reference: options.reference,
  });
  const referencePath = options.reference === undefined
    ? await findModule(root, moduleSpecifier)
    : options.reference === null
    ? null
    : resolve(options.reference);
  // Sibling modules: carried as context files, their specifiers rewritten to exact names.
  const graph = localModules({ root, modulePath: referencePath });
  const solution = new Set<string>();
  const localImports: Record<string, string> = {};
  for (const s of runtimeImports) {
    if (solution.has(s.specifier) || Object.hasOwn(localImports, s.specifier)) continue;
    if (s.specifier === moduleSpecifier) {
      solution.add(s.specifier);
      continue;
    }
    const target = await findModule(root, s.specifier);
    if (target !== null && target === referencePath) solution.add(s.specifier);
    else {
      const spec = await graph.resolve(file, "tests.ts", s.specifier, s.line);
      if (spec !== null) localImports[s.specifier] = spec;
    }
  }
  let referenceSource: string | null = null;
  if (referencePath) {
    try {
      referenceSource = await graph.carry(
        referencePath,
        "solution.ts",
        await Deno.readTextFile(referencePath),
      );
    } catch (error) {
      throw new ImportError(path, [
        `reference: cannot read "${referencePath}": ${(error as Error).message}`,
      ]);
    }
  }
  if (graph.problems.length > 0) throw new ImportError(path, graph.problems);
  const converted = convertTestFile(text, {
    limit: options.limit,
    language,
    isSolution: (s) => solution.has(s),
    localImports,
  });
  const hard = converted.problems.filter((p) => !converted.namingProblems.includes(p));
  const entry = options.entry ?? converted.imported[0];
  if (!entry) {
    hard.push("line 1: entry: nothing is imported from the module under test; pass options.entry");
  }
  if (hard.length > 0 || !entry) throw new ImportError(path, hard);
  // The test names: by running the registration phase in the sandbox, else statically.
  const collected = options.runInSandbox
    ? await collectInSandbox({
      loadSource: converted.loadSource,
      reference: referenceSource,
      imported: converted.imported,
      defaultImport: converted.defaultImport,
      entry,
      files: graph.files,
    }, options.runInSandbox)
    : { failure: "no sandbox was given (options.runInSandbox)" };
  let names: string[];
  let skipped: { name: string; reason: string }[];
  let how: string;
  if ("names" in collected && collected.names.tests.length > 0) {
    names = collected.names.tests;
    skipped = collected.names.skipped;
    how = "executed";
  } else {
    const why = "names" in collected ? "it registered no tests" : collected.failure;
    if (converted.namingProblems.length > 0) {
      throw new ImportError(path, [
        ...converted.namingProblems,
        `tests: the names could not be collected by running the file's registration phase in the sandbox either: ${why}`,
      ]);
    }
    names = converted.tests.map((t) => t.name);
    skipped = converted.skipped;
    how = `static (running the registration phase in the sandbox was not possible: ${why})`;
  }
  if (options.limit !== undefined) names = names.slice(0, options.limit);
  const id = options.id ?? defaultId(path);
  const isDefault = converted.defaultImport === entry;
  const declared = declarationOf(referenceSource, entry, isDefault);
  const signature = options.signature ??
    (declared && isDefault && !/^export\s+default\b/.test(declared)
      ? `export default ${declared.replace(/^export\s+/, "")}`
      : declared) ??
    `${isDefault ? "export default " : ""}function ${entry}(…)`;
  const executed = how === "executed";
  const tags = ["test-file", `tests-collected:${executed ? "executed" : "static"}`];
  if (skipped.length > 0) tags.push(`skipped:${skipped.length}`);
  const contextFiles = graph.files;
  const carried = Object.keys(contextFiles).sort();
  const notes = [
    executed
      ? `test names collected by executing the file's registration phase in the sandbox (${names.length} tests)`
      : `test names collected by static reading: ${how.replace(/^static /, "")}`,
    ...(skipped.length > 0
      ? [`skipped ${skipped.length}: ${skipped.map((t) => `${t.name} (${t.reason})`).join("; ")}`]
      : []),
    ...(carried.length > 0 ? [`modules carried as context: ${carried.join(", ")}`] : []),
  ];
  const task = {
    id,
    title: options.title ?? id,
    language,
    instructions: options.instructions ??
      `Implement \`${entry}\` (${
        language === "ts" ? "TypeScript" : "JavaScript"
      }) so that these tests pass. ${exportsSentence(converted.imported, converted.defaultImport)}${
        carried.length > 0
          ? ` Your module is saved as \`solution.ts\` beside the existing files shown (the tests import it from there): import them with paths relative to it, e.g. \`./${
            carried[0]
          }\`.`
          : ""
      }\n\n${text}`,
    entry,
    signature,
    reference: referencePath ? basename(referencePath) : null,
    tests: "tests.ts",
    cases: names.map((name) => ({
      name,
      kind: options.edge?.test(name) ? "edge" : "core",
      tags: [],
    })),
    tags,
    timeoutMs: options.timeoutMs,
    ...(carried.length > 0 ? { context: "context", contextFiles } : {}),
    referenceSource,
    testsSource: withCases(converted.loadSource, names),
    dir: root,
  };
  const suite = await buildSuite(path, [{ line: 1, task }], {
    importer: "test-file",
    version: TEST_FILE_IMPORTER_VERSION,
    options: {
      ...options,
      runInSandbox: undefined,
      edge: options.edge?.source,
      referenceSource,
      contextFiles,
      names,
    },
    text,
    name: id,
  });
  return { ...suite, notes };
}

/** `slugify.test.ts` → `slugify`. */
function defaultId(path: string): string {
  let name = basename(path);
  name = name.slice(0, name.length - extname(name).length).replace(/[._-](test|spec)$/i, "");
  return name.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[_-]+/, "") || "tests";
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
