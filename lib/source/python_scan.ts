/**
 * The code view of a Python source, for line-wise work without a parser: {@link PythonScan.masked}
 * blanks comments and the inside of string literals (same length, same line breaks, the quotes
 * kept so a string still reads as an operand), and {@link PythonScan.statements} groups the
 * physical lines into logical lines (a statement continued inside brackets, a triple-quoted string
 * or after a backslash is one), each with its indentation. Not a parser: tuned for ordinary
 * reference solutions and short generated programs.
 *
 * @module
 */

/** One logical line (a statement, or a block header such as `def f(x):`). */
export interface PythonStatement {
  /** Index of its first physical line (0-based). */
  start: number;
  /** Index just past its last physical line. */
  end: number;
  /** The first line's leading whitespace. */
  indent: string;
  /** The masked text of its lines joined by "\n" (indentation included). */
  code: string;
  /** The offset of its first character in the source. */
  offset: number;
}

const PAIRS = new Map([["(", ")"], ["[", "]"], ["{", "}"]]);

/**
 * The masked view and the logical lines of a Python source.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PythonScan } from "./python_scan.ts";
 * const scan = new PythonScan('def f(xs):  # "x < 1"\n    return sum(\n        xs) + len("a:b")\n');
 * assert.equal(scan.masked.split("\n")[0].trimEnd(), "def f(xs):");
 * assert.deepEqual(scan.statements.map((s) => [s.start, s.end, s.indent]), [[0, 1, ""], [1, 3, "    "]]);
 * assert.equal(scan.headerColon(scan.statements[0]), 9);
 * assert.equal(scan.statements[1].code.includes("a:b"), false);
 * ```
 */
export class PythonScan {
  /** The source as given. */
  readonly source: string;
  /** The source with comments and string contents blanked (same offsets and line breaks). */
  readonly masked: string;
  /** The physical lines of the source (split on "\n"). */
  readonly lines: string[];
  /** The logical lines that hold code, in order (blank and comment-only lines left out). */
  readonly statements: PythonStatement[];
  readonly #starts: number[];

