/**
 * Importing HumanEval-X JavaScript (THUDM/CodeGeeX `humaneval_js.jsonl`):
 * fields `task_id`, `prompt`, `canonical_solution`, `test`, `declaration`,
 * `example_test`. Unlike MultiPL-E it has real JavaScript solutions.
 *
 * Why `console.assert` is rewritten rather than run: in node it only writes
 * "Assertion failed" to stderr, and CodeGeeX's harness (`benchmark/execution.py`)
 * fails a program whose stderr or stdout is not empty. A throwing assert is the
 * per-case form of that verdict; what it does not copy is that upstream also
 * fails a correct program that merely prints (a `console.log` left in the answer).
 *
 * @module
 */
import { resolve } from "node:path";
import type { Suite } from "../schema.ts";
import { importJsonl } from "./import_jsonl.ts";
import { checkCases } from "./check_cases.ts";
import { npmDependencies } from "../../source/npm_dependencies.ts";
import { fieldReader, type SourceRecord } from "./read_records.ts";
import { hasRawNewline, rewriteSpan, type TokenEdit } from "./rewrite_span.ts";
import { declaredName, splitPrompt } from "./split_prompt.ts";
import {
  matchingClose,
  type Span,
  splitArguments,
  splitStatements,
} from "../../source/statements.ts";
import { testsModule } from "./tests_module.ts";
import { tokenize } from "../../source/tokenize.ts";

/** Bump when the tasks this importer produces change. */
export const HUMANEVAL_X_IMPORTER_VERSION = 3;

/**
 * The npm packages HumanEval-X programs import, with the range each task declares: the version
 * current when HumanEval-X was published (2022). Only JavaScript/162 (`require('js-md5')` in the
 * canonical solution) needs one. A package not listed here is declared as `*`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { HUMANEVAL_X_DEPENDENCY_RANGES } from "./humaneval_x.ts";
 * assert.equal(HUMANEVAL_X_DEPENDENCY_RANGES["js-md5"], "^0.7.3");
 * ```
 */
export const HUMANEVAL_X_DEPENDENCY_RANGES: Readonly<Record<string, string>> = {
  "js-md5": "^0.7.3",
};

/** Options for {@link importHumanEvalX}. */
export interface HumanEvalXOptions {
  /** Import only the first N records. @default all */
  limit?: number;
}

/**
 * A throwing stand-in for `console.assert` (which only logs; upstream's harness fails on the
 * log, see the module doc), defined in every generated tests file.
 */
const CONSOLE_ASSERT = `const consoleAssert = (condition: unknown, ...data: unknown[]): void => {
  if (!condition) {
    throw new AssertionError({
      message: data.length > 0 ? data.map(String).join(" ") : "Assertion failed",
      actual: condition,
      expected: true,
      operator: "==",
    });
  }
};`;

/**
 * Import HumanEval-X JavaScript. The test function's `console.assert(…)`
 * calls (which do not throw) are rewritten to a throwing assert whose
 * message quotes the expression; each statement holding one becomes a `core`
 * case, preceded by the setup statements before it (helpers, loop
 * variables). Helpers the prompt defines and the tests use (`poly`,
 * `encodeCyclic`) are copied into the tests file. The reference is
 * `prompt + canonical_solution` plus `export { <entry> }`. Packages the
 * record imports or requires become the task's `dependencies` (ranges from
 * {@link HUMANEVAL_X_DEPENDENCY_RANGES}; task 162 needs `js-md5`) and are tagged
 * `needs:<pkg>`. Throws an {@link ImportError}
 * listing every malformed record by line and field.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importHumanEvalX } from "./humaneval_x.ts";
 * const file = new URL("../../../data/fixtures/importers/humaneval-x.jsonl", import.meta.url).pathname;
 * const suite = await importHumanEvalX(file);
 * assert.equal(suite.tasks[0].language, "js");
 * assert.doesNotMatch(suite.tasks[0].referenceSource!, /\bexport\b/);
 * ```
 */
export async function importHumanEvalX(
  path: string,
  options: HumanEvalXOptions = {},
): Promise<Suite> {
  return await importJsonl(path, {
    importer: "humaneval-x",
    version: HUMANEVAL_X_IMPORTER_VERSION,
    options: { limit: options.limit },
    task: (record, problems) => humanEvalXTask(record, { path, problems }),
  });
}

