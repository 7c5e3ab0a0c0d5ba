/**
 * Seeded mutations of a reference solution, for the offline synthetic model: each one simulates a
 * failure category of assay (wrong answer, missing export, timeout, syntax error, crash, refusal).
 * Sites are found on the code only (strings, templates, regexes and comments are skipped, see
 * `mutate_scan.ts`); the site is `seed` modulo the number of sites, in source order, so the same
 * inputs always give the same mutant and consecutive seeds walk through the sites.
 *
 * @module
 */
import { CodeScan } from "../source/scan.ts";

/**
 * The mutations the synthetic model can apply, and the failure each simulates.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applicableMutations, type Mutant, MUTATIONS, mutate, type MutationName } from "./mutate.ts";
 * const source = "export function half(n: number): number {\n  return n / 2;\n}\n";
 * const sited: MutationName[] = MUTATIONS.filter((name) => mutate(source, "half", name, 0) !== null);
 * assert.deepEqual(sited, applicableMutations(source, "half"));
 * const refusal: Mutant | null = mutate(source, "half", "refusal", 0);
 * assert.equal(refusal?.source, "I'm sorry, but I can't help with that request.");
 * ```
 */
export const MUTATIONS = [
  "off_by_one", // wrong answer on boundaries: `<` ↔ `<=`, `>` ↔ `>=`, a `+ 1` / `- 1` dropped
  "dropped_guard", // wrong answer on edge cases: an `if (…) return/throw/continue` deleted
  "swapped_operator", // wrong answer: `+`↔`-`, `*`↔`/`, `&&`↔`||`, `===`↔`!==`, `<`↔`>`
  "hallucinated_api", // runtime TypeError: a call to a plausible method that does not exist
  "wrong_name", // missing export: the entry is renamed (with all its references)
  "infinite_loop", // timeout: `while (true) {}` first in the entry's body
  "syntax_error", // unparseable: last `}` dropped, or the answer cut off in its last third
  "runtime_crash", // runtime TypeError from a plausible bug, first in the entry's body
  "refusal", // no code: a refusal in prose
] as const;

/**
 * The name of one mutation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applicableMutations, type Mutant, MUTATIONS, mutate, type MutationName } from "./mutate.ts";
 * const source = "export const inc = (n: number): number => n + 1;\n";
 * const name: MutationName = "off_by_one";
 * const mutant: Mutant | null = mutate(source, "inc", name, 0);
 * assert.equal(mutant?.source, "export const inc = (n: number): number => n;\n");
 * assert.ok(MUTATIONS.includes(name) && applicableMutations(source, "inc").includes(name));
 * ```
 */
export type MutationName = typeof MUTATIONS[number];

/**
 * Result: the mutated source and a one-line description of what changed (for the run log).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applicableMutations, type Mutant, MUTATIONS, mutate, type MutationName } from "./mutate.ts";
 * const source = "export function isAdult(age: number): boolean {\n  return age >= 18;\n}\n";
 * const mutant: Mutant | null = mutate(source, "isAdult", "off_by_one", 0);
 * assert.equal(mutant?.description, 'changed ">=" to ">" at line 2, column 14');
 * const names: MutationName[] = applicableMutations(source, "isAdult");
 * assert.ok(names.length < MUTATIONS.length && names.includes("off_by_one"));
 * ```
 */
export interface Mutant {
  /** The mutation applied. */
  name: MutationName;
  /** The mutated source (for `refusal`, prose). */
  source: string;
  /** What changed, on one line, e.g. `changed "<" to "<=" at line 4, column 21`. */
  description: string;
}

/** One place a mutation can be applied. */
interface Site {
  at: number;
  description: string;
  apply: () => string;
}

type Finder = (scan: CodeScan, entry: string) => Site[];
type OpSite = ReturnType<CodeScan["comparisons"]>[number];

/** Plausible calls that do not exist (`from to` pairs); `.length` becomes `.size` (undefined). */
const HALLUCINATIONS = pairs(`
  .push .append  .includes .contains  .slice .substring_  Math.max Math.maximum  Math.min Math.minimum
  .toLowerCase .lower  .toUpperCase .upper  .map .mapValues  .filter .where  .reduce .fold
  .forEach .each  Object.entries Object.pairs  Object.keys Object.keySet  .startsWith .beginsWith
  .endsWith .finishesWith  .trim .strip  .join .joinWith  .split .splitBy  .sort .sorted  .get .fetch
  .set .put  .has .contains  .indexOf .find_index  .replace .substitute  Number.isInteger Number.isInt
  Array.isArray Array.isList  .length .size`);

