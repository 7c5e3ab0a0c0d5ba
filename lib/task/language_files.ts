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
