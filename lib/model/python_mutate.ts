/**
 * Seeded mutations of a Python reference solution, for the offline synthetic model: the same
 * mutations (and the same {@link Mutant} shape) as `mutate.ts` for TypeScript, written for
 * Python's lines and indentation. There is no Python parser here: sites are found line-wise on the
 * code view of {@link PythonScan} (comments and strings are never mutated), every edit keeps the
 * other lines as they are, and the site is `seed` modulo the number of sites, in source order.
 *
 * @module
 */
import { PythonScan } from "../source/python_scan.ts";
import type { Mutant, MutationName } from "./mutate.ts";

/**
 * The mutations the synthetic model applies to a Python reference (every one of `MUTATIONS`), and
 * what each does there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { MUTATIONS } from "./mutate.ts";
 * import { PYTHON_MUTATIONS } from "./python_mutate.ts";
 * assert.deepEqual([...PYTHON_MUTATIONS], [...MUTATIONS]);
 * ```
 */
export const PYTHON_MUTATIONS = [
  "off_by_one", // `<` ↔ `<=`, `>` ↔ `>=`, a `+ 1` / `- 1` dropped, a `range(` bound lowered by one
  "dropped_guard", // an `if …: return/raise/continue/break` (one or two lines) deleted
  "swapped_operator", // `+` ↔ `-`, `//` ↔ `/`, `and` ↔ `or`, `==` ↔ `!=`, `<` ↔ `>`
  "hallucinated_api", // `s[::-1]` → `s.reverse()`, `sum(` → `math.sum(`, `.append(` → `.push(`…
  "wrong_name", // the entry's `def`/`class` renamed, with all its references
  "infinite_loop", // `while True: pass` first in the entry's body
  "syntax_error", // the colon of a `def`/`if`/`for`/`while`/`else`/`class` header dropped
  "runtime_crash", // a statement that raises (AttributeError, KeyError, IndexError) first in the body
  "refusal", // no code: a refusal in prose
] as const satisfies readonly MutationName[];

/** One place a mutation can be applied. */
interface Site {
  at: number;
  description: string;
  apply: () => string;
}

type Finder = (scan: PythonScan, entry: string) => Site[];

const KEYWORDS = new Set(
  ("False None True and as assert async await break class continue def del elif else except " +
    "finally for from global if import in is lambda nonlocal not or pass raise return try while " +
    "with yield match case").split(" "),
);

const REFUSALS = [
  "I'm sorry, but I can't help with that request.",
  "I'm sorry, but I can't assist with writing that code.",
  "I apologize, but I'm unable to provide a solution for this task.",
];

const FLIP: Record<string, string> = { "<": "<=", "<=": "<", ">": ">=", ">=": ">" };
const SWAP: Record<string, string> = Object.fromEntries(
  pairs("+ - // / and or == != < > <= >=").flatMap(([a, b]) => [[a, b], [b, a]]),
);

/** Calls of other languages in place of Python's (`from to` pairs); `math.` ones import math. */
const CALLS = pairs(`
  sum math.sum  max math.max  min math.min  abs math.abs  sorted list.sorted  int parseInt  str String
  .append .push  .extend .concat  .lower .toLowerCase  .upper .toUpperCase  .strip .trim
  .startswith .startsWith  .endswith .endsWith  .items .entries  .keys .keySet  .index .indexOf
  .replace .replaceAll  .isdigit .isNumeric  .get .getOrDefault  .join .joinWith`);

/** Where each hallucination goes (`[pattern, replacement, needs import math]`); `len(x)` aside. */
const HALLUCINATIONS: ReadonlyArray<readonly [RegExp, string, boolean]> = [
  [/\[\s*::\s*-\s*1\s*\]/g, ".reverse()", false],
  ...CALLS.map(([from, to]) => {
    const head = from.startsWith(".") ? "" : String.raw`(?<![\w.])`;
    const pattern = new RegExp(`${head}${from.replace(".", "\\.")}(?=\\s*\\()`, "g");
    return [pattern, to, to.startsWith("math.")] as const;
  }),
];

/** Statements that raise when reached, named so they do not clash with the source. */
const CRASHES: ReadonlyArray<readonly [string, (v: string) => string, string]> = [
  ["cache", (v) => `${v} = None; ${v}.clear()`, "AttributeError"],
  ["config", (v) => `${v} = {}; ${v}["retries"] += 1`, "KeyError"],
  ["options", (v) => `${v} = []; ${v}[0] += 1`, "IndexError"],
];

