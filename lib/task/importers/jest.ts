/**
 * Converting a jest/vitest-style test file (`describe`/`it`/`test`/`expect`)
 * or a `Deno.test` + `node:assert` file into a tests file for the sandbox.
 * Test names come from static reading of the file's structure (nothing is
 * run); the generated file keeps the original code and registers the tests
 * through an inlined runtime (`jestRuntime` from jest_runtime.ts), so describe-scoped
 * variables and `beforeEach`/`afterEach`/`beforeAll`/`afterAll` hooks work.
 *
 * @module
 */
import { builtinModules } from "node:module";
import { collectTests, type ConvertedTest, type SkippedTest } from "./collect_tests.ts";
import { readImport } from "./read_import.ts";
import { type Span, splitStatements } from "../../source/statements.ts";
import { tokenize } from "../../source/tokenize.ts";

export type { ConvertedTest, SkippedTest } from "./collect_tests.ts";

/** What {@link convertTestFile} returns. */
export interface TestFileConversion {
  /** The generated tests file (imports the solution from "./solution.ts"). */
  testsSource: string;
  /** The tests, in file order: the case names of the `cases` object. */
  tests: ConvertedTest[];
  /** Tests excluded from the cases. */
  skipped: SkippedTest[];
  /** Names imported from the module under test, in order: the default import first (the usual entry). */
  imported: string[];
  /** The local name of the module under test's default import, or null when it has none. */
  defaultImport: string | null;
  /** The module-under-test specifiers found (rewritten to "./solution.ts"). */
  solutionSpecifiers: string[];
  /** Problems found, each `line N: field: detail`; the conversion is unusable when any. */
  problems: string[];
  /**
   * The problems of static reading alone (a computed test name, a test registered in a loop,
   * no tests found; also in `problems`): collecting the names by running the file's
   * registration phase (collect_in_sandbox.ts) makes them moot.
   */
  namingProblems: string[];
  /** The generated tests file without its `cases` (see {@link withCases}). */
  loadSource: string;
}

/** Options for {@link convertTestFile}. */
export interface ConvertTestFileOptions {
  /**
   * Which import specifiers name the module under test (rewritten to
   * "./solution.ts").
   * @default every relative specifier ("./…", "../…")
   */
  isSolution?: (specifier: string) => boolean;
  /**
   * Relative specifiers of sibling modules (not the module under test) → the specifier to
   * import them from in the job (see local_modules.ts); such imports are kept, rewritten.
   * @default {} (every relative specifier names the module under test, see `isSolution`)
   */
  localImports?: Readonly<Record<string, string>>;
  /** Keep only the first N tests. @default all */
  limit?: number;
  /** The tests' language: JavaScript tests get `// @ts-nocheck` (see `testsModule`). @default "ts" */
  language?: "ts" | "js";
}

const FRAMEWORKS =
  /^(vitest|@jest\/globals|bun:test|node:test|(jsr:|npm:)?@std\/(testing\/bdd|expect)|expect)$/;
const GLOBALS = [
  "describe",
  "xdescribe",
  "fdescribe",
  "it",
  "test",
  "xit",
  "xtest",
  "fit",
  "expect",
  "beforeAll",
  "afterAll",
  "beforeEach",
  "afterEach",
];
const BUILTINS = new Set(builtinModules);

/**
 * Convert a test file's source. `describe` names prefix the case names
 * (`"outer › inner › test"`); `it.skip`/`xit`/`test.skip`/`describe.skip`/
 * `it.todo`/`Deno.test.ignore`/`{ ignore: true }` and `.each` tests are
 * listed in `skipped`, not in the cases; `.only` runs like a plain test.
 * Test names must be string literals. Imports of the module under test
 * become one import from "./solution.ts"; test-framework imports are
 * replaced by the inlined runtime; `node:` built-ins stay; any other import
 * is a problem (the sandbox has no npm packages).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { convertTestFile } from "./jest.ts";
 * const source = [
 *   'import { add } from "../src/add";',
 *   'describe("add", () => {',
 *   '  it("adds", () => expect(add(1, 2)).toBe(3));',
 *   '  it.skip("later", () => {});',
 *   '});',
 * ].join("\n");
 * const out = convertTestFile(source);
 * assert.deepEqual(out.tests.map((t) => t.name), ["add › adds"]);
 * assert.deepEqual(out.skipped.map((t) => [t.name, t.reason]), [["add › later", "skip"]]);
 * assert.deepEqual(out.imported, ["add"]);
 * assert.match(out.testsSource, /import \{ add \} from "\.\/solution\.ts";/);
 * ```
 */
