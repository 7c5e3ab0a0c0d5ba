/**
 * Reading the test structure of a jest/vitest or `Deno.test` file
 * statically: which tests it declares, under which describe names, and
 * which it skips. Nothing is run.
 *
 * @module
 */
import {
  matchingClose,
  type Span,
  splitArguments,
  splitStatements,
} from "../../source/statements.ts";
import { literal } from "../../source/string_literal.ts";
import type { Token } from "../../source/tokenize.ts";

const SEPARATOR = " › ";

/** A test the conversion left out, and why. */
export interface SkippedTest {
  /** Its full name (describe names › test name). */
  name: string;
  /** `skip`, `todo`, `ignore`, `each` (parameterised tests are not expanded) or `failing`. */
  reason: string;
  /** 1-based line in the test file. */
  line: number;
}

/** One converted test: the case name and where it was declared. */
export interface ConvertedTest {
  /** Full name: describe names and the test name joined by " › ". */
  name: string;
  /** 1-based line in the test file. */
  line: number;
}

/** Where {@link collectTests} records what it finds. */
export interface Collected {
  /** The tests, in file order. */
  tests: ConvertedTest[];
  /** Tests left out, and why. */
  skipped: SkippedTest[];
  /** Problems, each `line N: tests: detail`. */
  problems: string[];
}

const DESCRIBE = new Set(["describe", "xdescribe", "fdescribe"]);
const TEST = new Set(["it", "test", "xit", "xtest", "fit"]);

/** Options for {@link collectTests}. */
export interface CollectOptions {
  /** The enclosing describe names. @default [] */
  prefix?: string[];
  /** Whether the enclosing describe is skipped. @default false */
  skipped?: boolean;
}

/**
 * Record the tests a top-level statement declares, recursing into
 * `describe` bodies: full names join describe names with " › ", repeated
 * names get " (2)"…, skipped forms go to `skipped`; a test call inside a
 * loop or condition, or with a computed name, is a problem.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tokenize } from "../../source/tokenize.ts";
 * import { splitStatements } from "../../source/statements.ts";
 * import { type Collected, collectTests } from "./collect_tests.ts";
 * const src = 'describe("a", () => { it("b", () => {}); xit("c", () => {}); });';
 * const out: Collected = { tests: [], skipped: [], problems: [] };
 * for (const s of splitStatements(tokenize(src), src)) collectTests(s, out);
 * assert.deepEqual(out.tests.map((t) => t.name), ["a › b"]);
 * assert.deepEqual(out.skipped.map((t) => t.name), ["a › c"]);
 * ```
 */
export function collectTests(
  s: Span,
  out: Collected,
  options: CollectOptions = {},
): void {
  const prefix = options.prefix ?? [];
  const skippedBlock = options.skipped ?? false;
  const t = s.tokens;
  const call = calleeOf(t);
  if (!call) {
    // test.each`table`("name %s", fn): a tagged template, not expanded
    const k = t.findIndex((x) => x.kind === "template");
    if (k >= 2 && t[k - 1].text === "each" && (DESCRIBE.has(t[0].text) || TEST.has(t[0].text))) {
      const name = [...prefix, literal(t[k + 2]) ?? "(each)"].join(SEPARATOR);
      out.skipped.push({ name, reason: "each", line: s.line });
      return;
    }
    flagDynamic(s, out);
    return;
  }
  const { path, open } = call;
  const head = path[0];
  const modifiers = path.slice(1);
  const isDeno = head === "Deno" && modifiers[0] === "test";
  const isDescribe = DESCRIBE.has(head);
  if (!isDeno && !isDescribe && !TEST.has(head)) {
    flagDynamic(s, out);
    return;
  }
  const close = matchingClose(t, open);
  const args = splitArguments(t.slice(open + 1, close), s.source);
  const at = `line ${s.line}: tests`;
  const mods = isDeno ? modifiers.slice(1) : modifiers;
  if (mods.includes("each")) {
    const name = literal(t[close + 2]) ?? "(each)";
    out.skipped.push({ name: [...prefix, name].join(SEPARATOR), reason: "each", line: s.line });
    return;
  }
  let name: string | null;
  let ignored = false;
  if (isDeno) {
    const found = denoTestName(args);
    name = found.name;
    ignored = found.ignore || mods.includes("ignore");
  } else {name = args[0]
      ? literal(args[0].tokens.length === 1 ? args[0].tokens[0] : undefined)
      : null;}
  if (name === null) {
    out.problems.push(`${at}: the name of ${path.join(".")}(…) must be a string literal`);
    return;
  }
  const full = [...prefix, name].join(SEPARATOR);
  const skipReason = skippedBlock
    ? "skip"
    : head.startsWith("x") || mods.includes("skip")
    ? "skip"
    : mods.includes("todo")
    ? "todo"
    : mods.includes("failing")
    ? "failing"
    : ignored
    ? "ignore"
    : null;
  if (isDescribe) {
    const fnArg = args[1];
    if (!fnArg) return;
    const inner = functionBody(fnArg);
    const blockSkipped = skipReason !== null;
    for (const statement of inner) {
      collectTests(statement, out, { prefix: [...prefix, name], skipped: blockSkipped });
    }
    return;
  }
  if (skipReason) out.skipped.push({ name: full, reason: skipReason, line: s.line });
  else if (!isDeno && !args[1] && !mods.includes("todo")) {
    out.skipped.push({ name: full, reason: "todo", line: s.line });
  } else out.tests.push({ name: dedupe(full, out.tests), line: s.line });
}