const FINDERS: Record<MutationName, Finder> = {
  off_by_one: (scan) => {
    const { source, masked: m } = scan;
    const flips = comparisons(m).map(([at, op]) => opSite(source, at, op, FLIP[op]));
    const ones = [...m.matchAll(/([ \t]*)([+-])([ \t]*)1(?![\w.])/g)].flatMap((hit): Site[] => {
      const op = hit.index + hit[1].length;
      if (!isBinary(m, op) || /^\s*(?:\*|\/|%|@)/.test(m.slice(hit.index + hit[0].length))) {
        return [];
      }
      const description = `removed "${hit[2]} 1" at ${where(source, op)}`;
      const end = hit.index + hit[0].length;
      return [{ at: op, description, apply: () => edit(source, hit.index, end, "") }];
    });
    const ranges = [...m.matchAll(/(?<![\w.])range\s*\(/g)].flatMap((hit): Site[] => {
      const open = hit.index + hit[0].length - 1, close = scan.matchBracket(open);
      if (close < 0) return [];
      const args = scan.args(open);
      const stop = args.length === 1 ? args[0] : args[1];
      if (!stop || /[+-]\s*1\s*$/.test(m.slice(stop[0], stop[1]))) return []; // a `± 1` site already
      const text = source.slice(stop[0], stop[1]);
      const lowered = /^[\w.]+(?:\([^()]*\)|\[[^\[\]]*\])?$/.test(text)
        ? `${text} - 1`
        : `(${text}) - 1`;
      const description = `lowered the range bound "${text}" by one at ${where(source, stop[0])}`;
      return [{ at: stop[0], description, apply: () => edit(source, stop[0], stop[1], lowered) }];
    });
    return [...flips, ...ones, ...ranges].sort((a, b) => a.at - b.at);
  },
  dropped_guard: (scan) => {
    const { statements: all } = scan;
    const sites: Site[] = [];
    all.forEach((s, k) => {
      const colon = scan.headerColon(s);
      if (colon < 0 || !/^\s*if\b/.test(s.code)) return;
      const inline = scan.masked.slice(colon + 1, scan.statementEnd(s)).trim();
      let last = k;
      if (inline) {
        if (!isExit(inline)) return;
      } else {
        const body = all[k + 1];
        const after = all[k + 2];
        if (!body || body.indent.length <= s.indent.length || !isExit(body.code.trim())) return;
        if (after && after.indent.length > s.indent.length) return; // more than one statement
        last = k + 1;
      }
      const next = all[last + 1], prev = all[k - 1];
      if (next && next.indent === s.indent && /^\s*(?:elif|else)\b/.test(next.code)) return;
      const firstInBlock = !prev || prev.indent.length < s.indent.length;
      const lastInBlock = !next || next.indent.length < s.indent.length;
      if (firstInBlock && lastInBlock) return; // the block would be left empty
      const start = scan.lineOffset(s.start), end = scan.statementEnd(all[last]);
      const guard = scan.source.slice(start, end).replace(/\s+/g, " ").trim();
      const shown = guard.length > 60 ? `${guard.slice(0, 57)}...` : guard;
      const description = `deleted the guard "${shown}" at line ${s.start + 1}`;
      sites.push({ at: start, description, apply: () => edit(scan.source, start, end, "") });
    });
    return sites;
  },
  swapped_operator: (scan) => {
    const { source, masked: m } = scan;
    const sites: Site[] = comparisons(m).map(([at, op]) => opSite(source, at, op, SWAP[op]));
    for (const hit of m.matchAll(/\/\/|[+\-/]|!=|==/g)) {
      const at = hit.index, op = hit[0], after = m[at + op.length] ?? "";
      if (op === "==" && (m[at - 1] === "=" || after === "=")) continue;
      if ("+-/".includes(op) && (m[at - 1] === "/" || after === "/" || after === "=")) continue;
      if (op === "-" && after === ">") continue;
      if (op === "//" && after === "=") continue;
      if ("+-//".includes(op) && !isBinary(m, at)) continue;
      sites.push(opSite(source, at, op, SWAP[op]));
    }
    for (const hit of m.matchAll(/(?<![\w.])(?:and|or)(?!\w)/g)) {
      sites.push(opSite(source, hit.index, hit[0], SWAP[hit[0]]));
    }
    return sites.sort((a, b) => a.at - b.at);
  },
  hallucinated_api: (scan) => {
    const { source, masked: m } = scan;
    const sites = HALLUCINATIONS.flatMap(([pattern, to, math]) =>
      [...m.matchAll(pattern)].map((hit) =>
        replaced(source, hit.index, hit.index + hit[0].length, to, math)
      )
    );
    for (const hit of m.matchAll(/(?<![\w.])len\s*\(/g)) {
      const open = hit.index + hit[0].length - 1, close = scan.matchBracket(open);
      if (close < 0 || scan.args(open).length !== 1) continue;
      const arg = source.slice(open + 1, close).trim();
      const receiver = /^[A-Za-z_][\w.]*(?:\[[^\[\]]*\])?$/.test(arg) ? arg : `(${arg})`;
      sites.push(replaced(source, hit.index, close + 1, `${receiver}.length`, false));
    }
    return sites.sort((a, b) => a.at - b.at);
  },
  wrong_name: (scan, entry) => {
    const { source, masked: m } = scan;
    const decl = scan.declaration(entry);
    if (!decl) return [];
    const cap = entry[0].toUpperCase() + entry.slice(1);
    const names = decl.kind === "class"
      ? [`${entry}Impl`, `My${cap}`, `Base${cap}`, `${entry}Class`]
      : [`${entry}_impl`, `compute_${entry}`, `${entry}_fn`, `my_${entry}`, `${entry}_helper`];
    const refs = [...m.matchAll(word(entry))].map((hit) => hit.index);
    return names.filter((name) => !word(name).test(m)).map((name) => ({
      at: decl.statement.offset,
      description:
        `renamed "${entry}" to "${name}" in ${refs.length} place(s), declaration included`,
      apply: () => refs.reduceRight((text, k) => edit(text, k, k + entry.length, name), source),
    }));
  },
  infinite_loop: (scan, entry) => {
    const body = bodyStart(scan, entry);
    if (!body) return [];
    const statement = "while True: pass";
    const description = `inserted "${statement}" at the start of ${body.where}`;
    return [{ at: body.at, description, apply: () => body.insert(statement) }];
  },
  syntax_error: (scan) =>
    scan.statements.flatMap((s): Site[] => {
      const colon = scan.headerColon(s);
      if (colon < 0 || !/^\s*(?:async\s+def|def|class|if|elif|else|for|while)\b/.test(s.code)) {
        return [];
      }
      const header = scan.lines[s.start].trim().split(/\s/)[0].replace(/:$/, "");
      const description = `dropped the colon of the "${header}" header at ${
        where(scan.source, colon)
      }`;
      return [{ at: colon, description, apply: () => edit(scan.source, colon, colon + 1, "") }];
    }),
  runtime_crash: (scan, entry) => {
    const body = bodyStart(scan, entry);
    if (!body) return [];
    return CRASHES.map(([base, statement, raises]) => {
      let name = base;
      while (word(name).test(scan.masked)) name += "_";
      return {
        at: body.at,
        description: `inserted "${statement(name)}" (${raises}) at the start of ${body.where}`,
        apply: () => body.insert(statement(name)),
      };
    });
  },
  refusal: () =>
    REFUSALS.map((text) => ({
      at: 0,
      description: "answered with a refusal, no code",
      apply: () => text,
    })),
};

/**
 * Every mutation that has at least one site in the Python `source`, in {@link PYTHON_MUTATIONS}
 * order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applicablePythonMutations } from "./python_mutate.ts";
 * const source = "def double(x):\n    return x * 2\n";
 * assert.deepEqual(applicablePythonMutations(source, "double"), [
 *   "wrong_name", "infinite_loop", "syntax_error", "runtime_crash", "refusal",
 * ]);
 * ```
 */
export function applicablePythonMutations(source: string, entry: string): MutationName[] {
  checkEntry(entry);
  const scan = new PythonScan(source);
  return PYTHON_MUTATIONS.filter((name) => FINDERS[name](scan, entry).length > 0);
}

/**
 * Apply one mutation to a Python source at a site chosen from `seed` (site number `seed` modulo
 * the number of sites, in source order; same inputs → same output). Returns null when the
 * mutation has no site. Throws `Cannot mutate "<entry>": …` on an unknown mutation, a seed that
 * is not a safe integer or an entry that is not a Python identifier.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mutatePython } from "./python_mutate.ts";
 * const source = "def last(xs):\n    if not xs:\n        return None\n    return xs[len(xs) - 1]\n";
 * const mutant = mutatePython(source, "last", "off_by_one");
 * assert.equal(mutant?.source.split("\n")[3], "    return xs[len(xs)]");
 * assert.equal(mutant?.description, 'removed "- 1" at line 4, column 23');
 * const guard = mutatePython(source, "last", "dropped_guard", 0);
 * assert.equal(guard?.source, "def last(xs):\n    return xs[len(xs) - 1]\n");
 * assert.equal(mutatePython(source, "last", "hallucinated_api")?.source.split("\n")[3], "    return xs[xs.length - 1]");
 * ```
 */
export function mutatePython(
  source: string,
  entry: string,
  name: MutationName,
  seed = 0,
): Mutant | null {
  checkEntry(entry);
  if (!(PYTHON_MUTATIONS as readonly string[]).includes(name)) {
    throw new RangeError(
      `Cannot mutate "${entry}": unknown mutation "${name}" (expected one of ${
        PYTHON_MUTATIONS.join(", ")
      })`,
    );
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`Cannot mutate "${entry}": seed must be a safe integer, got ${seed}`);
  }
  const sites = FINDERS[name](new PythonScan(source), entry);
  if (sites.length === 0) return null;
  const site = sites[((seed % sites.length) + sites.length) % sites.length];
  return { name, source: site.apply(), description: site.description };
}

function checkEntry(entry: string): void {
  if (!/^[A-Za-z_]\w*$/.test(entry) || KEYWORDS.has(entry)) {
    throw new TypeError(`Cannot mutate "${entry}": the entry must be a Python identifier`);
  }
}

/** Comparison operators `<`, `<=`, `>`, `>=` (not `->`, `<<`, `>>`) as `[offset, op]`. */
function comparisons(m: string): [number, string][] {
  return [...m.matchAll(/(?<![<>=!\-])(?:<=|>=|<|>)(?![<>=])/g)].map((hit) => [hit.index, hit[0]]);
}

/** Whether the operator at `at` is binary: an operand (not a keyword, not `1e`) comes before it. */
function isBinary(m: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /\s/.test(m[k])) k--;
  if (k < 0 || !/[\w)\]}'"]/.test(m[k])) return false;
  const before = /[\w.]*$/.exec(m.slice(0, k + 1))![0];
  if (KEYWORDS.has(before) && !["None", "True", "False"].includes(before)) return false;
  return !(at === k + 1 && /^(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)[eE]$/.test(before));
}

