/**
 * Splitting a Python benchmark prompt (HumanEval, MultiPL-E Python, EvalPlus): the code
 * given before the entry function (imports, helpers), the entry's `def` line, and its docstring.
 *
 * @module
 */
import { headerColon, pythonBlocks, readPython } from "./python_lines.ts";

/** The parts of a Python prompt. */
export interface PythonPrompt {
  /** The prompt's code other than the entry function (imports, helpers), trimmed; "" when none. */
  given: string;
  /** The entry's `def` line (all of it when it spans lines), without the trailing colon. */
  signature: string;
  /** The entry's docstring, cleaned as `inspect.cleandoc` does, or null when it has none. */
  docstring: string | null;
}

/**
 * Split `prompt` around the top-level `def <entry>(`. Throws an Error when the prompt
 * does not define `entry` at its top level.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitPythonPrompt } from "./python_prompt.ts";
 * const prompt = 'from typing import List\n\n\ndef total(xs: List[int]) -> int:\n    """ Sum xs.\n    >>> total([1, 2])\n    3\n    """\n';
 * assert.deepEqual(splitPythonPrompt(prompt, "total"), {
 *   given: "from typing import List",
 *   signature: "def total(xs: List[int]) -> int",
 *   docstring: "Sum xs.\n>>> total([1, 2])\n3",
 * });
 * assert.throws(() => splitPythonPrompt(prompt, "nope"), /does not define "nope"/);
 * ```
 */
export function splitPythonPrompt(prompt: string, entry: string): PythonPrompt {
  const src = readPython(prompt);
  const blocks = pythonBlocks(src.lines);
  const defines = new RegExp(`^(?:async\\s+)?def\\s+${entry}\\s*\\(`);
  const block = blocks.find((b) => b.head.indent === 0 && defines.test(b.head.code));
  if (!block) throw new SyntaxError(`does not define "${entry}" at its top level`);
  const head = block.head;
  const colon = headerColon(head.code);
  const signature = head.text.slice(0, colon).trimEnd();
  // The docstring: the body's first statement, or (HumanEval/115) the first after its imports.
  const inline = head.text.slice(colon + 1).trim();
  const body = block.lines.slice(1).filter((l) => l.indent === block.lines[1].indent);
  const docLine = body.find((l) => !/^(import|from)\s/.test(l.code))?.text ?? inline;
  const last = block.lines[block.lines.length - 1];
  const given = (src.source.slice(0, head.lineStart) + src.source.slice(last.end)).trim();
  return { given, signature, docstring: docstringOf(docLine) };
}

/** The text of a statement that is one string literal, without prefix and quotes; else null. */
function docstringOf(statement: string): string | null {
  const m = statement.match(/^([rRuU]{0,2})("""|'''|"|')([\s\S]*)\2$/);
  if (!m) return null;
  return cleandoc(m[3]);
}

/**
 * Clean a docstring as Python's `inspect.cleandoc` does: tabs expanded, the
 * first line's leading blanks and the other lines' common indentation removed,
 * leading and trailing blank lines dropped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cleandoc } from "./python_prompt.ts";
 * assert.equal(cleandoc("\n\tWrite a function.\n\t  Indented.\n\t"), "Write a function.\n  Indented.");
 * ```
 */
export function cleandoc(doc: string): string {
  const lines = doc.split("\n").map(expandTabs);
  const indents = lines.slice(1).filter((l) => l.trim() !== "").map((l) =>
    l.length - l.trimStart().length
  );
  const margin = indents.length ? Math.min(...indents) : 0;
  const out = [lines[0].trimStart(), ...lines.slice(1).map((l) => l.slice(margin))].map((l) =>
    l.trimEnd()
  );
  while (out.length && out[0] === "") out.shift();
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n");
}

function expandTabs(line: string): string {
  let out = "";
  for (const c of line) out += c === "\t" ? " ".repeat(8 - (out.length % 8)) : c;
  return out;
}
