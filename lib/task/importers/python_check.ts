/**
 * Turning a HumanEval-style Python test (`def check(candidate):` holding `assert`
 * statements) into assay cases: one per top-level assert of `check`, or per
 * statement holding asserts (a loop), each run after the setup statements of
 * `check` that come before it.
 *
 * @module
 */
import { caseName } from "./check_cases.ts";
import {
  headerColon,
  type PythonBlock,
  pythonBlocks,
  readPython,
  reindent,
} from "./python_lines.ts";

/** One case read from `check`. */
export interface PythonCase {
  /** `case <n>: <what it asserts>`, at most 100 characters. */
  name: string;
  /** The case function's body: setup statements then the check, indented by 4 spaces. */
  body: string;
  /** 1-based line of its check in the test text. */
  line: number;
}

/** What {@link pythonCheckCases} reads from a test. */
export interface PythonCheck {
  /** The name of `check`'s parameter (`candidate`), to bind to the entry. */
  param: string;
  /** The cases, in order. */
  cases: PythonCase[];
  /** The test's other top-level statements (`METADATA = …`, imports), kept as module code. */
  module: string;
  /** How many `assert True` statements (which test nothing) were left out. */
  droppedAssertTrue: number;
}

const CHECK = /^def\s+check\s*\(\s*([A-Za-z_]\w*)\s*\)\s*(?:->[^:]*)?:$/;
const ASSERT_TRUE = /^assert\s*\(?\s*True\s*\)?\s*(?:,|$)/;

/**
 * Read `def check(<param>):` from a HumanEval-style test. Each top-level `assert`
 * of its body becomes a case named after its expression (the message left out);
 * a statement that holds asserts (`for`, `if`, `with`…) becomes one case named
 * after its header and first assert; every other statement (imports,
 * assignments, helper definitions) is setup, repeated in every later case.
 * `assert True` statements are dropped. Top-level calls of the test (MultiPL-E's
 * `test_check()`) are dropped; its other top-level statements are kept. Throws an
 * Error when there is no `check` or it holds no assert.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonCheckCases } from "./python_check.ts";
 * const test = "METADATA = {}\n\ndef check(candidate):\n    import math\n" +
 *   "    assert candidate(1) == 2, 'one'\n    assert True\n    for x in range(3):\n" +
 *   "        assert candidate(x) == x + 1\n";
 * const check = pythonCheckCases(test);
 * assert.deepEqual(check.cases.map((c) => c.name), [
 *   "case 1: candidate(1) == 2",
 *   "case 2: for x in range(3): candidate(x) == x + 1",
 * ]);
 * assert.equal(check.cases[1].body, "    import math\n    for x in range(3):\n        assert candidate(x) == x + 1");
 * assert.equal(check.module, "METADATA = {}");
 * assert.equal(check.droppedAssertTrue, 1);
 * ```
 */
export function pythonCheckCases(test: string): PythonCheck {
  const src = readPython(test);
  const top = pythonBlocks(src.lines);
  const checkBlock = top.find((b) => b.head.indent === 0 && CHECK.test(b.head.code));
  if (!checkBlock) throw new SyntaxError('no "def check(candidate):" at the top level');
  const param = checkBlock.head.code.match(CHECK)![1];
  const bodyLines = checkBlock.lines.slice(1);
  if (bodyLines.length === 0) throw new SyntaxError("check() has no body on its own lines");
  const base = bodyLines[0].indent;
  const setup: string[] = [];
  const cases: PythonCase[] = [];
  let droppedAssertTrue = 0;
  for (const block of pythonBlocks(bodyLines)) {
    const text = reindent(src, block, base, "    ");
    const code = block.head.code;
    if (/^assert\b/.test(code)) {
      if (ASSERT_TRUE.test(code)) {
        droppedAssertTrue++;
        continue;
      }
    } else if (/^(def|class|async\s+def)\b|^@/.test(code) || !holdsAssert(block)) {
      setup.push(text);
      continue;
    }
    cases.push({
      name: caseName(`case ${cases.length + 1}`, label(block)),
      body: [...setup, text].join("\n"),
      line: block.head.line,
    });
  }
  if (cases.length === 0) throw new SyntaxError("check() holds no assert statement");
  const module = top.filter((b) =>
    b !== checkBlock && !/^def\s+test_check\b/.test(b.head.code) &&
    !/^[\w.]+\s*\([\s\S]*\)$/.test(b.head.code)
  ).map((b) => reindent(src, b, 0, "")).join("\n");
  return { param, cases, module, droppedAssertTrue };
}

function holdsAssert(block: PythonBlock): boolean {
  return block.lines.some((l) => /(^|[^\w.])assert\b/.test(l.code));
}

/** What a check asserts: an assert's expression, or a compound statement's header and first assert. */
function label(block: PythonBlock): string {
  const head = block.head;
  if (/^assert\b/.test(head.code)) return assertion(head.text, head.code);
  const colon = headerColon(head.code);
  const header = head.text.slice(0, colon + 1);
  const inner = block.lines.find((l) => /^assert\b/.test(l.code)) ??
    (/\bassert\b/.test(head.code.slice(colon + 1))
      ? { text: head.text.slice(colon + 1).trim(), code: head.code.slice(colon + 1).trim() }
      : null);
  return inner ? `${header} ${assertion(inner.text, inner.code)}` : header;
}

/** `assert <expr>, <message>` → `<expr>`. */
function assertion(text: string, code: string): string {
  const start = code.match(/^assert\b\s*/)![0].length;
  let depth = 0;
  for (let k = start; k < code.length; k++) {
    const c = code[k];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0) return text.slice(start, k).trim();
  }
  return text.slice(start).trim();
}
