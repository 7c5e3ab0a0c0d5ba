/**
 * What both runners write as `solution.ts`: the answer, run with the job's semantics.
 *
 * - `module` (the default): the answer as an ES module (strict), with `export { entry };`
 *   appended when it defines the entry without exporting it (lib/source/export_entry.ts).
 * - `script`: the answer as node runs a `.js` file, a non-strict CommonJS script: it is compiled
 *   by indirect `eval` inside node's module wrapper `(function (exports, require, module,
 *   __filename, __dirname) {…})`, so an implicit global (`temp = b`) or a silent write to a
 *   read-only value behaves as under node; `solution.ts` is a small ES module around it that
 *   exports the entry (the script's binding, else `module.exports`). `require("x")` with a
 *   literal name is served by a static import of `x` (a node built-in gets its `node:` prefix),
 *   so the strict runner and the pool load exactly the same modules; any other `require` throws
 *   node's `Cannot find module`. An answer with `import`/`export` runs as an ES module, as node
 *   (22 and later) runs a `.js` file with module syntax; one that does not parse at all also
 *   runs as a module, so its syntax error reads as it does for any task.
 * - `script-strict`: the same script with a `"use strict"` directive: not a task's semantics but
 *   the twin that tells a pass that needs sloppy mode (`sloppy_only`, lib/run/sloppy_only.ts).
 *
 * A script's stack frames name `solution.js` and the answer's own line numbers.
 *
 * @module
 */
import vm from "node:vm";
import { isBuiltin, stripTypeScriptTypes } from "node:module";
import { exportEntry } from "../source/export_entry.ts";
import { importSpecifiers } from "../source/import_specifiers.ts";
import { type Span, splitStatements } from "../source/statements.ts";
import { type Token, tokenize } from "../source/tokenize.ts";
import type { SandboxJob } from "./sandbox.ts";

/** The code written to `solution.ts` and what the harness changed to get there. */
export interface SolutionSource {
  /** The text of `solution.ts`. */
  code: string;
  /** What the harness changed, in words; null when the answer runs unchanged. */
  change: string | null;
  /** The statement appended after the answer's last line (module semantics); null when none. */
  appended: string | null;
  /** Whether the answer runs as a script (wrapped); false when it runs as an ES module. */
  script: boolean;
}

