/**
 * Getting code out of a completion: from markdown fences when there are any,
 * else from raw text when it looks like code.
 *
 * @module
 */

const FENCE = /```([\w+-]*)[^\n]*\n([\s\S]*?)(?:```|$)/g;
const CODE_LANGS = new Set([
  "",
  "ts",
  "typescript",
  "js",
  "javascript",
  "tsx",
  "jsx",
  "mjs",
  "mts",
]);
/** A line that starts like a TS/JS declaration: raw text with one is taken as code. */
const LOOKS_LIKE_CODE =
  /^\s*(export|import|(async\s+)?function\*?|class|const|let|var|interface|type|enum)\s/m;
/** The fence languages of a Python answer. */
const PYTHON_LANGS = new Set(["", "python", "py", "python3", "py3"]);
/** A line that starts like a Python definition or import. */
const LOOKS_LIKE_PYTHON = /^(def|async\s+def|class|import|from)\s/m;

/**
 * Extract the code from a completion. Prefers fenced blocks in a TS/JS (or
 * unlabelled) language (Python fences for `language` "py"); when several exist, the first that declares `entry`
 * (`function entry`, `const entry =`, `class entry`…) wins, else the first that
 * mentions it, else the first block: benchmark harnesses take an answer's first
 * block (can-ai-code's does), and a later block is most often a usage example or
 * a second version. An unterminated last fence (a truncated answer) still counts. Without fences, the whole text is code if it looks like code.
 * Returns null when there is nothing that looks like code (a refusal, prose).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { extractCode } from "./extract.ts";
 * const fence = "`".repeat(3);
 * const answer = `Sure:\n${fence}ts\nexport const x = 1;\n${fence}\n`;
 * assert(extractCode(answer) === "export const x = 1;\n");
 * assert(extractCode("I'm sorry, I can't help with that.") === null);
 * // Python answers: python fences, `def entry` decides between blocks.
 * const py = `${fence}python\nprint(add(1, 2))\n${fence}\n${fence}python\ndef add(a, b):\n    return a + b\n${fence}`;
 * assert.equal(extractCode(py, "add", "py"), "def add(a, b):\n    return a + b\n");
 * assert.equal(extractCode(`${fence}ts\nconst x = 1;\n${fence}`, "x", "py"), null);
 * // An indented block, and a fence's word left as the first line, as a module.
 * assert.equal(extractCode(`${fence}\n    def add(a, b):\n        return a + b\n${fence}`, "add", "py"), "def add(a, b):\n    return a + b\n");
 * assert.equal(extractCode(`${fence}\npython\ndef add(a, b):\n    return a + b\n${fence}`, "add", "py"), "def add(a, b):\n    return a + b\n");
 * ```
 */
export function extractCode(text: string, entry?: string, language?: string): string | null {
  const python = language === "py";
  const blocks: string[] = [];
  for (const m of text.matchAll(FENCE)) {
    if ((python ? PYTHON_LANGS : CODE_LANGS).has(m[1].toLowerCase())) {
      blocks.push(python ? tidyPython(m[2]) : m[2]);
    }
  }
  if (blocks.length > 0) {
    const name = entry?.replace(/\$/g, "\\$");
    const declares = !name
      ? null
      : python
      ? new RegExp(`^(?:async\\s+)?def\\s+${name}\\b|^class\\s+${name}\\b|^${name}\\s*=`, "m")
      : new RegExp(
        `(?:\\bfunction\\*?|\\bclass|\\bconst|\\blet|\\bvar)\\s+${name}\\b|(?:^|[^\\w$.])${name}\\s*=\\s*(?:async\\b|function\\b|\\(|[\\w$]+\\s*=>)|\\bexports\\.${name}\\s*=`,
      );
    const mentions = name ? new RegExp(`\\b${name}\\b`) : null;
    const best = blocks.find((b) => declares?.test(b)) ?? blocks.find((b) => mentions?.test(b)) ??
      blocks[0];
    return best.trim() === "" ? null : best;
  }
  const trimmed = text.trim();
  if (trimmed === "" || !(python ? LOOKS_LIKE_PYTHON : LOOKS_LIKE_CODE).test(trimmed)) return null;
  // Python's indentation is meaningful: only the trailing whitespace goes.
  return (python ? tidyPython(text.replace(/^\s*\n/, "")).trimEnd() : trimmed) + "\n";
}

/**
 * A Python block as a module: without a fence's language word left on its own first line
 * (`python`), and dedented (a block indented as a whole, e.g. inside a markdown list), as
 * can-ai-code's extraction and `textwrap.dedent` do. A module can start neither way.
 */
function tidyPython(code: string): string {
  const lines = code.split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first >= 0 && /^\s*(?:python3?|py3?)\s*$/i.test(lines[first])) lines.splice(first, 1);
  const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0]);
  let common = indents[0] ?? "";
  for (const indent of indents) {
    while (!indent.startsWith(common)) common = common.slice(0, -1);
  }
  return common === ""
    ? lines.join("\n")
    : lines.map((l) => (l.startsWith(common) ? l.slice(common.length) : l)).join("\n");
}