function isExit(code: string): boolean {
  return /^(?:return|raise|continue|break)\b/.test(code);
}

/**
 * A function that inserts a statement first in the entry's body, at the body's indentation (a
 * one-line body `def f(x): return x` moves to its own line after it), or null without a body.
 */
function bodyStart(
  scan: PythonScan,
  entry: string,
): { at: number; where: string; insert: (statement: string) => string } | null {
  const body = scan.entryBody(entry);
  if (!body) return null;
  const { source } = scan;
  const { header, colon, first, where } = body;
  if (first) {
    const at = scan.lineOffset(first.start);
    return {
      at,
      where,
      insert: (statement) => edit(source, at, at, `${first.indent}${statement}\n`),
    };
  }
  const indent = `${header.indent}    `;
  const end = scan.statementEnd(header) - (source[scan.statementEnd(header) - 1] === "\n" ? 1 : 0);
  const rest = source.slice(colon + 1, end).trimStart();
  const tail = rest ? `\n${indent}${rest}` : "";
  return {
    at: colon,
    where,
    insert: (statement) => edit(source, colon + 1, end, `\n${indent}${statement}${tail}`),
  };
}

/** `text` with `import <module>` added (after any `from __future__` imports) unless it has it. */
function withImport(text: string, module: string): string {
  if (new RegExp(String.raw`^\s*import\s+(?:[\w.]+\s*,\s*)*${module}\b`, "m").test(text)) {
    return text;
  }
  const lines = text.split("\n");
  let k = 0;
  lines.forEach((line, i) => {
    if (/^from\s+__future__\s+import\b/.test(line)) k = i + 1;
  });
  lines.splice(k, 0, `import ${module}`);
  return lines.join("\n");
}