function dedupe(name: string, tests: ConvertedTest[]): string {
  const taken = new Set(tests.map((t) => t.name));
  let full = name;
  for (let n = 2; taken.has(full); n++) full = `${name} (${n})`;
  return full;
}

/** `describe.skip(` → { path: ["describe", "skip"], open: index of "(" }, for a statement that is a call. */
function calleeOf(t: Token[]): { path: string[]; open: number } | null {
  const path: string[] = [];
  let k = 0;
  if (t[k]?.text === "await") k++;
  while (t[k]?.kind === "word") {
    path.push(t[k].text);
    if (t[k + 1]?.text === ".") k += 2;
    else break;
  }
  const open = k + 1;
  if (path.length === 0 || t[open]?.text !== "(") return null;
  return { path, open };
}

/** A test registered inside a loop or condition cannot be named statically. */
function flagDynamic(s: Span, out: Collected): void {
  const t = s.tokens;
  for (let k = 0; k + 1 < t.length; k++) {
    const word = t[k].text;
    const member = k > 0 && (t[k - 1].text === "." || t[k - 1].text === "?.");
    const denoTest = word === "Deno" && t[k + 1]?.text === "." && t[k + 2]?.text === "test";
    if (
      (denoTest || ((DESCRIBE.has(word) || TEST.has(word)) && t[k + 1].text === "(")) && !member
    ) {
      if (t[0].text === "class" || t[0].text === "const" && t[1]?.text === word) return;
      if (t[0].text === "function" || t[0].text === "async" && t[1]?.text === "function") {
        const name = t.find((x, i) => i > 0 && x.kind === "word" && x.text !== "function");
        out.problems.push(
          `line ${t[k].line}: tests: ${word}(…) inside function ${
            name?.text ?? ""
          }(…) cannot be named statically (its tests are registered where it is called)`,
        );
        return;
      }
      out.problems.push(
        `line ${
          t[k].line
        }: tests: ${word}(…) inside another statement cannot be named statically (loops and conditions are not supported)`,
      );
      return;
    }
  }
}

/** The statements of a function expression's body (`() => { … }`, `function () { … }`, `() => expr`). */
function functionBody(arg: Span): Span[] {
  const t = arg.tokens;
  let depth = 0;
  let arrow = -1;
  for (let k = 0; k < t.length && arrow < 0; k++) {
    if (t[k].kind !== "punct") continue;
    if ("([{".includes(t[k].text)) depth++;
    else if (")]}".includes(t[k].text)) depth--;
    else if (depth === 0 && t[k].text === "=>") arrow = k;
  }
  const isFunction = t[0]?.text === "function" ||
    (t[0]?.text === "async" && t[1]?.text === "function");
  const open = isFunction || arrow < 0 ? t.findIndex((x) => x.text === "{") : arrow + 1;
  if (open < 0 || open >= t.length) return [];
  if (t[open].text !== "{") return splitStatements(t.slice(open), arg.source);
  const close = matchingClose(t, open);
  return splitStatements(t.slice(open + 1, close < 0 ? t.length : close), arg.source);
}

function denoTestName(args: Span[]): { name: string | null; ignore: boolean } {
  const first = args[0];
  if (!first) return { name: null, ignore: false };
  const t = first.tokens;
  if (t.length === 1) return { name: literal(t[0]), ignore: objectFlag(args[1], "ignore") };
  if (t[0].text === "{") {
    const nameAt = topLevelKey(t, "name");
    return {
      name: nameAt >= 0 ? literal(t[nameAt + 2]) : null,
      ignore: objectFlag(first, "ignore"),
    };
  }
  let k = 0;
  if (t[k]?.text === "async") k++;
  if (t[k]?.text === "function") {
    return { name: t[k + 1]?.kind === "word" ? t[k + 1].text : null, ignore: false };
  }
  return { name: null, ignore: false };
}

function objectFlag(arg: Span | undefined, key: string): boolean {
  if (!arg || arg.tokens[0]?.text !== "{") return false;
  const at = topLevelKey(arg.tokens, key);
  return at >= 0 && arg.tokens[at + 2]?.text === "true";
}

/** Index of `key` followed by `:` at depth 1 of an object literal's tokens, or -1. */
function topLevelKey(t: Token[], key: string): number {
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    const x = t[k];
    if (x.kind === "punct" && "([{".includes(x.text)) depth++;
    else if (x.kind === "punct" && ")]}".includes(x.text)) depth--;
    else if (depth === 1 && x.text === key && t[k + 1]?.text === ":") return k;
  }
  return -1;
}
