/**
 * Importing can-ai-code interview tasks (the-crypt-keeper/can-ai-code
 * `junior-v2` / `senior` YAML, as one JSON file `{ "tasks": { "<Name>":
 * { Signature, Input, Output, Fact, Description, Checks } } }`), as JavaScript tasks, or as
 * Python tasks with `language: "py"` (can_ai_code_py.ts).
 *
 * @module
 */
import { resolve } from "node:path";
import type { Suite } from "../schema.ts";
import { buildSuite, type TaskDraft } from "./build_suite.ts";
import { caseName } from "./check_cases.ts";
import { ImportError } from "./import_error.ts";
import { readText } from "./read_records.ts";
import { span } from "../../source/statements.ts";
import { rewriteSpan } from "./rewrite_span.ts";
import { testsModule } from "./tests_module.ts";
import { tokenize } from "../../source/tokenize.ts";
import { ANSWER_NAMES_IMPORT } from "../../source/function_names.ts";
import { canAiCodePyTask } from "./can_ai_code_py.ts";

/** Bump when the tasks this importer produces change. */
export const CAN_AI_CODE_IMPORTER_VERSION = 4;

/** Options for {@link importCanAiCode}. */
export interface CanAiCodeOptions {
  /** Import only the first N tasks (in file order). @default all */
  limit?: number;
  /** The language of the tasks: JavaScript, or Python (see `canAiCodePyTask`). @default "js" */
  language?: "js" | "py";
}

/**
 * The runtime of a generated tests file: can-ai-code's check expressions
 * are Python (`len(f.args)`, `isinstance(f.call(1), int)`, `f.args[0].name`,
 * `f.call(…)`), so `f`, `len`, `isinstance` and the type names are defined
 * here and the expressions run unchanged, except `.get(k)` (→ `?.[k]`) and
 * `True`/`False`/`None`. This is a translation of upstream's Python harness,
 * not a library assay could load instead. `f.name` and `f.args` are the names
 * the answer declares, read from its source with the TypeScript parser on the
 * host and handed over as the job file `answer_names.ts`
 * (lib/source/function_names.ts, added by lib/run/answer_names_job.ts); an
 * answer that declares no function fails them, as upstream's `NO_FUNCTION`
 * fails every check. `f.call` results pass through JSON, as in can-ai-code's
 * own JavaScript sandbox (`sbox/eval.javascript.tpl`).
 */
const RUNTIME = (entry: string) =>
  `const json = (value: unknown): unknown =>
  value === undefined ? null : JSON.parse(JSON.stringify(value) ?? "null");
const declared = (): { name: string; params: string[] } => {
  if (answerNames.name === null) {
    assert.fail("the answer declares no function (can-ai-code: NO_FUNCTION)");
  }
  return answerNames;
};
// Upstream calls the first function it finds, whatever its name (sbox/sandbox.py): the one
// answerNames names, when the answer binds it at its top level (a script's \`__assayScope\`, a
// module's exports); else the entry.
const called = (): unknown => {
  const scope: Record<string, unknown> = (solution as any).__assayScope ?? solution;
  const first = answerNames.name === null ? undefined : scope[answerNames.name];
  return typeof first === "function" ? first : ${entry};
};
const f = {
  get name(): string { return declared().name; },
  get args(): { name: string }[] { return declared().params.map((name) => ({ name })); },
  call: (...args: unknown[]): any => json((called() as any)(...args)),
};
const len = (x: any): number => Array.isArray(x) || typeof x === "string" ? x.length : Object.keys(x ?? {}).length;
const int = "int", float = "float", str = "str", list = "list", dict = "dict", bool = "bool";
const isinstance = (x: unknown, type: string): boolean =>
  type === "int" ? Number.isInteger(x) : type === "float" ? typeof x === "number"
  : type === "str" ? typeof x === "string" : type === "list" ? Array.isArray(x)
  : type === "bool" ? typeof x === "boolean"
  : type === "dict" ? x !== null && typeof x === "object" && !Array.isArray(x) : false;
const True = true, False = false, None = null;
void [int, float, str, list, dict, bool, True, False, None, len, isinstance];`;

/**
 * Import can-ai-code tasks as JavaScript tasks: each check (a Python-style
 * assertion on the function, e.g. `f.call(5)` == 120, `len(f.args)` == 1,
 * `f.args[0].name` == "bork", `f.name` == "glork", or `eq-any` of several
 * values) becomes one `core` case named
 * `<check>: <expression> == <expected>`, tagged `weight:<n>` when weighted.
 * The instructions follow can-ai-code's prompt: "Write a JavaScript function
 * <Signature> <Input> that returns <Output>." Tasks have no reference. With
 * `options.language` "py" the tasks are Python, the checks run as the Python they are
 * (see `canAiCodePyTask`).
 * Throws an {@link ImportError} listing every malformed task (line of its
 * key in the file, field).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importCanAiCode } from "./can_ai_code.ts";
 * const file = new URL("../../../data/fixtures/importers/can-ai-code-tasks.json", import.meta.url).pathname;
 * const suite = await importCanAiCode(file);
 * const task = suite.tasks.find((t) => t.entry === "double")!;
 * assert.equal(task.language, "js");
 * assert.ok(task.cases.some((c) => c.name.startsWith("value_2: f.call(2) == 4")));
 * ```
 */
