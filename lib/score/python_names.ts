/**
 * What a Python program declares, found by search on its code view (comments and strings
 * blanked, {@link PythonScan}): the evidence that separates a hallucinated name (declared nowhere)
 * from a local bug (declared, but not where it is used). Not a parser: tuned for short programs.
 *
 * @module
 */
import { PythonScan } from "../source/python_scan.ts";

/** The names a Python program declares. */
export interface PythonNames {
  /** Functions, classes, parameters, imports, assignment, loop, `as` and `global` targets. */
  values: Set<string>;
  /** Classes the program defines. */
  classes: Set<string>;
  /** Methods (functions defined inside a block) and assigned attributes (`self.x = …`). */
  members: Set<string>;
}

const IDENT = /(?<![\w.])[A-Za-z_]\w*/g;
const KEYWORDS = new Set(
  ("False None True and as assert async await break class continue def del elif else except " +
    "finally for from global if import in is lambda nonlocal not or pass raise return try while " +
    "with yield").split(" "),
);

/**
 * Collect the names a Python program declares.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonNames } from "./python_names.ts";
 * const names = pythonNames(
 *   "import math\nfrom os import path as p\n\nclass Stack:\n    def push(self, item, *rest):\n" +
 *     "        self.items = [x for x in rest]\n        total, count = 0, 1\n",
 * );
 * assert.ok(["math", "p", "Stack", "push", "item", "rest", "x", "total", "count"].every((n) => names.values.has(n)));
 * assert.ok(names.classes.has("Stack") && names.members.has("push") && names.members.has("items"));
 * assert.ok(!names.values.has("path") && !names.values.has("items"));
 * ```
 */
export function pythonNames(code: string): PythonNames {
  const scan = new PythonScan(code);
  const m = scan.masked;
  const values = new Set<string>(), classes = new Set<string>(), members = new Set<string>();
  const words = (text: string) => {
    for (const w of text.replace(/\[[^\]]*\]/g, "").match(IDENT) ?? []) {
      if (!KEYWORDS.has(w)) values.add(w);
    }
  };
  for (const x of m.matchAll(/^([ \t]*)(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/gm)) {
    values.add(x[2]);
    if (x[1]) members.add(x[2]);
    const open = x.index + x[0].length - 1;
    for (const [start, end] of scan.args(open)) {
      const param = /^\**\s*([A-Za-z_]\w*)/.exec(m.slice(start, end));
      if (param) values.add(param[1]);
    }
  }
  for (const x of m.matchAll(/\bclass\s+([A-Za-z_]\w*)/g)) (values.add(x[1]), classes.add(x[1]));
  for (const x of m.matchAll(/^[ \t]*import\s+([^\n]+)/gm)) {
    for (const part of x[1].split(",")) {
      const [, dotted, alias] = /^\s*([\w.]+)(?:\s+as\s+(\w+))?/.exec(part) ?? [];
      if (dotted) values.add(alias ?? dotted.split(".")[0]);
    }
  }
  for (const x of m.matchAll(/^[ \t]*from\s+[\w.]+\s+import\s+\(?([^)\n]+)/gm)) {
    for (const part of x[1].split(",")) {
      const [, name, alias] = /^\s*(\w+)(?:\s+as\s+(\w+))?/.exec(part) ?? [];
      if (name) values.add(alias ?? name);
    }
  }
  for (const x of m.matchAll(/\bfor\s+([\w\s,()[\]*]+?)\s+in\b/g)) words(x[1]);
  for (const x of m.matchAll(/\bas\s+([A-Za-z_]\w*)/g)) values.add(x[1]);
  for (const x of m.matchAll(/([A-Za-z_]\w*)\s*:=/g)) values.add(x[1]);
  for (const x of m.matchAll(/\b(?:global|nonlocal)\s+([\w \t,]+)/g)) words(x[1]);
  for (const x of m.matchAll(/\blambda\s+([^:]*):/g)) words(x[1].replace(/=[^,]*/g, ""));
  for (const x of m.matchAll(/\.([A-Za-z_]\w*)\s*(?:[-+*/%&|^@]|\/\/|\*\*|>>|<<)?=(?!=)/g)) {
    members.add(x[1]);
  }
  for (const s of scan.statements) {
    // Assignment targets: every part before a `=` (or `+=`…) outside brackets.
    let depth = 0, start = 0;
    for (let i = 0; i < s.code.length; i++) {
      const c = s.code[i];
      if ("([{".includes(c)) depth++;
      else if (")]}".includes(c)) depth--;
      else if (
        c === "=" && depth === 0 && !"=<>!:".includes(s.code[i - 1] ?? "") && s.code[i + 1] !== "="
      ) {
        words(s.code.slice(start, i).replace(/:[^,]*$/, "").replace(/[-+*/%&|^@<>]+$/, ""));
        start = i + 1;
      }
    }
  }
  return { values, classes, members };
}
