/**
 * Importing MBXP / multilingual HumanEval from amazon-science/mxeval
 * (`mbtsp_release_v1.2.jsonl`, `mbjsp_release_v1.2.jsonl`,
 * `HumanEval_typescript_v1.jsonl`, `HumanEval_javascript_v1.1.jsonl`):
 * fields `task_id`, `language`, `prompt`, `test`, `entry_point`,
 * `canonical_solution`.
 *
 * @module
 */
import { resolve } from "node:path";
import type { Suite } from "../schema.ts";
import { importJsonl } from "./import_jsonl.ts";
import { checkCases } from "./check_cases.ts";
import { npmDependencies } from "../../source/npm_dependencies.ts";
import { fieldReader, type SourceRecord } from "./read_records.ts";
import { hasRawNewline, rewriteSpan } from "./rewrite_span.ts";
import { splitPrompt } from "./split_prompt.ts";
import {
  matchingClose,
  type Span,
  splitArguments,
  splitStatements,
} from "../../source/statements.ts";
import { testsModule } from "./tests_module.ts";
import { tokenize } from "../../source/tokenize.ts";

/** Bump when the tasks this importer produces change. */
export const MBXP_IMPORTER_VERSION = 4;

/**
 * The npm packages MBXP's prompts and tests import, with the range each task declares: the
 * majors current when mxeval was published (2022; its setup script installs them unpinned).
 * 34 MBTSP prompts import mathjs, 2 heap-js; every MBJSP test compares with lodash's
 * `_.isEqual` (`const _ = require("lodash")`). A package not listed here is declared as `*`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MBXP_DEPENDENCY_RANGES } from "./mbxp.ts";
 * assert(MBXP_DEPENDENCY_RANGES.mathjs === "^11.0.0");
 * ```
 */
export const MBXP_DEPENDENCY_RANGES: Readonly<Record<string, string>> = {
  mathjs: "^11.0.0",
  "heap-js": "^2.2.0",
  lodash: "^4.17.21",
};

/** Options for {@link importMbxp}. */
export interface MbxpOptions {
  /** Import only the first N records. @default all */
  limit?: number;
  /**
   * Keep `prompt + canonical_solution` as the task's reference. Off by
   * default because mxeval's canonical solutions are not trustworthy: under
   * Deno only 349 of 967 MBTSP (TypeScript) and 797 of 938 MBJSP solutions
   * pass their own tests (many are truncated or wrong, e.g. an is_not_prime
   * that returns true for everything but 2), so they must not serve as ground
   * truth. Tasks that keep one are tagged `reference:unverified`.
   * @default false
   */
  withReference?: boolean;
}

/** A failed `compare(x, v)` of a JavaScript test, as an AssertionError with upstream's message. */
const MBXP_FAILURE =
  `const mbxpFailure = (message: string, actual: unknown, expected: unknown): never => {
  throw new AssertionError({ message: message + inspect(actual), actual, expected, operator: "isEqual" });
};`;

/**
 * Import an mxeval JSONL file (TypeScript or JavaScript). TypeScript tests
 * (`let actual_N = f(…); let expected_N = …; assert.deepEqual(…)`) become one
 * `core` case per triple, using `node:assert` instead of the bare `assert`.
 * JavaScript tests (`var argN…; var xN = f(…); var vN = …; if (!compare(xN,
 * vN)) { throw '…' }`) become one case per group, comparing with the real
 * lodash's `_.isEqual` (`import _ from "lodash"`, as upstream's `require`), the
 * thrown string becoming an `AssertionError`. Packages the prompt or tests import
 * (mathjs, heap-js, lodash) become the task's `dependencies` (ranges from
 * {@link MBXP_DEPENDENCY_RANGES}) and are also tagged `needs:<pkg>`; the sandbox
 * provides exactly them, read-only.
 * Throws an {@link ImportError} listing every malformed record by line and field.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importMbxp } from "./mbxp.ts";
 * const file = new URL("../../../data/fixtures/importers/mbxp-ts.jsonl", import.meta.url).pathname;
 * const suite = await importMbxp(file);
 * assert.equal(suite.tasks[0].reference, null);
 * assert.equal((await importMbxp(file, { withReference: true })).tasks[0].reference, "reference.ts");
 * ```
 */