  constructor(source: string) {
    this.source = source;
    const { masked, joined } = maskPython(source);
    this.masked = masked;
    this.lines = source.split("\n");
    this.#starts = [0];
    for (let i = 0; i < source.length; i++) if (source[i] === "\n") this.#starts.push(i + 1);
    const maskedLines = masked.split("\n");
    this.statements = [];
    for (let i = 0; i < maskedLines.length;) {
      let end = i + 1;
      while (end < maskedLines.length && joined[end]) end++;
      const code = maskedLines.slice(i, end).join("\n");
      if (code.trim()) {
        const indent = /^[ \t]*/.exec(maskedLines[i])![0];
        this.statements.push({ start: i, end, indent, code, offset: this.#starts[i] });
      }
      i = end;
    }
  }

  /** The offset in the source where physical line `line` (0-based) starts. */
  lineOffset(line: number): number {
    return line >= this.#starts.length ? this.source.length : this.#starts[line];
  }

  /** The offset just past the end of statement `s` (after its last line's "\n" when there is one). */
  statementEnd(s: PythonStatement): number {
    return this.lineOffset(s.end);
  }

  /** The offset of the bracket closing the one at `open` in the masked text, or -1. */
  matchBracket(open: number): number {
    const stack: string[] = [];
    for (let i = open; i < this.masked.length; i++) {
      const close = PAIRS.get(this.masked[i]);
      if (close) stack.push(close);
      else if (")]}".includes(this.masked[i])) {
        if (stack.pop() !== this.masked[i]) return -1;
        if (stack.length === 0) return i;
      }
    }
    return -1;
  }

  /** The top-level arguments inside the bracket at `open`, as trimmed `[start, end]` spans. */
  args(open: number): [number, number][] {
    const close = this.matchBracket(open), m = this.masked;
    const spans: [number, number][] = [];
    if (close < 0) return spans;
    let depth = 0, start = open + 1;
    for (let i = open + 1; i <= close; i++) {
      if (i === close || (m[i] === "," && depth === 0)) {
        let s = start, e = i;
        while (s < e && /\s/.test(m[s])) s++;
        while (e > s && /\s/.test(m[e - 1])) e--;
        if (e > s) spans.push([s, e]);
        start = i + 1;
      } else if (PAIRS.has(m[i])) depth++;
      else if (")]}".includes(m[i])) depth--;
    }
    return spans;
  }

  /** The `def` or `class` statement of `name` (a top-level one first), or null. */
  declaration(name: string): { statement: PythonStatement; kind: "def" | "class" } | null {
    const pattern = new RegExp(String.raw`^\s*(?:async\s+)?(def|class)\s+${name}(?!\w)`);
    const found = this.statements.find((s) => s.indent === "" && pattern.test(s.code)) ??
      this.statements.find((s) => pattern.test(s.code));
    return found
      ? { statement: found, kind: pattern.exec(found.code)![1] as "def" | "class" }
      : null;
  }

  /**
   * The body of the entry: a function's, or a class's `__init__`. `header` is the `def`
   * statement, `colon` the offset of its colon, `first` the body's first statement when it starts
   * on a line of its own (null for a one-line body such as `def f(x): return x`).
   */
  entryBody(
    entry: string,
  ):
    | { header: PythonStatement; colon: number; first: PythonStatement | null; where: string }
    | null {
    const decl = this.declaration(entry);
    if (!decl) return null;
    let header: PythonStatement | undefined = decl.statement;
    if (decl.kind === "class") {
      const k = this.statements.indexOf(header);
      const inside = this.statements.slice(k + 1);
      const end = inside.findIndex((s) => s.indent.length <= decl.statement.indent.length);
      header = inside.slice(0, end < 0 ? undefined : end)
        .find((s) => /^\s*def\s+__init__(?!\w)/.test(s.code));
      if (!header) return null;
    }
    const colon = this.headerColon(header);
    if (colon < 0) return null;
    const inline = this.masked.slice(colon + 1, this.statementEnd(header)).trim() !== "";
    const next = this.statements[this.statements.indexOf(header) + 1];
    const first = !inline && next && next.indent.length > header.indent.length ? next : null;
    const name = decl.kind === "class" ? `"${entry}.__init__"` : `"${entry}"`;
    return { header, colon, first, where: `${name} (line ${header.start + 1})` };
  }

  /**
   * The source offset of a block header's colon (the first `:` outside brackets that is not
   * `:=`), or -1 when the statement is no block header (`def`, `class`, `if`, `elif`, `else`,
   * `for`, `while`, `with`, `try`, `except`, `finally`, `match`, `case`, `async`).
   */
  headerColon(s: PythonStatement): number {
    const code = s.code.trimStart();
    if (
      !/^(?:def|class|if|elif|else|for|while|with|try|except|finally|async|match|case)\b/.test(code)
    ) {
      return -1;
    }
    let depth = 0;
    for (let i = 0; i < s.code.length; i++) {
      const c = s.code[i];
      if (PAIRS.has(c)) depth++;
      else if (")]}".includes(c)) depth--;
      else if (c === ":" && depth === 0 && s.code[i + 1] !== "=") return s.offset + i;
    }
    return -1;
  }
}

/**
 * Blank comments and string contents; `joined[i]` is true when physical line `i` continues the
 * statement of line `i - 1` (open brackets, a triple-quoted string, a backslash at the end).
 */
function maskPython(source: string): { masked: string; joined: boolean[] } {
  const out = source.split("");
  const joined = [false];
  const n = source.length;
  let depth = 0;
  let i = 0;
  while (i < n) {
    const c = source[i];
    if (c === "#") {
      while (i < n && source[i] !== "\n") out[i++] = " ";
    } else if (c === "'" || c === '"') {
      const quote = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < n && !source.startsWith(quote, j)) {
        if (source[j] === "\n") {
          if (quote.length === 1) break; // unterminated: the line ends it
          joined.push(true);
        } else if (source[j] === "\\" && j + 1 < n) {
          out[j] = " ";
          j++;
          if (source[j] === "\n") joined.push(true);
          else out[j] = " ";
        } else out[j] = " ";
        j++;
      }
      i = source.startsWith(quote, j) ? j + quote.length : j;
    } else if (c === "\\" && source[i + 1] === "\n") {
      joined.push(true);
      i += 2;
    } else if (c === "\\" && source[i + 1] === "\r" && source[i + 2] === "\n") {
      joined.push(true);
      i += 3;
    } else {
      if (PAIRS.has(c)) depth++;
      else if (")]}".includes(c)) depth = Math.max(0, depth - 1);
      else if (c === "\n") joined.push(depth > 0);
      i++;
    }
  }
  return { masked: out.join(""), joined };
}