export function convertTestFile(
  source: string,
  options: ConvertTestFileOptions = {},
): TestFileConversion {
  const isSolution = options.isSolution ?? ((s: string) => /^\.\.?\//.test(s));
  const problems: string[] = [];
  const namingProblems: string[] = [];
  const tests: ConvertedTest[] = [];
  const skipped: SkippedTest[] = [];
  const imported: string[] = [];
  let defaultName: string | null = null;
  const solutionSpecifiers: string[] = [];
  const keptImports: string[] = [];
  const frameworkBindings: string[] = [];
  const body: string[] = [];
  let top: Span[];
  try {
    top = splitStatements(tokenize(source), source);
  } catch (error) {
    problems.push(`${(error as Error).message.replace(/^line (\d+):/, "line $1: tests:")}`);
    top = [];
  }
  const solutionBindings: string[] = [];
  let solutionDefault: string | null = null;
  for (const s of top) {
    const imp = readImport(s);
    if (imp) {
      const at = `line ${s.line}: imports`;
      if (imp.typeOnly) continue;
      if (FRAMEWORKS.test(imp.specifier)) {
        for (const b of imp.named) {
          frameworkBindings.push(b.imported === b.local ? b.local : `${b.imported}: ${b.local}`);
        }
        if (imp.namespace) frameworkBindings.push(`...${imp.namespace}`);
        if (imp.defaultName) {
          problems.push(`${at}: default import from "${imp.specifier}" is not supported`);
        }
      } else if (options.localImports && Object.hasOwn(options.localImports, imp.specifier)) {
        keptImports.push(imp.rebuild(options.localImports[imp.specifier]));
      } else if (isSolution(imp.specifier)) {
        if (!solutionSpecifiers.includes(imp.specifier)) solutionSpecifiers.push(imp.specifier);
        if (imp.defaultName) {
          // The default export: first, it is the usual entry (`import Thing, { ErrorA } from`).
          if (solutionDefault === null) {
            solutionDefault = imp.defaultName;
            defaultName = imp.defaultName;
            imported.unshift(imp.defaultName);
          } else if (imp.defaultName !== solutionDefault) {
            keptImports.push(`const ${imp.defaultName} = ${solutionDefault};`);
          }
        }
        for (const b of imp.named) {
          if (b.imported === "default") {
            keptImports.push(`import { default as ${b.local} } from "./solution.ts";`);
            continue;
          }
          if (!imported.includes(b.imported)) imported.push(b.imported);
          solutionBindings.push(b.imported === b.local ? b.local : `${b.imported} as ${b.local}`);
        }
        if (imp.namespace) keptImports.push(`import * as ${imp.namespace} from "./solution.ts";`);
      } else if (imp.specifier.startsWith("node:") || BUILTINS.has(imp.specifier)) {
        const node = imp.specifier.startsWith("node:") ? imp.specifier : `node:${imp.specifier}`;
        keptImports.push(imp.rebuild(node));
      } else {
        problems.push(
          `${at}: cannot import "${imp.specifier}": only node: built-ins, the module under test and modules beside it are available in the sandbox`,
        );
      }
      continue;
    }
    collectTests(s, { tests, skipped, problems: namingProblems });
    body.push(s.text);
  }
  const limited = options.limit === undefined ? tests : tests.slice(0, options.limit);
  const names = new Set<string>();
  for (const t of limited) {
    if (names.has(t.name)) {
      namingProblems.push(`line ${t.line}: tests: duplicate test name "${t.name}"`);
    }
    names.add(t.name);
  }
  if (limited.length === 0 && problems.length === 0 && namingProblems.length === 0) {
    namingProblems.push(
      "line 1: tests: no tests found (describe/it/test/Deno.test with a literal name)",
    );
  }
  const words = new Set(
    top.flatMap((s) => s.tokens).filter((t) => t.kind === "word").map((t) => t.text),
  );
  const bound = new Set(frameworkBindings.map((b) => b.split(":").pop()!.trim()));
  const globals = GLOBALS.filter((g) => words.has(g) && !bound.has(g));
  const lines = [
    ...(options.language === "js"
      ? ["// @ts-nocheck", "// JavaScript tests: not type-checked."]
      : []),
    "// Converted by assay from a jest/vitest/Deno.test file: tests register at load, each case runs one.",
    'import { AssertionError as __AssertionError } from "node:assert";',
    'import { inspect as __inspect, isDeepStrictEqual as __isDeepStrictEqual } from "node:util";',
    ...(solutionBindings.length > 0 || solutionDefault !== null
      ? [solutionImport(solutionDefault, solutionBindings)]
      : []),
    ...keptImports,
    "",
    runtimeSource(),
    "const __assay = jestRuntime({",
    "  AssertionError: __AssertionError,",
    "  isDeepStrictEqual: __isDeepStrictEqual,",
    "  inspect: __inspect,",
    "});",
  ];
  const destructured = [...globals, ...frameworkBindings.filter((b) => !b.startsWith("..."))];
  if (destructured.length > 0) {
    lines.push(`const { ${destructured.join(", ")} } = __assay.globals;`);
  }
  for (const b of frameworkBindings.filter((b) => b.startsWith("..."))) {
    lines.push(`const ${b.slice(3)} = __assay.globals;`);
  }
  if (words.has("Deno")) lines.push("const Deno = __assay.deno;");
  lines.push("", ...body, "");
  const loadSource = lines.join("\n");
  return {
    testsSource: withCases(loadSource, limited.map((t) => t.name)),
    loadSource,
    namingProblems,
    tests: limited,
    skipped,
    imported,
    defaultImport: defaultName,
    solutionSpecifiers,
    problems: [...problems, ...namingProblems],
  };
}

/**
 * The tests file: `loadSource` (which registers the tests when it loads) and one case per
 * name, each running the registered test of that full name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withCases } from "./jest.ts";
 * assert.equal(
 *   withCases("// load\n", ["a › b"]),
 *   '// load\nexport const cases: Record<string, () => unknown> = {\n  "a › b": () => __assay.run("a › b"),\n};\n',
 * );
 * ```
 */
export function withCases(loadSource: string, names: readonly string[]): string {
  const lines = [loadSource + "export const cases: Record<string, () => unknown> = {"];
  for (const name of names) {
    lines.push(`  ${JSON.stringify(name)}: () => __assay.run(${JSON.stringify(name)}),`);
  }
  lines.push("};", "");
  return lines.join("\n");
}

/** `import Thing, { ErrorA } from "./solution.ts";` (default binding, then the named ones). */
function solutionImport(defaultBinding: string | null, named: string[]): string {
  const parts = [
    ...(defaultBinding === null ? [] : [defaultBinding]),
    ...(named.length > 0 ? [`{ ${named.join(", ")} }`] : []),
  ];
  return `import ${parts.join(", ")} from "./solution.ts";`;
}

let runtimeText: string | null = null;

/**
 * The runtime modules' own source (typed, so a type-check of the generated
 * tests file passes), without module docs, imports and `export`, read once.
 */
function runtimeSource(): string {
  runtimeText ??= ["./expect_extend.ts", "./expect_runtime.ts", "./jest_runtime.ts"]
    .map((file) =>
      Deno.readTextFileSync(new URL(file, import.meta.url))
        .replace(/^\/\*\*[\s\S]*?@module\s*\*\/\n/, "")
        .replace(/^import .*;\n/gm, "")
        .replace(/^export /gm, "")
        .trim()
    ).join("\n\n");
  return runtimeText;
}