export async function importCanAiCode(
  path: string,
  options: CanAiCodeOptions = {},
): Promise<Suite> {
  const text = await readText(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  const tasks = (json as { tasks?: unknown })?.tasks;
  if (tasks === null || typeof tasks !== "object" || Array.isArray(tasks)) {
    throw new ImportError(path, ['expected {"tasks": {"<name>": {Signature, Checks, …}}}']);
  }
  const problems: string[] = [];
  const drafts: TaskDraft[] = [];
  const entries = Object.entries(tasks as Record<string, unknown>).slice(0, options.limit);
  for (const [key, value] of entries) {
    const line = lineOf(text, key);
    const task = canAiCodeTask(value, { key, line, path, problems, language: options.language });
    if (task) drafts.push({ line, task });
  }
  return buildSuite(path, drafts, {
    problems,
    importer: "can-ai-code",
    version: CAN_AI_CODE_IMPORTER_VERSION,
    options: { limit: options.limit, language: options.language === "py" ? "py" : undefined },
    text,
  });
}

function canAiCodeTask(
  value: unknown,
  context: { key: string; line: number; path: string; problems: string[]; language?: string },
): Record<string, unknown> | null {
  const { key, line, path, problems } = context;
  const at = `line ${line}`;
  if (value === null || typeof value !== "object") {
    problems.push(`${at}: ${key}: expected an object`);
    return null;
  }
  const t = value as Record<string, unknown>;
  for (const field of ["Signature", "Input", "Output"]) {
    if (typeof t[field] !== "string") {
      problems.push(`${at}: ${field} is required`);
      return null;
    }
  }
  const signature = t.Signature as string;
  const entry = signature.match(/^\s*([A-Za-z_$][\w$]*)\s*\(/)?.[1];
  if (!entry) {
    problems.push(`${at}: Signature: "${signature}" is not "name(args)"`);
    return null;
  }
  const checks = t.Checks;
  if (checks === null || typeof checks !== "object" || Object.keys(checks).length === 0) {
    problems.push(`${at}: Checks is required`);
    return null;
  }
  if (context.language === "py") {
    const id = taskId(key);
    return canAiCodePyTask({
      key,
      id,
      task: t,
      signature,
      entry,
      line,
      dir: resolve(path),
      problems,
    });
  }
  const cases = [];
  for (const [name, check] of Object.entries(checks as Record<string, unknown>)) {
    const c = check as Record<string, unknown> | null;
    const expression = typeof c?.assert === "string" ? c.assert : null;
    const any = c?.["eq-any"];
    if (expression === null || (!c || (!("eq" in c) && !Array.isArray(any)))) {
      problems.push(`${at}: Checks.${name}: needs "assert" and "eq" (or "eq-any")`);
      continue;
    }
    let js: string;
    try {
      js = translate(expression);
    } catch (error) {
      problems.push(`${at}: Checks.${name}.assert: ${(error as Error).message}`);
      continue;
    }
    const expected = Array.isArray(any) ? any : c.eq;
    const shown = Array.isArray(any) ? `any of ${JSON.stringify(any)}` : JSON.stringify(c.eq);
    const label = `${expression} == ${shown}`;
    const assertion = Array.isArray(any)
      ? `assert.ok(${JSON.stringify(any)}.some((e) => isDeepStrictEqual(actual, e)), ` +
        `${JSON.stringify(`expected ${label}, got `)} + JSON.stringify(actual));`
      : `assert.deepStrictEqual(actual, ${JSON.stringify(expected)});`;
    cases.push({
      draft: {
        name: caseName(name, label),
        body: [`const actual = json(${js});`, assertion],
        line,
      },
      tags: typeof c.weight === "number" ? [`weight:${c.weight}`] : [],
    });
  }
  if (cases.length === 0) return null;
  const interview = typeof t.interview === "string" ? t.interview : null;
  return {
    id: taskId(key),
    title: key,
    language: "js",
    // can-ai-code's sandbox runs the answer with node as a .js file: a non-strict script.
    semantics: "script",
    instructions: `Write a JavaScript function ${signature} ${t.Input} that returns ${t.Output}.`,
    entry,
    signature: `function ${signature}`,
    reference: null,
    tests: "tests.ts",
    cases: cases.map((c) => ({ name: c.draft.name, kind: "core", tags: c.tags })),
    tags: ["can-ai-code", ...(interview ? [interview] : [])],
    referenceSource: null,
    testsSource: testsModule({
      language: "js",
      origin: `Imported by assay from can-ai-code ${key}: one case per check.`,
      imports: [
        'import assert from "node:assert";',
        'import { isDeepStrictEqual } from "node:util";',
        ANSWER_NAMES_IMPORT,
        `import { ${entry} } from "./solution.ts";`,
        'import * as solution from "./solution.ts";',
      ],
      preamble: [RUNTIME(entry)],
      cases: cases.map((c) => c.draft),
    }),
    dir: resolve(path),
  };
}

/** `FactorialZeroShot` → `factorial-zero-shot`. */
function taskId(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[_-]+/, "");
}

/** Python-style check → JavaScript: `.get(k)` → `?.[k]`; the rest runs as is. */
function translate(expression: string): string {
  const tokens = tokenize(expression);
  if (tokens.length === 0) throw new SyntaxError("is empty");
  return rewriteSpan(span(tokens, expression), (k, t) => {
    if (t[k].text === "." && t[k + 1]?.text === "get" && t[k + 2]?.text === "(") {
      let depth = 0;
      for (let j = k + 2; j < t.length; j++) {
        if (t[j].text === "(") depth++;
        if (t[j].text === ")" && --depth === 0) {
          const inner = expression.slice(t[k + 3].start, t[j - 1].end);
          return { to: j, text: `?.[${inner}]` };
        }
      }
    }
    return undefined;
  });
}

function lineOf(text: string, key: string): number {
  const at = text.indexOf(`${JSON.stringify(key)}:`);
  return at < 0 ? 0 : text.slice(0, at).split("\n").length;
}