export async function importMbxp(path: string, options: MbxpOptions = {}): Promise<Suite> {
  const withReference = options.withReference ?? false;
  return await importJsonl(path, {
    importer: "mbxp",
    version: MBXP_IMPORTER_VERSION,
    options: { limit: options.limit, withReference },
    task: (record, problems) => mbxpTask(record, { path, withReference, problems }),
  });
}

const LANGUAGES: Record<string, "ts" | "js"> = {
  typescript: "ts",
  ts: "ts",
  javascript: "js",
  js: "js",
};

function mbxpTask(
  record: SourceRecord,
  context: { path: string; withReference: boolean; problems: string[] },
): Record<string, unknown> | null {
  const { path, withReference, problems } = context;
  const at = `line ${record.line}`;
  const field = fieldReader(record, problems);
  const taskId = field("task_id");
  const prompt = field("prompt");
  const test = field("test");
  const entry = field("entry_point");
  const languageName = field("language");
  if (!taskId || prompt === null || test === null || !entry || !languageName) return null;
  const language = LANGUAGES[languageName.toLowerCase()];
  if (!language) {
    problems.push(`${at}: language: "${languageName}" is not TypeScript or JavaScript`);
    return null;
  }
  const raw = (record.value as Record<string, unknown>).canonical_solution;
  const solution = typeof raw === "string" ? raw : null;
  let parts;
  try {
    parts = splitPrompt(prompt);
  } catch (error) {
    problems.push(`${at}: prompt: ${(error as Error).message}`);
    return null;
  }
  if (parts.entry !== entry) {
    problems.push(`${at}: entry_point: "${entry}" but the prompt declares "${parts.entry}"`);
    return null;
  }
  let converted;
  try {
    converted = convertTests(test, { entry, language });
  } catch (error) {
    problems.push(`${at}: test: ${(error as Error).message}`);
    return null;
  }
  const { cases, preamble, imports, tags: testTags } = converted;
  if (cases.length === 0) {
    problems.push(`${at}: test: no assertions found`);
    return null;
  }
  const dataset = /^MB/i.test(taskId) ? "mbxp" : /^HumanEval/i.test(taskId) ? "humaneval" : null;
  const tags = ["mxeval", ...(dataset ? [dataset] : []), ...testTags];
  const dependencies: Record<string, string> = {};
  for (const pkg of npmDependencies(`${prompt}\n${test}`)) {
    tags.push(`needs:${pkg}`);
    dependencies[pkg] = MBXP_DEPENDENCY_RANGES[pkg] ?? "*";
  }
  const keep = withReference && solution !== null;
  if (parts.defect) tags.push("defect:prompt-syntax");
  if (keep) tags.push("reference:unverified");
  const lang = language === "ts" ? "TypeScript" : "JavaScript";
  return {
    id: taskId.toLowerCase().replace(/[^a-z0-9_-]+/g, "_").replace(/^[_-]+/, ""),
    title: `${taskId} ${entry}`,
    language,
    // mxeval runs JavaScript with node as a .js file (a non-strict script), TypeScript via tsc.
    semantics: language === "js" ? "script" : "module",
    instructions: `Complete the ${lang} function \`${entry}\` below. ` +
      `Answer with the whole function.\n\n${prompt}`,
    entry,
    signature: parts.signature,
    reference: keep ? "reference.ts" : null,
    tests: "tests.ts",
    cases: cases.map((c) => ({ name: c.name, kind: "core", tags: [] })),
    tags: [...new Set(tags)],
    ...(Object.keys(dependencies).length ? { dependencies } : {}),
    // A script reference stays a script (the sandbox exports the entry; an export makes a module).
    referenceSource: keep
      ? `${`${prompt}${solution}`.trimEnd()}\n${
        language === "js" ? "" : `\nexport { ${entry} };\n`
      }`
      : null,
    testsSource: testsModule({
      language: language as "ts" | "js",
      origin: `Imported by assay from mxeval ${taskId}: one case per assertion.`,
      imports: [...imports, `import { ${entry} } from "./solution.ts";`],
      preamble,
      cases,
    }),
    dir: resolve(path),
  };
}

