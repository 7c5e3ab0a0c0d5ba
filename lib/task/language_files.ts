/**
 * What a task's language decides about its files: the name the candidate is written to in the
 * job folder, the default reference and tests file names, and how a tests file imports the
 * candidate (TypeScript and JavaScript: `from "./solution.ts"`; Python: `from solution import …`).
 *
 * @module
 */

/** The file names a language's tasks use. */
export interface LanguageFiles {
  /** The candidate's file in the job folder. */
  solution: string;
  /** The default reference file of a task folder. */
  reference: string;
  /** The default tests file of a task folder (and its name in the job folder). */
  tests: string;
  /** How the tests file must import the candidate, for error messages. */
  importHint: string;
}

const SCRIPT: LanguageFiles = {
  solution: "solution.ts",
  reference: "reference.ts",
  tests: "tests.ts",
  importHint: 'must import the candidate from "./solution.ts"',
};
const PYTHON: LanguageFiles = {
  solution: "solution.py",
  reference: "reference.py",
  tests: "tests.py",
  importHint: "must import the candidate from the module solution (from solution import …)",
};

/**
 * The files of a task in `language` (`ts`, `js` or `py`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { languageFiles } from "./language_files.ts";
 * assert.equal(languageFiles("py").tests, "tests.py");
 * assert.equal(languageFiles("js").solution, "solution.ts");
 * ```
 */
export function languageFiles(language: string | undefined): LanguageFiles {
  return language === "py" ? PYTHON : SCRIPT;
}

/**
 * Whether a tests file imports the candidate the way its language requires.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importsSolution } from "./language_files.ts";
 * assert(importsSolution("py", "from solution import add\ncases = {}"));
 * assert(importsSolution("py", "import solution\n"));
 * assert(!importsSolution("py", 'import { add } from "./solution.ts";'));
 * assert(importsSolution("ts", 'import { add } from "./solution.ts";'));
 * ```
 */
export function importsSolution(language: string | undefined, testsSource: string): boolean {
  if (language === "py") {
    return /^\s*(from\s+solution\s+import\b|import\s+solution\b)/m.test(testsSource);
  }
  return /["']\.\/solution\.ts["']/.test(testsSource);
}

/**
 * Whether a files task's tests import from its tree (`paths`, the context's and the reference's
 * tree paths): TypeScript and JavaScript by a relative specifier naming a tree file
 * (`from "./src/cart.ts"`); Python by a module or package of the tree (`from inventory.stock
 * import restock`, `import cart`: `inventory/stock.py` is the module `inventory.stock`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importsTree } from "./language_files.ts";
 * assert(importsTree("py", "from inventory.stock import restock\n", ["inventory/stock.py"]));
 * assert(importsTree("py", "import cart\n", ["cart.py"]));
 * assert(!importsTree("py", "from solution import f\n", ["cart.py"]));
 * assert(importsTree("ts", 'import { a } from "./src/a.ts";', ["src/a.ts"]));
 * ```
 */
export function importsTree(
  language: string | undefined,
  testsSource: string,
  paths: readonly string[],
): boolean {
  if (language === "py") {
    const roots = new Set(
      paths.filter((p) => p.endsWith(".py")).map((p) => p.split("/")[0].replace(/\.py$/, "")),
    );
    return [...testsSource.matchAll(/^\s*(?:from\s+([\w.]+)\s+import\b|import\s+([\w.]+))/gm)]
      .some((m) => roots.has((m[1] ?? m[2]).split(".")[0]));
  }
  const known = new Set(paths);
  return [...testsSource.matchAll(/from\s*["']\.\/([^"']+)["']/g)].some((m) => known.has(m[1]));
}

/**
 * How a files task's tests must import from its tree, for error messages: the first tree file
 * as the import a tests file would write.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { treeImportHint } from "./language_files.ts";
 * assert.equal(treeImportHint("py", ["inventory/stock.py"]), 'must import from the tree, e.g. "from inventory.stock import …"');
 * assert.equal(treeImportHint("ts", ["src/a.ts"]), 'must import from the tree, e.g. "./src/a.ts"');
 * ```
 */
export function treeImportHint(language: string | undefined, paths: readonly string[]): string {
  if (language === "py") {
    const module = (paths.find((p) => p.endsWith(".py")) ?? "main.py").replace(/\.py$/, "")
      .replace(/\/__init__$/, "").replaceAll("/", ".");
    return `must import from the tree, e.g. "from ${module} import …"`;
  }
  return `must import from the tree, e.g. "./${paths[0] ?? "src/main.ts"}"`;
}
