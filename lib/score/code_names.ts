/**
 * What a program declares, found by search on its code (strings and comments masked): the
 * evidence that separates a hallucinated name (declared nowhere) from a local bug (declared, but
 * not where it is used). Not a parser: tuned for short generated programs.
 *
 * @module
 */
import { CodeScan } from "../source/scan.ts";

/** The names, types and members a program declares. */
export interface CodeNames {
  /** Variables, functions, classes, parameters, imports, catch bindings. */
  values: Set<string>;
  /** Classes, interfaces, type aliases, enums and generic parameters. */
  types: Set<string>;
  /** Methods, object keys, class fields and assigned properties (`x.name = …`). */
  members: Set<string>;
}

const IDENT = /[A-Za-z_$][\w$]*/g;
const CONTROL = new Set(["if", "while", "for", "switch", "catch", "with", "return", ""]);
const KEYWORDS = new Set(
  ("const let var function class return if else for while do of in new this typeof instanceof " +
    "async await yield extends implements readonly public private protected static get set " +
    "number string boolean any unknown void never null undefined true false as is keyof " +
    "import export from default type interface enum").split(" "),
);

/**
 * Collect the names `code` declares.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { codeNames } from "./code_names.ts";
 * const names = codeNames("class Stack<T> { items: T[] = []; push(x: T) { this.items.push(x); } }\nconst f = (a, { b }) => a;");
 * assert.ok(names.values.has("Stack") && names.values.has("f") && names.values.has("b"));
 * assert.ok(names.types.has("T") && names.members.has("push") && names.members.has("items"));
 * assert.ok(!names.values.has("x2"));
 * ```
 */
export function codeNames(code: string): CodeNames {
  const m = new CodeScan(code).masked;
  const values = new Set<string>();
  const types = new Set<string>();
  const members = new Set<string>();
  const words = (text: string, into: Set<string>) => {
    for (const w of text.match(IDENT) ?? []) if (!KEYWORDS.has(w)) into.add(w);
  };
  for (const x of m.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g)) values.add(x[1]);
  for (const x of m.matchAll(/\b(?:const|let|var)\s*([{[][^=;]*[}\]])\s*[=;]/g)) {
    words(x[1].replace(/:\s*[A-Za-z_$][\w$]*/g, ""), values);
  }
  for (const x of m.matchAll(/\b(?:function\s*\*?|class)\s+([A-Za-z_$][\w$]*)/g)) {
    values.add(x[1]);
  }
  for (const x of m.matchAll(/\b(?:class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/g)) {
    types.add(x[1]);
  }
  for (const x of m.matchAll(/\benum\s+([A-Za-z_$][\w$]*)/g)) values.add(x[1]);
  for (const x of m.matchAll(/\bimport\s+(?:type\s+)?([^;]*?)\s+from\b/g)) words(x[1], values);
  for (const x of m.matchAll(/\bcatch\s*\(\s*([A-Za-z_$][\w$]*)/g)) values.add(x[1]);
  // Parameter lists: functions, methods, arrows. Type annotations are dropped first.
  const params = /([\w$]*)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*(?::\s*[^={;]+)?\s*(=>|\{)/g;
  for (const x of m.matchAll(params)) {
    if (x[3] === "{" && CONTROL.has(x[1])) continue; // `if (…) {` is no parameter list
    words(dropTypes(x[2]), values);
  }
  // `x => …` (not the return type in `(a): string => …`).
  for (const x of m.matchAll(/(?:(?<![:\w$]\s*)|(?<=\basync\s+))([A-Za-z_$][\w$]*)\s*=>/g)) {
    if (!KEYWORDS.has(x[1])) values.add(x[1]);
  }
  // Generic parameters where they are declared: `function f<T>(`, `class C<K, V>`, `type A<T> =`,
  // a method `m<T>(` at the start of a line, an arrow `= <T,>(` — not `new Map<string, T>()`.
  const generics = [
    /\b(?:function\s*\*?\s*[\w$]*|class\s+[\w$]+|interface\s+[\w$]+|type\s+[\w$]+)\s*<([^<>]*(?:<[^<>]*>[^<>]*)*)>/g,
    /^\s*(?:(?:public|private|protected|static|async|get|set|readonly)\s+)*[\w$]+\s*<([^<>]*(?:<[^<>]*>[^<>]*)*)>\s*\(/gm,
    /=\s*(?:async\s*)?<([^<>]*(?:<[^<>]*>[^<>]*)*)>\s*\(/g,
  ];
  for (const pattern of generics) {
    for (const x of m.matchAll(pattern)) {
      for (const part of x[1].split(",")) {
        const name = /^\s*([A-Za-z_$][\w$]*)/.exec(part);
        if (name && !KEYWORDS.has(name[1])) types.add(name[1]);
      }
    }
  }
  // Members: method definitions, object keys, class fields, assigned properties.
  const member =
    /(?:^|[{;,}\n])\s*(?:(?:static|async|get|set|public|private|protected|readonly|override)\s+)*\*?\s*#?([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*[(:=?!]/g;
  for (const x of m.matchAll(member)) if (!KEYWORDS.has(x[1])) members.add(x[1]);
  for (const x of m.matchAll(/\.\s*([A-Za-z_$][\w$]*)\s*=[^=>]/g)) members.add(x[1]);
  for (const x of m.matchAll(/\bfunction\s*\*?\s+([A-Za-z_$][\w$]*)/g)) members.add(x[1]);
  return { values, types, members };
}

/** `a: number, b = 2, { c }: T` → `a, b , { c }` (annotations and defaults removed). */
function dropTypes(params: string): string {
  let depth = 0;
  let out = "";
  let skipping = false;
  for (const ch of params) {
    if ("<({[".includes(ch)) depth++;
    if (">)}]".includes(ch)) depth--;
    if ((ch === ":" || ch === "=") && depth === 0) skipping = true;
    else if (ch === "," && depth === 0) skipping = false;
    if (!skipping) out += ch;
  }
  return out;
}
