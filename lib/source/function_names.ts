/**
 * The declared name and parameter names of the function an answer defines, read from its source
 * with the TypeScript parser on the host (not from `Function.prototype.toString` inside the
 * sandbox), and the generated module that hands them to a task's tests.
 *
 * Which function: the one can-ai-code's evaluator reads (`sbox/sandbox.py`,
 * `extract_function_info`): the first `function` in the source (declaration or expression, at any
 * depth), else the first arrow or function assigned to a variable, whatever its name. So a helper
 * written above the asked-for function is the one whose names are checked, as upstream checks it
 * (an answer `function gcd(a, b)` above `function fofx(x, banana)` fails the name checks there
 * and here). No function at all is upstream's `NO_FUNCTION`: the name is null. The parser is loaded only when a name is needed (importing it costs about a second).
 *
 * @module
 */
import type TS from "typescript";

/** What a task's tests may check about the answer's function. */
export interface AnswerNames {
  /** The function's declared name (a variable's name for an unnamed function or arrow); null: the answer declares no function. */
  name: string | null;
  /** Its parameters' names in order (a rest parameter as `...name`, a destructuring pattern as its text). */
  params: string[];
}

/** The job file that carries {@link AnswerNames} to the tests: `import { answerNames } from "./answer_names.ts"`. */
export const ANSWER_NAMES_FILE = "answer_names.ts";

/** The import a tests module uses to read {@link AnswerNames}. */
export const ANSWER_NAMES_IMPORT = `import { answerNames } from "./${ANSWER_NAMES_FILE}";`;

/**
 * Whether a tests module reads the answer's names (imports {@link ANSWER_NAMES_FILE}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ANSWER_NAMES_IMPORT, readsAnswerNames } from "./function_names.ts";
 * assert.equal(readsAnswerNames(`${ANSWER_NAMES_IMPORT}\nexport const cases = {};`), true);
 * assert.equal(readsAnswerNames("export const cases = {};"), false);
 * ```
 */
export function readsAnswerNames(testsSource: string): boolean {
  return testsSource.includes(`"./${ANSWER_NAMES_FILE}"`);
}

/**
 * The names of the function can-ai-code's evaluator would read in `code` (see the module doc);
 * `entry` only breaks a tie no source order can (it never does today).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { answerNames } from "./function_names.ts";
 * const code = "function helper(x) { return x; }\nconst fib = (n, memo = {}) => helper(n);";
 * assert.deepEqual(await answerNames(code, "fib"), { name: "helper", params: ["x"] });
 * assert.deepEqual(await answerNames("const fib = (n, memo = {}) => n;", "fib"), { name: "fib", params: ["n", "memo"] });
 * assert.deepEqual(await answerNames("function gcd(a, b) {}", "fofx"), { name: "gcd", params: ["a", "b"] });
 * assert.deepEqual(await answerNames("console.log(42)", "f"), { name: null, params: [] });
 * ```
 */
export async function answerNames(code: string, entry: string): Promise<AnswerNames> {
  const ts: typeof TS = (await import("typescript")).default;
  const file = ts.createSourceFile(
    "answer.ts",
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  // Source order; `keyword`: written with `function` (what upstream's regular expression finds).
  const found: { names: AnswerNames; keyword: boolean }[] = [];
  const visit = (node: TS.Node): void => {
    const fn = declaredFunction(ts, node, file);
    if (fn) found.push(fn);
    ts.forEachChild(node, visit);
  };
  visit(file);
  const pick = found.find((f) => f.keyword) ?? found.find((f) => f.names.name === entry) ??
    found[0];
  return pick?.names ?? { name: null, params: [] };
}

/** A function declaration, or a variable initialised with a function or an arrow: its names. */
function declaredFunction(
  ts: typeof TS,
  node: TS.Node,
  file: TS.SourceFile,
): { names: AnswerNames; keyword: boolean } | null {
  if (ts.isFunctionDeclaration(node) && node.name) {
    return {
      names: { name: node.name.text, params: parameterNames(ts, node, file) },
      keyword: true,
    };
  }
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    let init: TS.Expression = node.initializer;
    while (ts.isParenthesizedExpression(init)) init = init.expression;
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) {
      const own = ts.isFunctionExpression(init) ? init.name?.text : undefined;
      return {
        names: { name: own ?? node.name.text, params: parameterNames(ts, init, file) },
        keyword: ts.isFunctionExpression(init) && own !== undefined,
      };
    }
  }
  return null;
}

function parameterNames(
  ts: typeof TS,
  fn: TS.SignatureDeclarationBase,
  file: TS.SourceFile,
): string[] {
  return fn.parameters
    .filter((p) => !(ts.isIdentifier(p.name) && p.name.text === "this"))
    .map((p) => {
      const name = ts.isIdentifier(p.name) ? p.name.text : p.name.getText(file);
      return p.dotDotDotToken ? `...${name}` : name;
    });
}

/**
 * The source of {@link ANSWER_NAMES_FILE} for `names`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { answerNamesModule } from "./function_names.ts";
 * assert.equal(
 *   answerNamesModule({ name: "f", params: ["x"] }),
 *   'export const answerNames = {"name":"f","params":["x"]};\n',
 * );
 * ```
 */
export function answerNamesModule(names: AnswerNames): string {
  return `export const answerNames = ${JSON.stringify(names)};\n`;
}