function convertTests(test: string, { entry, language }: { entry: string; language: "ts" | "js" }) {
  const top = splitStatements(tokenize(test), test);
  const imports = new Set<string>();
  const preamble: string[] = [];
  const tags: string[] = [];
  const body: Span[] = [];
  let lodash = false;
  for (const s of top) {
    const t = s.tokens;
    const specifier = requiredModule(s) ??
      (t[0].text === "import"
        ? t.findLast((x) => x.kind === "string")?.text.slice(1, -1) ?? ""
        : null);
    if (specifier !== null) {
      if (specifier === "assert" || specifier === "node:assert") {
        imports.add('import assert from "node:assert";');
      } else if (specifier === "lodash") lodash = true;
      else throw new SyntaxError(`line ${s.line}: cannot convert the import of "${specifier}"`);
      continue;
    }
    if (t[0].text === "function" && t[1]?.kind === "word" && t[1].text !== entry) {
      preamble.push(rewriteSpan(s));
      continue;
    }
    body.push(s);
  }
  if (lodash) {
    // The real lodash, a declared dependency (see MBXP_DEPENDENCY_RANGES), as upstream requires it.
    imports.add('import _ from "lodash";');
    imports.add('import { AssertionError } from "node:assert";');
    imports.add('import { inspect } from "node:util";');
    preamble.unshift(MBXP_FAILURE);
  }
  const isCheck = language === "ts" || !lodash
    ? (s: Span) => s.tokens[0].text === "assert"
    : (s: Span) => s.tokens[0].text === "if" && s.tokens.some((t) => t.text === "throw");
  const cases = checkCases(body, {
    isCheck,
    setup: "since-last-check",
    render: (s) => isCheck(s) && s.tokens[0].text === "if" ? renderCompare(s) : rewriteSpan(s),
  });
  if (hasRawNewline(body)) tags.push("fixed:string-newline");
  return { cases, preamble, imports: [...imports], tags };
}

/** `"lodash"` for `const _ = require("lodash")`, else null. */
function requiredModule(s: Span): string | null {
  const t = s.tokens;
  const k = t.findIndex((x) => x.text === "require");
  if (k < 0 || t[k + 1]?.text !== "(" || t[k + 2]?.kind !== "string") return null;
  if (!/^(const|let|var)$/.test(t[0].text)) return null;
  return t[k + 2].text.slice(1, -1);
}

/**
 * `if(!compare(x, v)){ throw 'Error at 1th assert statement. Value = ' + JSON.stringify(x) }`
 * → `if (!compare(x, v)) mbxpFailure("Error at 1th assert statement. Value = ", x, v);`
 * (upstream's message refers to an undefined `x`, which would throw a ReferenceError).
 */
function renderCompare(s: Span): string {
  const t = s.tokens;
  const k = t.findIndex((x) => x.text === "compare");
  const close = k > 0 && t[k + 1]?.text === "(" ? matchingClose(t, k + 1) : -1;
  const throwAt = t.findIndex((x) => x.text === "throw");
  if (close < 0 || throwAt < 0) return rewriteSpan(s);
  const [actual, expected] = splitArguments(t.slice(k + 2, close), s.source);
  const message = t[throwAt + 1]?.kind === "string" ? t[throwAt + 1].text : '"assertion failed: "';
  if (!actual || !expected) return rewriteSpan(s);
  const condition = s.source.slice(t[0].start, t[close + 1].end);
  return `${condition} mbxpFailure(${message}, ${actual.text}, ${expected.text});`;
}
