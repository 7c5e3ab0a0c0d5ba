/**
 * Importing MultiPL-E (HumanEval and MBPP translated to TypeScript and
 * JavaScript, nuprl/MultiPL-E) JSONL files: fields `name`, `language`,
 * `prompt`, `tests`. MultiPL-E has no reference solutions.
 *
 * @module
 */
import { resolve } from "node:path";
import type { Suite } from "../schema.ts";
import { importJsonl } from "./import_jsonl.ts";
import { checkCases } from "./check_cases.ts";
import { fieldReader, type SourceRecord } from "./read_records.ts";
import { hasRawNewline, rewriteSpan } from "./rewrite_span.ts";
import { splitPrompt } from "./split_prompt.ts";
import { matchingClose, type Span, splitStatements } from "../../source/statements.ts";
import { testsModule } from "./tests_module.ts";
import { tokenize } from "../../source/tokenize.ts";

/** Bump when the tasks this importer produces change. */
export const MULTIPL_E_IMPORTER_VERSION = 2;

/** Options for {@link importMultiplE}. */
export interface MultiplEOptions {
  /** Import only the first N records. @default all */
  limit?: number;
  /**
   * Replace the words "tsthon"/"jsthon" (a known defect of MultiPL-E's
   * "reworded" prompts, where "Python" was rewritten inside words) with
   * "TypeScript"/"JavaScript"; fixed tasks get the tag `fixed:terminology`,
   * unfixed defective ones `defect:terminology`.
   * @default true
   */
  fixTerminology?: boolean;
}

/**
 * Import a MultiPL-E JSONL file (HumanEval or MBPP, TypeScript or
 * JavaScript). Each `assert.…(…)` statement of the record's `test()`
 * function becomes one `core` case named after what it asserts; the tests
 * file binds `const candidate = <entry>` and uses `node:assert` (loose, as
 * MultiPL-E does). The task id is the record's name, lower-cased;
 * `reference` is null (MultiPL-E has no solutions). A raw line break inside a
 * test's string literal (found in humaneval-js) is escaped, with the tag
 * `fixed:string-newline`. Throws an {@link ImportError} listing every
 * malformed record by line and field.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importMultiplE } from "./multipl_e.ts";
 * const file = new URL("../../../data/fixtures/importers/multipl-e.jsonl", import.meta.url).pathname;
 * const suite = await importMultiplE(file);
 * const add = suite.tasks.find((t) => t.entry === "add")!;
 * assert.equal(add.reference, null);
 * assert.match(add.cases[0].name, /^assert 1: candidate\(/);
 * ```
 */
export async function importMultiplE(path: string, options: MultiplEOptions = {}): Promise<Suite> {
  const fixTerminology = options.fixTerminology ?? true;
  return await importJsonl(path, {
    importer: "multipl-e",
    version: MULTIPL_E_IMPORTER_VERSION,
    options: { limit: options.limit, fixTerminology },
    task: (record, problems) => multiplETask(record, { path, fixTerminology, problems }),
  });
}

const LANGUAGE_NAMES: Record<string, string> = { ts: "TypeScript", js: "JavaScript" };
const TERMINOLOGY = /\b([tj])sthon\b/gi;
const HAS_TERMINOLOGY_DEFECT = /\b[tj]sthon\b/i;

function multiplETask(
  record: SourceRecord,
  context: { path: string; fixTerminology: boolean; problems: string[] },
): Record<string, unknown> | null {
  const { path, fixTerminology, problems } = context;
  const at = `line ${record.line}`;
  const field = fieldReader(record, problems);
  const name = field("name");
  const language = field("language");
  let prompt = field("prompt");
  const tests = field("tests");
  if (name === null || language === null || prompt === null || tests === null) return null;
  const tags = ["multipl-e"];
  const dataset = /^humaneval/i.test(name) ? "humaneval" : /^mbpp/i.test(name) ? "mbpp" : null;
  if (dataset) tags.push(dataset);
  if (HAS_TERMINOLOGY_DEFECT.test(prompt)) {
    if (fixTerminology) {
      prompt = prompt.replace(
        TERMINOLOGY,
        (_, l: string) => l.toLowerCase() === "t" ? "TypeScript" : "JavaScript",
      );
      tags.push("fixed:terminology");
    } else tags.push("defect:terminology");
  }
  let parts;
  try {
    parts = splitPrompt(prompt);
  } catch (error) {
    problems.push(`${at}: prompt: ${(error as Error).message}`);
    return null;
  }
  const { entry, signature } = parts;
  let body: Span[];
  try {
    body = testFunctionBody(tests);
  } catch (error) {
    problems.push(`${at}: tests: ${(error as Error).message}`);
    return null;
  }
  const binding = body[0]?.text.match(/^let\s+candidate\s*=\s*([\w$]+)\s*;?$/);
  if (!binding) {
    problems.push(`${at}: tests: test() must start with "let candidate = <function>;"`);
    return null;
  }
  if (binding[1] !== entry) {
    problems.push(
      `${at}: tests: binds candidate to "${binding[1]}" but the prompt declares "${entry}"`,
    );
    return null;
  }
  const statements = body.slice(1);
  const cases = checkCases(statements, {
    isCheck: (s) => s.tokens[0]?.text === "assert",
    render: (s) => rewriteSpan(s),
  });
  if (cases.length === 0) {
    problems.push(`${at}: tests: no assert statements inside test()`);
    return null;
  }
  if (hasRawNewline(statements)) tags.push("fixed:string-newline");
  if (parts.defect) tags.push("defect:prompt-syntax");
  const lang = LANGUAGE_NAMES[language] ?? language;
  return {
    id: name.toLowerCase().replace(/[^a-z0-9_-]+/g, "_").replace(/^[_-]+/, ""),
    title: name,
    language,
    // MultiPL-E's harness runs JavaScript with node as a .js file, and TypeScript as tsc's emit
    // of a file whose tests `require` node:assert (a CommonJS script): a non-strict script both.
    semantics: "script",
    instructions: `Complete the ${lang} function \`${entry}\` below. ` +
      `Answer with the whole function.\n\n${prompt}`,
    entry,
    signature,
    reference: null,
    tests: "tests.ts",
    cases: cases.map((c) => ({ name: c.name, kind: "core", tags: [] })),
    tags,
    referenceSource: null,
    testsSource: testsModule({
      language: language as "ts" | "js",
      origin: `Imported by assay from MultiPL-E ${name}: one case per assert of test().`,
      imports: ['import assert from "node:assert";', `import { ${entry} } from "./solution.ts";`],
      preamble: [`const candidate = ${entry};`],
      cases,
    }),
    dir: resolve(path),
  };
}

/** The statements inside `function test() { … }` of a MultiPL-E tests field. */
function testFunctionBody(tests: string): Span[] {
  const tokens = tokenize(tests);
  const top = splitStatements(tokens, tests);
  const fn = top.find((s) =>
    s.tokens[0]?.text === "function" && s.tokens[1]?.text === "test" && s.tokens[2]?.text === "("
  );
  if (!fn) throw new SyntaxError('no "function test() { … }"');
  const open = fn.tokens.findIndex((t) => t.text === "{");
  const close = matchingClose(fn.tokens, open);
  if (open < 0 || close < 0) throw new SyntaxError("test() has no body");
  return splitStatements(fn.tokens.slice(open + 1, close), tests);
}