function humanEvalXTask(
  record: SourceRecord,
  context: { path: string; problems: string[] },
): Record<string, unknown> | null {
  const { path, problems } = context;
  const at = `line ${record.line}`;
  const field = fieldReader(record, problems);
  const taskId = field("task_id");
  const prompt = field("prompt");
  const solution = field("canonical_solution");
  const test = field("test");
  if (taskId === null || prompt === null || solution === null || test === null) return null;
  let parts;
  try {
    parts = splitPrompt(prompt);
  } catch (error) {
    problems.push(`${at}: prompt: ${(error as Error).message}`);
    return null;
  }
  const { entry, signature } = parts;
  let body: Span[];
  let extra: Span[];
  try {
    ({ body, extra } = testFunction(test));
  } catch (error) {
    problems.push(`${at}: test: ${(error as Error).message}`);
    return null;
  }
  const cases = checkCases(body, { isCheck: hasConsoleAssert, render: renderCheck });
  if (cases.length === 0) {
    problems.push(`${at}: test: no console.assert(…) inside the test function`);
    return null;
  }
  const used = new Set(tokenize(test).filter((t) => t.kind === "word").map((t) => t.text));
  const helpers = parts.before.filter((s) => {
    const name = declaredName(s);
    return name !== null && name !== entry && used.has(name);
  });
  const tags = ["humaneval-x", "humaneval"];
  const dependencies: Record<string, string> = {};
  for (const pkg of npmDependencies(`${prompt}${solution}\n${test}`)) {
    tags.push(`needs:${pkg}`);
    dependencies[pkg] = HUMANEVAL_X_DEPENDENCY_RANGES[pkg] ?? "*";
  }
  if (hasRawNewline(body)) tags.push("fixed:string-newline");
  if (parts.defect) tags.push("defect:prompt-syntax");
  const reference = `${prompt}${solution}`;
  return {
    id: taskId.toLowerCase().replace(/[^a-z0-9_-]+/g, "_").replace(/^[_-]+/, ""),
    title: `${taskId} ${entry}`,
    language: "js",
    // HumanEval-X's harness runs each program with node as a .js file: a non-strict script.
    semantics: "script",
    instructions: `Complete the JavaScript function \`${entry}\` below. ` +
      `Answer with the whole function.\n\n${prompt}`,
    entry,
    signature,
    reference: "reference.ts",
    tests: "tests.ts",
    cases: cases.map((c) => ({ name: c.name, kind: "core", tags: [] })),
    tags,
    ...(Object.keys(dependencies).length ? { dependencies } : {}),
    // Kept as node runs it: a script (the sandbox exports the entry; an export would make it a module).
    referenceSource: `${reference.trimEnd()}\n`,
    testsSource: testsModule({
      language: "js",
      origin: `Imported by assay from HumanEval-X ${taskId}: one case per console.assert.`,
      imports: [
        'import { AssertionError } from "node:assert";',
        `import { ${entry} } from "./solution.ts";`,
      ],
      preamble: [CONSOLE_ASSERT, ...helpers.map((s) => s.text), ...extra.map((s) => s.text)],
      cases,
    }),
    dir: resolve(path),
  };
}

/**
 * The statements of the test function (`const testX = () => { … }` then
 * `testX()`), and any other top-level statements (kept as preamble).
 */
function testFunction(test: string): { body: Span[]; extra: Span[] } {
  const top = splitStatements(tokenize(test), test);
  const index = top.findIndex((s) =>
    declaredName(s) !== null && s.tokens.some((t) => t.text === "{")
  );
  if (index < 0) throw new SyntaxError("no test function");
  const fn = top[index];
  const name = declaredName(fn)!;
  const open = fn.tokens.findIndex((t) => t.text === "{");
  const close = matchingClose(fn.tokens, open);
  if (close < 0) throw new SyntaxError(`${name} has no body`);
  const body = splitStatements(fn.tokens.slice(open + 1, close), test);
  const extra = top.filter((s, k) =>
    k !== index && !(s.tokens[0]?.text === name && s.tokens[1]?.text === "(")
  );
  return { body, extra };
}

function hasConsoleAssert(s: Span): boolean {
  return s.tokens.some((_, k) => isConsoleAssert(s.tokens, k));
}

function isConsoleAssert(t: Span["tokens"], k: number): boolean {
  return t[k].text === "console" && t[k + 1]?.text === "." && t[k + 2]?.text === "assert" &&
    t[k + 3]?.text === "(";
}

/** `console.assert(expr)` → `consoleAssert(expr, "Assertion failed: expr")`. */
function renderCheck(s: Span): string {
  const edits = new Map<number, TokenEdit>();
  const t = s.tokens;
  for (let k = 0; k < t.length; k++) {
    if (!isConsoleAssert(t, k)) continue;
    edits.set(k, { to: k + 2, text: "consoleAssert" });
    const close = matchingClose(t, k + 3);
    const args = close > 0 ? splitArguments(t.slice(k + 4, close), s.source) : [];
    if (args.length === 1) {
      const expr = args[0].text.replace(/\s+/g, " ");
      edits.set(close, { to: close, text: `, ${JSON.stringify(`Assertion failed: ${expr}`)})` });
    }
  }
  return rewriteSpan(s, (k) => edits.get(k));
}
