/**
 * The task contract: zod schemas that are both the documentation and the
 * validation of a suite on disk.
 *
 * A folder suite holds one folder per task:
 *
 * ```
 * tasks/builtin/
 *   clamp/
 *     task.json      metadata, instructions, entry point, declared test cases
 *     reference.ts   the reference solution (exports the entry point)
 *     tests.ts       `export const cases = { "<case name>": () => { … } }`,
 *                    importing the solution from "./solution.ts"
 *   cart-discount/   a task that changes an existing codebase ("answer": "files")
 *     task.json
 *     context/       the codebase as the model sees it: context/src/cart.ts is the tree's
 *                    src/cart.ts
 *     reference/     the reference's changed files, mirroring tree paths (reference/src/cart.ts)
 *     tests.ts       at the tree root in the job: imports from the tree, e.g. "./src/cart.ts"
 * ```
 *
 * A Python files task (`"language": "py"`) has the same folders with `.py` modules (packages with
 * `__init__.py` too); its `tests.py` sits at the tree root, which is first on `sys.path`, and
 * imports the tree's modules (`from inventory.stock import restock`). It has no `solution.py` of
 * its own (the job's is empty), as a TypeScript files task has no `solution.ts`.
 *
 * A files-answer task keeps `entry` and `signature` meaningful: the main export the change adds
 * or alters, and its signature (the mutation engine and the taxonomy read them). The model
 * answers with the changed files, whole or as a unified diff (see `lib/model/extract_files.ts`).
 *
 * @module
 */
import { z } from "zod";
import { isSemverRange } from "../source/semver_range.ts";
import { isStdlibModule } from "../source/python_stdlib.ts";
import { CaseKind } from "../record/case_verdict.ts";

/** One declared test case. Its body lives in the task's tests file under the same name. */
export const TestCase = z.object({
  /** Unique within the task; the key of its function in the tests file. */
  name: z.string().min(1).describe(
    "unique within the task; the key of its function in the tests file",
  ),
  /** `core` or `edge`: decides the weight of a failure in weighted accuracy. */
  kind: CaseKind,
  /** Free labels (e.g. "unicode", "large-input"). */
  tags: z.array(z.string()).default([]).describe("free labels such as unicode or large-input"),
});
/** One declared test case. */
export type TestCase = z.infer<typeof TestCase>;

/** The languages a task may be written in. */
export const Language = z.enum(["ts", "js", "py"]).describe(
  "the language the model must answer in: ts, js or py (Python: reference.py, tests.py)",
);
/** The languages a task may be written in. */
export type Language = z.infer<typeof Language>;

/**
 * How the candidate's JavaScript runs: `module`, an ES module (strict mode, as assay's own suites
 * run), or `script`, a non-strict CommonJS-style script, as node runs a `.js`/`.cjs` file and as
 * the harnesses of MBXP, MultiPL-E, HumanEval-X and can-ai-code run their candidates (an
 * implicit global such as `temp = b` works there and throws a ReferenceError in a module).
 */
export const Semantics = z.enum(["module", "script"]).describe(
  "module: ES module, strict; script: non-strict CommonJS-style script, as node runs a .js file",
);
/** How the candidate's JavaScript runs. */
export type Semantics = z.infer<typeof Semantics>;

/**
 * What the model answers with: `code`, one module (written as `solution.ts`), or `files`, the
 * files of the context codebase it changed (whole files or a unified diff).
 */
export const AnswerKind = z.enum(["code", "files"]).describe(
  "code: one module written as solution.ts; files: the changed files of the context codebase",
);
/** What the model answers with. */
export type AnswerKind = z.infer<typeof AnswerKind>;

/** An npm package name: lower case, optionally scoped (`@scope/name`), at most 214 characters. */
const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;

/**
 * The npm packages a task's code may import: package name → semver range (`^11.0.0`, `2.x`,
 * `>=1 <3`; see `semver_range.ts`). Before a run they are installed once into a read-only
 * dependency store (lib/sandbox/dep_store.ts) that the sandbox mounts as the job's
 * `node_modules`; any other bare import fails to load (`undeclared_dependency` or
 * `nonexistent_package` in the taxonomy). Node built-ins (`node:fs`, `assert`) need no entry.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Dependencies } from "./schema.ts";
 * assert.deepEqual(Dependencies.parse({ mathjs: "^11.0.0" }), { mathjs: "^11.0.0" });
 * assert.equal(Dependencies.safeParse({ mathjs: "latest" }).success, false);
 * assert.equal(Dependencies.safeParse({ "Bad Name": "1.0.0" }).success, false);
 * ```
 */
export const Dependencies = z.record(
  z.string().max(214).regex(NPM_NAME, "must be an npm package name such as mathjs or @scope/name"),
  z.string().refine(isSemverRange, {
    message: 'must be a semver range such as "^11.0.0" or "2.x" (no tags, URLs or file: paths)',
  }),
).describe("npm package name to semver range; the only packages the task's code may import");
/** The npm packages a task's code may import. */
export type Dependencies = z.infer<typeof Dependencies>;