/** The parameters of node's CommonJS module wrapper. */
const WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname, __assayOut) {";

/**
 * `solution.ts` for `job`, by its semantics (see the module doc).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solutionSource } from "./solution_source.ts";
 * const job = { code: "function swap(a, b) { temp = a; return [b, temp]; }", entry: "swap" };
 * assert.match(solutionSource(job).code, /export \{ swap \};/);
 * const script = solutionSource({ ...job, semantics: "script" });
 * assert.match(script.code, /\(0, eval\)/);
 * assert.equal(script.change, null);
 * assert.equal(script.script, true);
 * const esm = solutionSource({ code: "export const swap = (a, b) => [b, a];", entry: "swap", semantics: "script" });
 * assert.match(esm.change ?? "", /^ran as an ES module/);
 * ```
 */
export function solutionSource(
  job: Pick<SandboxJob, "code" | "entry" | "semantics">,
): SolutionSource {
  // A pure function of these three: each sample asks twice or more (the job line, the result's
  // harness changes, each attempt), and the first answer is kept for the next.
  const key = `${job.semantics ?? "module"}\0${job.entry}\0${job.code}`;
  let made = MADE.get(key);
  if (made === undefined) {
    made = makeSolutionSource(job);
    if (MADE.size >= MADE_MAX) MADE.clear();
    MADE.set(key, made);
  }
  return { ...made };
}

/** Recent answers' sources (see solutionSource). */
const MADE = new Map<string, SolutionSource>();
const MADE_MAX = 64;

function makeSolutionSource(
  job: Pick<SandboxJob, "code" | "entry" | "semantics">,
): SolutionSource {
  const semantics = job.semantics ?? "module";
  if (semantics === "module") return { ...exportEntry(job.code, job.entry), script: false };
  // Module syntax first: stripping types (transform) would elide an unused import, and node
  // runs a file with one as a module.
  const tokens = tokensOf(job.code) ?? [];
  const moduleSyntax = hasModuleSyntax(tokens);
  const script = moduleSyntax ? null : scriptBody(job.code);
  if (script === null) {
    const module = { ...exportEntry(job.code, job.entry), script: false };
    if (!moduleSyntax) return module;
    const why = "ran as an ES module: the answer uses import/export, as node runs such a .js file";
    return { ...module, change: module.change ? `${why}; ${module.change}` : why };
  }
  const strict = semantics === "script-strict" ? '"use strict";' : "";
  const code = wrapScript(
    script,
    job.entry,
    strict,
    script === job.code ? tokens : tokensOf(script) ?? [],
  );
  return { code, change: null, appended: null, script: true };
}

/** The answer as a script body (types stripped when it is TypeScript); null when it is not one. */
function scriptBody(code: string): string | null {
  if (compiles(code)) return code;
  // Types become blanks in place ("strip": positions kept); an enum or namespace needs "transform".
  for (const mode of ["strip", "transform"] as const) {
    try {
      const stripped = stripTypeScriptTypes(code, { mode });
      if (stripped !== code && compiles(stripped)) return stripped;
    } catch {
      // not strippable in this mode
    }
  }
  return null;
}

function compiles(code: string): boolean {
  try {
    new vm.Script(`${WRAPPER_HEAD}${code}\n})`);
    return true;
  } catch {
    return false;
  }
}

/** The code's tokens; null when it does not tokenize (an unterminated string: not a script). */
function tokensOf(code: string): Token[] | null {
  try {
    return tokenize(code);
  } catch {
    return null;
  }
}

/** Whether the code has a top-level `import`/`export` statement (or `import.meta`). */
function hasModuleSyntax(tokens: readonly Token[]): boolean {
  let depth = 0;
  let previous = "";
  for (const [i, t] of tokens.entries()) {
    if (t.kind === "punct" && /^[{(\[]$/.test(t.text)) depth++;
    else if (t.kind === "punct" && /^[})\]]$/.test(t.text)) depth--;
    else if (depth === 0 && t.kind === "word" && previous !== ".") {
      if (t.text === "export" || (t.text === "import" && tokens[i + 1]?.text !== "(")) return true;
    }
    previous = t.text;
  }
  return false;
}

/** The answer's top-level statements (lib/source/statements.ts); [] when they do not balance. */
function statementsOf(code: string, tokens: Token[]): Span[] {
  try {
    return splitStatements(tokens, code);
  } catch {
    return [];
  }
}

/**
 * The names the script declares at its top level (`function f`, `async function f`, `const f =`…),
 * in order: their bindings are exported too, as `__assayScope`, for a harness
 * that calls an answer's function whatever its name (can-ai-code's calls its first function).
 */
function topLevelNames(statements: readonly Span[]): string[] {
  const names = statements.map(({ tokens: t }) => {
    const at = t[0].text === "async" ? 1 : 0;
    if (t[at]?.text === "function") return t[at + 1];
    return /^(const|let|var)$/.test(t[0].text) && t[2]?.text === "=" ? t[1] : undefined;
  }).filter((n) => n?.kind === "word" && /^[A-Za-z_$][\w$]*$/.test(n.text)).map((n) => n!.text);
  return [...new Set(names)];
}

/** The literal names the script `require`s, in order of first use. */
function requiredNames(tokens: readonly Token[]): string[] {
  const names: string[] = [];
  for (const { token, index, form } of importSpecifiers(tokens)) {
    // `require("x")` itself: not a method `.require(…)`, and the literal is the whole argument.
    if (form !== "require" || tokens[index - 3]?.text === "." || tokens[index + 1]?.text !== ")") {
      continue;
    }
    const name = token.text.slice(1, -1);
    if (/^[\w@./:-]+$/.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

function wrapScript(
  code: string,
  entry: string,
  directive: string,
  tokens: Token[],
): string {
  const names = requiredNames(tokens);
  const imports = names.map((name, i) => {
    const specifier = isBuiltin(name) && !name.startsWith("node:") ? `node:${name}` : name;
    return `import __assayRequired${i} from ${JSON.stringify(specifier)};\n`;
  }).join("");
  const table = names.map((name, i) => `${JSON.stringify(name)}: __assayRequired${i}`).join(", ");
  const bound = (name: string) => `typeof ${name} !== "undefined" ? ${name} : undefined`;
  const scope = topLevelNames(statementsOf(code, tokens)).map((name) => `${name}: ${bound(name)}`)
    .join(", ");
  const source = `${WRAPPER_HEAD}${directive}${code}\n;__assayOut.entry = ${
    bound(entry)
  }; __assayOut.scope = { ${scope} };\n})\n//# sourceURL=solution.js`;
  return `${imports}// The answer, run as node runs a .js file: a CommonJS script (lib/sandbox/solution_source.ts).
const __assayRequired = { ${table} };
const __assayRequire = (name) => {
  if (Object.hasOwn(__assayRequired, name)) return __assayRequired[name];
  const error = new Error(\`Cannot find module '\${name}'\`);
  error.code = "MODULE_NOT_FOUND";
  throw error;
};
const __assayModule = { exports: {} };
const __assayOut = {};
(0, eval)(${JSON.stringify(source)}).call(
  __assayModule.exports, __assayModule.exports, __assayRequire, __assayModule, "/job/solution.js", "/job",
  __assayOut,
);
const __assayBinding = __assayOut.entry;
export const __assayScope = __assayOut.scope ?? {};
const __assayExports = __assayModule.exports;
const __assayEntry = __assayBinding !== undefined
  ? __assayBinding
  : typeof __assayExports === "function" && __assayExports.name === ${JSON.stringify(entry)}
  ? __assayExports
  : __assayExports?.[${JSON.stringify(entry)}];
export { __assayEntry as ${entry} };
export default __assayEntry;
`;
}