/** Statements that throw a TypeError when reached, named so they do not clash with the source. */
const CRASHES: ReadonlyArray<readonly [string, (v: string) => string]> = [
  ["cache", (v) => `const ${v} = JSON.parse("null"); ${v}.clear();`],
  ["config", (v) => `const ${v} = JSON.parse("{}"); ${v}.validate();`],
  ["options", (v) => `const ${v} = JSON.parse("null"); ${v}.retries++;`],
];

const REFUSALS = [
  "I'm sorry, but I can't help with that request.",
  "I'm sorry, but I can't assist with writing that code.",
  "I apologize, but I'm unable to provide a solution for this task.",
];

const FLIP = Object.fromEntries(pairs("< <= <= < > >= >= >"));
const SWAP = Object.fromEntries(
  pairs("+ - * / && || === !== < > <= >=").flatMap(([a, b]) => [[a, b], [b, a]]),
);

const FINDERS: Record<MutationName, Finder> = {
  off_by_one: (scan) => {
    const { source, masked: m } = scan;
    const ones = scan.arithmetic().filter((s) => s.op === "+" || s.op === "-").flatMap((s) => {
      const one = scan.codeFrom(s.end), next = m[scan.codeFrom(one + 1)] ?? ";";
      if (m[one] !== "1" || /[\w$.]/.test(m[one + 1] ?? "") || "*/%".includes(next)) return [];
      const from = scan.codeBefore(s.start) + 1;
      const description = `removed "${s.op} 1" at ${where(source, s.start)}`;
      return [{ at: s.start, description, apply: () => edit(source, from, one + 1, "") }];
    });
    const flips = scan.comparisons().map((s) => opSite(source, s, FLIP[s.op]));
    return [...flips, ...ones].sort((a, b) => a.at - b.at);
  },
  dropped_guard: (scan) => {
    const { source, masked: m } = scan;
    const sites: Site[] = [];
    for (const hit of m.matchAll(/(?<![\w$.])if\s*\(/g)) {
      const at = hit.index, before = scan.codeBefore(at);
      const close = scan.matchBracket(at + hit[0].length - 1);
      if ((before >= 0 && !"{};".includes(m[before])) || close < 0) continue;
      const body = scan.codeFrom(close + 1);
      let end = isExit(m, body) ? scan.statementEnd(body) : -1;
      if (m[body] === "{") {
        const blockEnd = scan.matchBracket(body), inner = scan.codeFrom(body + 1);
        const single = isExit(m, inner) && scan.codeFrom(scan.statementEnd(inner)) === blockEnd;
        end = blockEnd >= 0 && single ? blockEnd + 1 : -1;
      }
      if (end < 0 || /^else(?![\w$])/.test(m.slice(scan.codeFrom(end)))) continue;
      const guard = source.slice(at, end).replace(/\s+/g, " ");
      const shown = guard.length > 60 ? `${guard.slice(0, 57)}...` : guard;
      const description = `deleted the guard "${shown}" at ${where(source, at)}`;
      sites.push({ at, description, apply: () => deleteStatement(source, m, at, end) });
    }
    return sites;
  },
  swapped_operator: (scan) =>
    [...scan.arithmetic(), ...scan.logicalAndEquality(), ...scan.comparisons()]
      .sort((a, b) => a.start - b.start)
      .map((s) => opSite(scan.source, s, SWAP[s.op])),
  hallucinated_api: ({ source, masked: m }) =>
    HALLUCINATIONS.flatMap(([from, to]) => {
      const head = from.startsWith(".") ? "" : String.raw`(?<![\w$.])`;
      const tail = from === ".length" ? String.raw`(?![\w$]|\s*=[^=>])` : String.raw`(?=\s*\()`;
      const pattern = new RegExp(head + escape(from) + tail, "g");
      return [...m.matchAll(pattern)].map((hit): Site => ({
        at: hit.index,
        description: `replaced "${from}" with non-existent "${to}" at ${where(source, hit.index)}`,
        apply: () => edit(source, hit.index, hit.index + from.length, to),
      }));
    }).sort((a, b) => a.at - b.at),
  wrong_name: (scan, entry) => {
    const { source, masked: m } = scan;
    const decl = scan.declarations(entry)[0];
    if (!decl) return [];
    const cap = entry[0].toUpperCase() + entry.slice(1);
    const names = decl.kind === "class"
      ? [`${entry}Impl`, `My${cap}`, `${entry}Class`, `Base${cap}`]
      : [`${entry}Impl`, `compute${cap}`, `${entry}Fn`, `my${cap}`, `${entry}Helper`];
    const isKey = (k: number) =>
      m[scan.codeFrom(k + entry.length)] === ":" && "{,".includes(m[scan.codeBefore(k)] ?? ";");
    const refs = [...m.matchAll(wordPattern(entry, "g"))].map((hit) => hit.index)
      .filter((k) => (m[k - 1] !== "." || m[k - 2] === ".") && !isKey(k));
    return names.filter((name) => !wordPattern(name).test(m)).map((name) => ({
      at: decl.start,
      description:
        `renamed "${entry}" to "${name}" in ${refs.length} place(s), declaration included`,
      apply: () => refs.reduceRight((text, k) => edit(text, k, k + entry.length, name), source),
    }));
  },
  infinite_loop: (scan, entry) => {
    const { source } = scan;
    const body = scan.entryBody(entry);
    return body
      ? [{
        at: body.brace,
        description: `inserted "while (true) {}" at the start of ${body.where}`,
        apply: () => insertFirst(source, body.brace, "while (true) {}"),
      }]
      : [];
  },
  syntax_error: (scan) => {
    const { source, masked: m } = scan;
    const sites: Site[] = [];
    const last = m.lastIndexOf("}");
    if (last >= 0) {
      const description = `dropped the last closing brace (line ${lineOf(source, last)})`;
      sites.push({ at: last, description, apply: () => edit(source, last, last + 1, "") });
    }
    const lines = lineOf(source, source.length);
    for (let i = 0, depth = 0; i < m.length; i++) {
      depth += "([{".includes(m[i]) ? 1 : ")]}".includes(m[i]) ? -1 : 0;
      const boundary = /\s/.test(source[i]) && /\s/.test(m[i]) && /\S/.test(m[i - 1] ?? " ");
      if (depth <= 0 || !boundary || i < (source.length * 2) / 3) continue;
      const description = `cut the answer off at ${where(source, i)} (of ${lines} lines)`;
      sites.push({ at: i, description, apply: () => source.slice(0, i) });
    }
    if (sites.length === 0 && m.trim()) {
      const description = "appended a stray closing brace";
      sites.push({ at: source.length, description, apply: () => `${source.trimEnd()}\n}\n` });
    }
    return sites;
  },
  runtime_crash: (scan, entry) => {
    const { source } = scan;
    const body = scan.entryBody(entry);
    if (!body) return [];
    return CRASHES.map(([base, statement]) => {
      let name = base;
      while (wordPattern(name).test(scan.masked)) name += "_";
      return {
        at: body.brace,
        description: `inserted "${statement(name)}" (TypeError) at the start of ${body.where}`,
        apply: () => insertFirst(source, body.brace, statement(name)),
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
 * Every mutation that has at least one site in `source`, in {@link MUTATIONS} order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applicableMutations, type Mutant, MUTATIONS, mutate, type MutationName } from "./mutate.ts";
 * const source = "export const double = (x: number) => x * 2;\n";
 * const names: MutationName[] = applicableMutations(source, "double");
 * assert.deepEqual(names, ["swapped_operator", "wrong_name", "syntax_error", "refusal"]);
 * const missing = MUTATIONS.filter((name) => !names.includes(name));
 * const none: (Mutant | null)[] = missing.map((name) => mutate(source, "double", name, 0));
 * assert.ok(none.every((mutant) => mutant === null));
 * ```
 */
export function applicableMutations(source: string, entry: string): MutationName[] {
  checkEntry(entry);
  const scan = new CodeScan(source);
  return MUTATIONS.filter((name) => FINDERS[name](scan, entry).length > 0);
}

/**
 * Apply one mutation at a site chosen deterministically from `seed` (same inputs → same output):
 * site number `seed` modulo the number of sites, in source order. Returns null when the mutation
 * has no site. Throws `Cannot mutate "<entry>": …` on an unknown mutation, a seed that is not a
 * safe integer or an entry that is not an identifier.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { applicableMutations, type Mutant, MUTATIONS, mutate, type MutationName } from "./mutate.ts";
 * const source = "export function last(xs: number[]): number {\n  return xs[xs.length - 1];\n}\n";
 * const mutant: Mutant | null = mutate(source, "last", "off_by_one", 0);
 * assert.equal(mutant?.source.split("\n")[1], "  return xs[xs.length];");
 * assert.equal(mutant?.description, 'removed "- 1" at line 2, column 23');
 * assert.deepEqual(mutate(source, "last", "off_by_one", 0), mutant); // deterministic
 * const name: MutationName = "dropped_guard"; // no `if (…) return` here: no site
 * assert.ok(MUTATIONS.includes(name) && !applicableMutations(source, "last").includes(name));
 * assert.equal(mutate(source, "last", name, 0), null);
 * ```
 */
export function mutate(
  source: string,
  entry: string,
  name: MutationName,
  seed: number,
): Mutant | null {
  checkEntry(entry);
  if (!(MUTATIONS as readonly string[]).includes(name)) {
    throw new RangeError(
      `Cannot mutate "${entry}": unknown mutation "${name}" (expected one of ${
        MUTATIONS.join(", ")
      })`,
    );
  }
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`Cannot mutate "${entry}": seed must be a safe integer, got ${seed}`);
  }
  const sites = FINDERS[name](new CodeScan(source), entry);
  if (sites.length === 0) return null;
  const site = sites[((seed % sites.length) + sites.length) % sites.length];
  return { name, source: site.apply(), description: site.description };
}

function checkEntry(entry: string): void {
  if (!/^[A-Za-z_$][\w$]*$/.test(entry)) {
    throw new TypeError(`Cannot mutate "${entry}": the entry must be a JavaScript identifier`);
  }
}

function opSite(source: string, s: OpSite, to: string): Site {
  const description = `changed "${s.op}" to "${to}" at ${where(source, s.start)}`;
  return { at: s.start, description, apply: () => edit(source, s.start, s.end, to) };
}

function isExit(m: string, i: number): boolean {
  return /^(?:return|throw|continue)(?![\w$])/.test(m.slice(i, i + 9));
}

/** Delete `[start, end)`, with its whole line when nothing else is on it. */
function deleteStatement(source: string, m: string, start: number, end: number): string {
  const lineStart = source.lastIndexOf("\n", start - 1) + 1;
  const newline = source.indexOf("\n", end);
  const lineEnd = newline < 0 ? source.length : newline + 1;
  const alone = !source.slice(lineStart, start).trim() && !m.slice(end, lineEnd).trim();
  return alone ? edit(source, lineStart, lineEnd, "") : edit(source, start, end, "");
}

/** Insert `statement` as the first statement after the `{` at `brace`, matching indentation. */
function insertFirst(source: string, brace: number, statement: string): string {
  const newline = source.indexOf("\n", brace);
  if (newline < 0 || source.slice(brace + 1, newline).trim()) {
    return edit(source, brace + 1, brace + 1, ` ${statement}`);
  }
  const next = source.slice(newline + 1).split("\n", 1)[0];
  const braceLine = source.slice(source.lastIndexOf("\n", brace) + 1, brace);
  const indent = next.trim() && next.trim() !== "}"
    ? /^\s*/.exec(next)![0]
    : `${/^\s*/.exec(braceLine)![0]}  `;
  return edit(source, newline + 1, newline + 1, `${indent}${statement}\n`);
}

function edit(source: string, start: number, end: number, text: string): string {
  return source.slice(0, start) + text + source.slice(end);
}

function lineOf(source: string, at: number): number {
  return source.slice(0, at).split("\n").length;
}

function where(source: string, at: number): string {
  return `line ${lineOf(source, at)}, column ${at - source.lastIndexOf("\n", at - 1)}`;
}

/** `"a b c d"` → `[["a", "b"], ["c", "d"]]`. */
function pairs(table: string): [string, string][] {
  const words = table.trim().split(/\s+/);
  return words.filter((_, k) => k % 2 === 0).map((word, k) => [word, words[2 * k + 1]]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function wordPattern(word: string, flags = ""): RegExp {
  return new RegExp(String.raw`(?<![\w$#])${escape(word)}(?![\w$])`, flags);
}