/** Python's keywords: never a module name (`import class` does not parse). */
const PYTHON_KEYWORDS = new Set(
  ("False None True and as assert async await break class continue def del elif else except " +
    "finally for from global if import in is lambda nonlocal not or pass raise return try while " +
    "with yield").split(" "),
);

/**
 * The Python packages a Python task's code may import beyond the standard library, named by the
 * top-level module the code imports (`yaml`, not `PyYAML` or `python3-yaml`). Under CPython the
 * sandbox mounts exactly these from Debian's `/usr/lib/python3/dist-packages` (read-only, nothing
 * else of it); a run refuses to start when one is not installed (`apt-get install python3-…`) or
 * when the runtime is Pyodide (npm `pyodide` ships no packages). Any other import of a package
 * fails to load (`undeclared_dependency` or `nonexistent_package` in the taxonomy).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PythonPackages } from "./schema.ts";
 * assert.deepEqual(PythonPackages.parse(["yaml", "bs4"]), ["yaml", "bs4"]);
 * assert.equal(PythonPackages.safeParse(["py-yaml"]).success, false);
 * assert.equal(PythonPackages.safeParse(["json"]).success, false);
 * ```
 */
export const PythonPackages = z.array(
  z.string().superRefine((name, ctx) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || PYTHON_KEYWORDS.has(name)) {
      ctx.addIssue({
        code: "custom",
        message:
          `"${name}" is not a Python module name: name the top-level module the code imports, e.g. "yaml" (not "PyYAML" or "python3-yaml")`,
      });
    } else if (isStdlibModule(name)) {
      ctx.addIssue({
        code: "custom",
        message:
          `"${name}" is in the standard library: remove it (only packages beyond the standard library are declared)`,
      });
    }
  }),
).describe("top-level Python modules the code may import beyond the standard library, e.g. yaml");
/** The Python packages a Python task's code may import. */
export type PythonPackages = z.infer<typeof PythonPackages>;

/** The contents of a `task.json` file. File paths are relative to the task folder. */
export const TaskFile = z.object({
  /** Unique within the suite; by convention the folder name. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "use lower-case letters, digits, - and _")
    .describe("unique within the suite; by convention the folder name"),
  /** Short human title. */
  title: z.string().min(1).describe("short human title"),
  /** The language of the expected answer. */
  language: Language.default("ts"),
  /** What the model is asked to do, in prose. */
  instructions: z.string().min(1).describe("what the model is asked to do, in prose"),
  /** The exported name the tests import from `./solution.ts` (Python: from the module `solution`). */
  entry: z.string().regex(/^[A-Za-z_$][\w$]*$/, "must be a JavaScript identifier")
    .describe("the exported name the tests import from ./solution.ts (Python: module solution)"),
  /** The signature shown to the model, e.g. `function clamp(x: number, lo: number, hi: number): number`. */
  signature: z.string().min(1).describe("the signature shown to the model"),
  /** How the candidate's code runs: an ES module (strict) or a non-strict script. @default "module" */
  semantics: Semantics.default("module"),
  /** What the model answers with: `code` (one module) or `files` (changed files of `context`). @default "code" */
  answer: AnswerKind.default("code"),
  /** Relative folder of the codebase the task shows (and, for `files`, changes); its paths are the tree's. null for none. @default null ("context" when answer is "files") */
  context: z.string().nullable().default(null).describe(
    'relative folder holding the codebase, whose paths are the tree\'s; null for none ("context" for a files answer)',
  ),
  /** Tree paths a files answer may change; [] means every context file. @default [] */
  editable: z.array(z.string()).default([]).describe(
    "tree paths a files answer may change; [] means every context file",
  ),
  /** Whether a files answer may add files that are not in the context (safe relative .ts/.js paths; .py for a Python task). @default false */
  newFiles: z.boolean().default(false).describe(
    "whether a files answer may add files not in the context (safe relative .ts/.js paths; .py for a Python task)",
  ),
  /** Relative path of the reference solution (a folder of changed files mirroring tree paths for a files answer); null when there is none. @default "reference.ts" ("reference" when answer is "files", "reference.py" for a Python task) */
  reference: z.string().nullable().default("reference.ts")
    .describe(
      'relative path of the reference solution (for a files answer a folder mirroring tree paths, default "reference"), null when none',
    ),
  /** Relative path of the tests file. @default "tests.ts" ("tests.py" for a Python task) */
  tests: z.string().default("tests.ts").describe("relative path of the tests file"),
  /** The declared test cases: the set every run must report on. */
  cases: z.array(TestCase).min(1).describe(
    "the declared test cases: the set every run must report on",
  ),
  /** easy, medium or hard. @default "medium" */
  difficulty: z.enum(["easy", "medium", "hard"]).default("medium").describe("easy, medium or hard"),
  /** Category labels (e.g. "strings", "stateful"). */
  tags: z.array(z.string()).default([]).describe("category labels such as strings or stateful"),
  /** Descriptions of mutants of the reference judged equivalent (excluded from mutation analysis). */
  equivalentMutants: z.array(z.string()).default([])
    .describe(
      "descriptions of reference mutants judged equivalent, excluded from mutation analysis",
    ),
  /** npm packages the code may import (name → semver range), on top of the suite's; absent for none. */
  dependencies: Dependencies.optional().describe(
    "npm packages the code may import, name to semver range, on top of the suite's; absent for none",
  ),
  /** Python modules beyond the standard library the code may import (a Python task only), on top of the suite's; absent for none. */
  pythonPackages: PythonPackages.optional().describe(
    "Python task only: modules beyond the standard library the code may import, on top of the suite's; absent for none",
  ),
  /** Wall-clock limit for one sample in milliseconds. @default 5000 */
  timeoutMs: z.number().int().positive().default(5_000).describe(
    "wall-clock limit for one sample, ms",
  ),
});
/** The contents of a `task.json` file. */
export type TaskFile = z.infer<typeof TaskFile>;

