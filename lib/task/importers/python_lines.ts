/**
 * Reading Python source as logical lines (brackets, backslash continuations and
 * triple-quoted strings joined), with indentation and a masked copy where string
 * contents and comments are blanked: enough structure for the Python importers
 * to split a `def check(candidate):` body into statements without a Python parser.
 *
 * @module
 */

/** One logical line of Python source. */
export interface PythonLine {
  /** 1-based physical line it starts on. */
  line: number;
  /** Offset of the start of that physical line (its indentation included). */
  lineStart: number;
  /** Offset of its first character after the indentation. */
  start: number;
  /** Offset after its last non-blank character. */
  end: number;
  /** Its indentation width in columns (a tab advances to the next multiple of 8). */
  indent: number;
  /** Its source text, `start` to `end`. */
  text: string;
  /** The same text with string contents and comments replaced by spaces. */
  code: string;
}

/** What {@link readPython} returns. */
export interface PythonSource {
  /** The source with `\r\n` and `\r` line breaks turned into `\n`. */
  source: string;
  /** The logical lines, blank and comment-only lines left out. */
  lines: PythonLine[];
  /** The 1-based physical lines that begin inside a string literal (never re-indented). */
  stringLines: Set<number>;
}

const OPEN = new Set(["(", "[", "{"]);
const CLOSE = new Set([")", "]", "}"]);

/**
 * Split Python source into logical lines. String literals (any prefix, single or
 * triple quotes, escapes) and comments are skipped when looking for brackets and
 * line ends; an unterminated string ends at its line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readPython } from "./python_lines.ts";
 * const { lines, stringLines } = readPython(
 *   'def f(a,\n      b):  # two\n    s = """x\ny"""\n    return a + \\\n        b\n',
 * );
 * assert.deepEqual(lines.map((l) => [l.line, l.indent]), [[1, 0], [3, 4], [5, 4]]);
 * assert.equal(lines[1].code, 's = """ \n """');
 * assert.deepEqual([...stringLines], [4]);
 * ```
 */
export function readPython(text: string): PythonSource {
  const source = text.replace(/\r\n?/g, "\n");
  const n = source.length;
  const masked = source.split("");
  const stringLines = new Set<number>();
  const lines: PythonLine[] = [];
  let lineNo = 1;
  let lineStart = 0;
  let depth = 0;
  let current: { line: number; lineStart: number; start: number } | null = null;
  const finish = (at: number) => {
    if (!current) return;
    let end = at;
    while (end > current.start && /\s/.test(source[end - 1])) end--;
    lines.push({
      ...current,
      end,
      indent: width(source.slice(current.lineStart, current.start)),
      text: source.slice(current.start, end),
      code: masked.slice(current.start, end).join(""),
    });
    current = null;
  };
  let i = 0;
  while (i < n) {
    const c = source[i];
    if (c === "\n") {
      if (depth === 0) finish(i);
      i++;
      lineNo++;
      lineStart = i;
      continue;
    }
    if (c === "#") {
      while (i < n && source[i] !== "\n") masked[i++] = " ";
      continue;
    }
    if (c === "\\" && source[i + 1] === "\n") {
      i += 2;
      lineNo++;
      lineStart = i;
      continue;
    }
    if (c === " " || c === "\t" || c === "\f") {
      i++;
      continue;
    }
    if (!current) current = { line: lineNo, lineStart, start: i };
    if (c === '"' || c === "'") {
      const quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < n && !source.startsWith(quote, j)) {
        if (source[j] === "\n") {
          if (quote.length === 1) break; // unterminated: the line ends it
          lineNo++;
          lineStart = j + 1;
          stringLines.add(lineNo);
          j++;
          continue;
        }
        const step = source[j] === "\\" && j + 1 < n ? 2 : 1;
        for (let k = j; k < j + step; k++) {
          if (source[k] === "\n") {
            lineNo++;
            lineStart = k + 1;
            stringLines.add(lineNo);
          } else masked[k] = " ";
        }
        j += step;
      }
      i = j < n && source.startsWith(quote, j) ? j + quote.length : j;
      continue;
    }
    if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c)) depth = Math.max(0, depth - 1);
    i++;
  }
  finish(n);
  return { source, lines, stringLines };
}

/** A statement and the indented lines of its body (for a compound statement). */
export interface PythonBlock {
  /** Its first logical line. */
  head: PythonLine;
  /** Every logical line of it, the head first. */
  lines: PythonLine[];
}

/**
 * Group logical lines into the statements at the first line's indentation:
 * each takes the following lines that are indented deeper (its body).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonBlocks, readPython } from "./python_lines.ts";
 * const { lines } = readPython("x = 1\nfor i in y:\n    assert i\n    z = 2\nassert x\n");
 * assert.deepEqual(pythonBlocks(lines).map((b) => b.lines.length), [1, 3, 1]);
 * ```
 */
export function pythonBlocks(lines: PythonLine[]): PythonBlock[] {
  const blocks: PythonBlock[] = [];
  const base = lines[0]?.indent ?? 0;
  for (const line of lines) {
    const last = blocks[blocks.length - 1];
    if (last && line.indent > base) last.lines.push(line);
    else blocks.push({ head: line, lines: [line] });
  }
  return blocks;
}

/**
 * The source of `block` with `base` columns of indentation replaced by
 * `indent` on every physical line, except lines that begin inside a string
 * literal (their text is the string's) and blank lines (left empty).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonBlocks, readPython, reindent } from "./python_lines.ts";
 * const src = readPython('  for i in y:\n      s = """a\n  b"""\n');
 * const [block] = pythonBlocks(src.lines);
 * assert.equal(reindent(src, block, 2, "    "), '    for i in y:\n        s = """a\n  b"""');
 * ```
 */
export function reindent(
  src: PythonSource,
  block: PythonBlock,
  base: number,
  indent: string,
): string {
  const from = block.head.lineStart;
  const to = block.lines[block.lines.length - 1].end;
  const first = block.head.line;
  return src.source.slice(from, to).split("\n").map((line, k) => {
    if (src.stringLines.has(first + k)) return line;
    if (line.trim() === "") return "";
    let cut = 0;
    let columns = 0;
    while (cut < line.length && columns < base && (line[cut] === " " || line[cut] === "\t")) {
      columns = line[cut] === "\t" ? (Math.floor(columns / 8) + 1) * 8 : columns + 1;
      cut++;
    }
    return indent + line.slice(cut);
  }).join("\n");
}

/**
 * The offset of the colon that ends a compound statement's header (`def f(x: int) -> int:`,
 * `for x in y:`) in masked code: the first colon outside brackets that is not a `:=`;
 * the code's length when there is none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { headerColon } from "./python_lines.ts";
 * assert.equal(headerColon("def f(x: int) -> dict[str, int]: pass"), 31);
 * assert.equal(headerColon("x = 1"), 5);
 * ```
 */
export function headerColon(code: string): number {
  let depth = 0;
  for (let k = 0; k < code.length; k++) {
    const c = code[k];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === ":" && depth === 0 && code[k + 1] !== "=") return k;
  }
  return code.length;
}

/** The width of an indentation, tabs advancing to the next multiple of 8. */
function width(indentation: string): number {
  let columns = 0;
  for (const c of indentation) {
    columns = c === "\t" ? (Math.floor(columns / 8) + 1) * 8 : c === "\f" ? 0 : columns + 1;
  }
  return columns;
}
