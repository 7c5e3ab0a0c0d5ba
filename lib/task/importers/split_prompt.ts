/**
 * Reading a HumanEval-style prompt: leading code (imports, helper functions),
 * then the open declaration of the function to complete.
 *
 * @module
 */
import { type Span, splitStatements } from "../../source/statements.ts";
import { tokenize } from "../../source/tokenize.ts";

/** The parts of a completion prompt. */
export interface PromptParts {
  /** The name of the function to complete. */
  entry: string;
  /** Its declaration up to the body's `{`, e.g. `function f(a: number): number`. */
  signature: string;
  /** Complete statements before it (imports, helpers), in order. */
  before: Span[];
  /** Names declared by the complete statements before it (helpers such as `poly`). */
  helpers: string[];
  /** Set when the prompt does not tokenize (e.g. a doc comment closed early by a star and a slash in an example) and was read line by line. */
  defect?: string;
}

/**
 * Split a prompt that ends inside the body of the function to complete.
 * A prompt that does not tokenize (a dataset defect) is read line by line:
 * the last line declaring a function starts the signature, and `defect`
 * says why. Throws an `Error` saying what is wrong when no declaration is
 * found or the prompt does not end with an open function declaration.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitPrompt } from "./split_prompt.ts";
 * const parts = splitPrompt("const poly = (xs) => 1;\n// Find a zero.\nconst findZero = (xs: number[]) => {\n");
 * assert.equal(parts.entry, "findZero");
 * assert.equal(parts.signature, "const findZero = (xs: number[]) =>");
 * assert.deepEqual(parts.helpers, ["poly"]);
 * ```
 */
export function splitPrompt(prompt: string): PromptParts {
  let statements: Span[];
  try {
    statements = splitStatements(tokenize(prompt), prompt, { partial: true });
  } catch (error) {
    return splitByLines(prompt, (error as Error).message);
  }
  const last = statements[statements.length - 1];
  if (!last || last.complete) {
    throw new SyntaxError("does not end inside the body of a function declaration");
  }
  const entry = declaredName(last);
  if (!entry) {
    throw new SyntaxError(`cannot find the declared function name in "${firstLine(last.text)}"`);
  }
  const t = last.tokens;
  let brace = -1;
  for (let k = t.length - 1; k >= 0; k--) {
    if (t[k].text === "{" && t[k].kind === "punct") {
      brace = k;
      break;
    }
  }
  if (brace <= 0) throw new SyntaxError(`cannot find the body of "${entry}"`);
  const signature = prompt.slice(t[0].start, t[brace - 1].end);
  const before = statements.slice(0, -1);
  const helpers = before.map(declaredName).filter((n): n is string => n !== null);
  return { entry, signature, before, helpers };
}

/**
 * The name a declaration statement declares (`function f`, `const f =`,
 * `class C`, with `export`/`async` allowed), or null.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "../../source/tokenize.ts";
 * import { span } from "../../source/statements.ts";
 * import { declaredName } from "./split_prompt.ts";
 * const src = "export async function* gen() {}";
 * assert.equal(declaredName(span(tokenize(src), src)), "gen");
 * ```
 */
export function declaredName(statement: Span): string | null {
  const t = statement.tokens;
  let k = 0;
  if (t[k]?.text === "export") k++;
  if (t[k]?.text === "default") k++;
  if (t[k]?.text === "async") k++;
  if (t[k]?.text === "function") {
    k++;
    if (t[k]?.text === "*") k++;
    return t[k]?.kind === "word" ? t[k].text : null;
  }
  if (t[k]?.text === "class") return t[k + 1]?.kind === "word" ? t[k + 1].text : null;
  if (/^(const|let|var)$/.test(t[k]?.text ?? "") && t[k + 1]?.kind === "word") {
    return t[k + 1].text;
  }
  return null;
}

const DECLARATION_LINE =
  /^[ \t]*(?:export\s+)?(?:async\s+)?(?:function\s*\*?\s*([A-Za-z_$][\w$]*)\s*[(<]|(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*[:=])/gm;

function splitByLines(prompt: string, why: string): PromptParts {
  const matches = [...prompt.matchAll(DECLARATION_LINE)];
  const last = matches[matches.length - 1];
  if (!last || last.index === undefined) {
    throw new SyntaxError(`${why}, and no line declares a function`);
  }
  const signature = prompt.slice(last.index).trim().replace(/\{\s*$/, "").trimEnd();
  return { entry: last[1] ?? last[2], signature, before: [], helpers: [], defect: why };
}

function firstLine(text: string): string {
  return text.split("\n")[0].slice(0, 80);
}