/** A loaded task: the validated `task.json` plus the source texts it refers to. */
export const Task = TaskFile.extend({
  /** The reference solution's source text (for a files answer, its changed files as a file bundle: `// file: <path>` lines); null when the task has none. */
  referenceSource: z.string().nullable().describe(
    "the reference solution's source text (files answer: its changed files as a file bundle), null when none",
  ),
  /** The context codebase: tree path → source text; {} when the task has none. */
  contextFiles: z.record(z.string(), z.string()).default({}).describe(
    "the context codebase: tree path to source text; empty when none",
  ),
  /** For a files answer, the reference's changed files (tree path → source text); null otherwise. */
  referenceFiles: z.record(z.string(), z.string()).nullable().default(null).describe(
    "files answer: the reference's changed files, tree path to source; null otherwise",
  ),
  /** The tests file's source text. */
  testsSource: z.string().describe("the tests file's source text"),
  /** The folder the task was loaded from. */
  dir: z.string().describe("the folder the task was loaded from"),
});
/** A loaded task. */
export type Task = z.infer<typeof Task>;

/** A loaded suite. */
export const Suite = z.object({
  /** The suite's name (its folder name). */
  name: z.string().describe("the suite's name (its folder name)"),
  /** The folder it was loaded from. */
  dir: z.string().describe("the folder it was loaded from"),
  /** SHA-256 over every file of every task (context and reference files included), in a stable order. */
  hash: z.string().describe("SHA-256 over every file of every task, in a stable order"),
  /** The release from the suite's `suite.json` (a semantic version); null when it has none. */
  version: z.string().nullable().optional().describe(
    "the release from the suite's suite.json, a semantic version; null when it has none",
  ),
  /** npm packages every task may import (`suite.json`'s `dependencies`); absent for none. */
  dependencies: Dependencies.optional().describe(
    "npm packages every task may import (suite.json dependencies); absent for none",
  ),
  /** Python modules every Python task may import (`suite.json`'s `pythonPackages`); absent for none. */
  pythonPackages: PythonPackages.optional().describe(
    "Python modules every Python task may import (suite.json pythonPackages); absent for none",
  ),
  /** The tasks, sorted by id. */
  tasks: z.array(Task).describe("the tasks, sorted by id"),
});
/** A loaded suite. */
export type Suite = z.infer<typeof Suite>;

/**
 * The packages one task may import: the suite's declared dependencies overlaid with the task's
 * own (the task's range wins for a package both name).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { taskDependencies } from "./schema.ts";
 * const suite = { dependencies: { mathjs: "^11.0.0" } };
 * assert.deepEqual(taskDependencies(suite, { dependencies: { "heap-js": "^2.0.0" } }), {
 *   "heap-js": "^2.0.0",
 *   mathjs: "^11.0.0",
 * });
 * assert.deepEqual(taskDependencies({}, {}), {});
 * ```
 */
export function taskDependencies(
  suite: Pick<Suite, "dependencies">,
  task: Pick<Task, "dependencies">,
): Dependencies {
  const all = { ...suite.dependencies, ...task.dependencies };
  return Object.fromEntries(Object.keys(all).sort().map((k) => [k, all[k]]));
}

/**
 * The Python packages one task may import: the suite's declared `pythonPackages` and the task's
 * own, sorted, each once; none for a task that is not in Python.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { taskPythonPackages } from "./schema.ts";
 * const suite = { pythonPackages: ["yaml"] };
 * assert.deepEqual(taskPythonPackages(suite, { language: "py", pythonPackages: ["bs4", "yaml"] }), ["bs4", "yaml"]);
 * assert.deepEqual(taskPythonPackages(suite, { language: "ts" }), []);
 * assert.deepEqual(taskPythonPackages({}, { language: "py" }), []);
 * ```
 */
export function taskPythonPackages(
  suite: Pick<Suite, "pythonPackages">,
  task: Pick<Task, "pythonPackages" | "language">,
): string[] {
  if (task.language !== "py") return [];
  return [...new Set([...suite.pythonPackages ?? [], ...task.pythonPackages ?? []])].sort();
}