/** Replace `[start, end)` with a name that does not exist (adding `import math` for `math.`). */
function replaced(source: string, start: number, end: number, to: string, math: boolean): Site {
  const from = source.slice(start, end);
  const description = `replaced "${from}" with non-existent "${to}" at ${where(source, start)}`;
  const apply = () => {
    const text = edit(source, start, end, to);
    return math ? withImport(text, "math") : text;
  };
  return { at: start, description, apply };
}

function opSite(source: string, at: number, op: string, to: string): Site {
  const description = `changed "${op}" to "${to}" at ${where(source, at)}`;
  return { at, description, apply: () => edit(source, at, at + op.length, to) };
}

function edit(source: string, start: number, end: number, text: string): string {
  return source.slice(0, start) + text + source.slice(end);
}

function where(source: string, at: number): string {
  const line = source.slice(0, at).split("\n").length;
  return `line ${line}, column ${at - source.lastIndexOf("\n", at - 1)}`;
}

function word(name: string): RegExp {
  return new RegExp(String.raw`(?<![\w.])${name}(?!\w)`, "g");
}

/** `"a b c d"` → `[["a", "b"], ["c", "d"]]`. */
function pairs(table: string): [string, string][] {
  const words = table.trim().split(/\s+/);
  return words.filter((_, k) => k % 2 === 0).map((word, k) => [word, words[2 * k + 1]]);
}
