/**
 * The failure category an error message points to: one rule per message shape, each checked
 * against what the program itself declares ({@link codeNames}). The messages are Deno's and
 * V8's as the sandbox reports them (`ReferenceError: x is not defined`, `TypeError: a.b is not a
 * function`, a parser message with its location, a module that cannot be found…).
 *
 * @module
 */
import { type CodeNames, codeNames } from "./code_names.ts";
import { readUndefinedName } from "./read_undefined.ts";

/** What an error message means for the taxonomy. */
export interface ErrorReading {
  /**
   * The category, or `behaviour` for a deliberate throw or an assertion: the program ran and
   * answered wrongly (decided later by which cases failed).
   */
  category:
    | "syntax"
    | "wrong_interface"
    | "hallucinated_api"
    | "resource"
    | "crash"
    | "behaviour";
  /** Why, in one line (quotes the name or module involved). */
  reason: string;
}

/** What the rules know about the program. */
export interface ErrorContext {
  /** The candidate's code. */
  code: string;
  /** The entry point the tests import. */
  entry: string;
  /** The tests' source, when known (to tell a method the tests call from one the code calls). */
  testsSource?: string;
  /** Properties named by TS2339/TS2551 diagnostics on non-local types (from the type-check). */
  missingProperties?: ReadonlySet<string>;
}

/** Globals whose missing methods are hallucinations, not local bugs. */
const BUILTIN_GLOBALS = new Set(
  ("Math JSON Object Array Number String Boolean Promise Reflect Date Intl console Deno BigInt " +
    "Symbol Map Set WeakMap WeakSet RegExp Error crypto performance Atomics Proxy globalThis " +
    "ArrayBuffer Uint8Array Int32Array Float64Array TextEncoder TextDecoder URL Iterator")
    .split(" "),
);

/**
 * Methods that exist in other languages' standard libraries (Python, Java, C#, Ruby, Kotlin,
 * Rust, lodash) but on no JavaScript built-in: calling one is the classic plausible hallucination.
 */
const FOREIGN_METHODS = new Set(
  [
    "append extend lower upper strip lstrip rstrip startswith endswith isdigit isalpha isalnum ",
    "isspace islower isupper capitalize title swapcase items iteritems contains containsKey ",
    "containsValue getOrDefault put putAll addAll removeAll removeAt remove insert isEmpty size ",
    "length count len each each_with_index collect select detect inject fold foldLeft foldRight ",
    "where sorted reversed sortBy sortedBy uniq distinct compact first last sum max min maximum ",
    "minimum average toList toCharArray equals mapValues mapKeys filterKeys filterValues zip ",
    "zipWith takeWhile dropWhile partition flatten chunked windowed format toUpper toLower isInt ",
    "isList nonEmpty head tail fetch store update discard popleft appendleft find_index index_of ",
    "to_string to_s isNumeric",
  ].join("").split(" "),
);

/** Markdown fence languages that extraction sometimes leaves as the first line of the code. */
const LANGUAGE_TAGS = new Set(["javascript", "typescript", "js", "ts", "jsx", "tsx", "node"]);

/** V8/Deno messages of an error the program did not mean to throw. */
const NATIVE = [
  /Cannot read propert(?:y|ies) of (?:undefined|null)/,
  /Cannot set propert(?:y|ies) of (?:undefined|null)/,
  /Cannot (?:destructure|convert undefined or null|create property|assign to read only|add property|delete property|redefine property|convert a Symbol|convert object to primitive|mix BigInt)/,
  /is not (?:a function|iterable|a constructor|defined|an object|extensible|a valid)/,
  /before initialization|Assignment to constant variable/,
  /Invalid (?:array length|time value|regular expression|code point|typed array length|count value|BigInt)/,
  /Reduce of empty array with no initial value|Converting circular structure to JSON/,
  /Do not know how to serialize a BigInt|in JSON at position|is not valid JSON|Unexpected end of JSON/,
  /toFixed\(\) digits|toPrecision\(\) argument|radix must be|Private field|Class constructor/,
  /Cannot convert .+ to a BigInt|cannot be converted to a BigInt|Division by zero/,
  /called on (?:null or undefined|incompatible receiver)|Cannot use 'in' operator|'instanceof'/,
  /Spread syntax requires|non-callable @@iterator|Generator is already running|Cannot define property/,
  /Invalid language tag|Incorrect locale information|Invalid time zone/,
  /(?:NotCapable|PermissionDenied|NotFound): /,
  /^thrown value could not be described$/,
];

/**
 * Read one error message (from a failed load, a case that threw, or stderr) in the context of the
 * program. `where` is "load" for a module that failed to load (a deliberate throw there still
 * breaks the load, so it reads as crash) or "case" for a case that threw.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readError } from "./read_error.ts";
 * const code = "export function add(a: number, b: number) { return Math.sum(a, b); }";
 * const reading = readError("TypeError: Math.sum is not a function", { code, entry: "add" }, "case");
 * assert.equal(reading.category, "hallucinated_api");
 * assert.equal(readError("RangeError: size must be positive", { code, entry: "add" }, "case").category, "behaviour");
 * ```
 */
export function readError(
  message: string,
  context: ErrorContext,
  where: "load" | "case",
): ErrorReading {
  const names = codeNames(context.code);
  const text = message.trim();
  // The entry exists only in an inner scope: the export the sandbox appended names nothing.
  const innerEntry = /^SyntaxError: Export '([^']+)' is not defined in module, in the export/
    .exec(text);
  if (where === "load" && innerEntry) {
    return {
      category: "wrong_interface",
      reason: `"${innerEntry[1]}" is not defined at the top level`,
    };
  }
  // Deno's wording (a job path, a code frame) or the sandbox's (lib/sandbox/load_evidence.ts).
  const located = /at file:\/\/\/|\n\s*\||\bat line \d+:\d+$/.test(text);
  const fromParser = /SyntaxError:/.test(text) && located &&
    !/does not provide an export named|\bJSON\b/.test(text);
  if (where === "load" && (fromParser || /source code could not be parsed/.test(text))) {
    return { category: "syntax", reason: "the parser rejected the code" };
  }
  // The sandbox's verdict on a pass that came after the code replaced a built-in the tests use.
  const tampered = /^the code under test changed the built-in (\S+), which the tests share/.exec(
    text,
  );
  if (tampered) {
    return { category: "crash", reason: `replaced the built-in ${tampered[1]} the tests rely on` };
  }
  const missingExport = /does not provide an export named '([^']+)'/.exec(text);
  if (missingExport) {
    const solution = /requested module '\.\/solution\.ts'/.test(text);
    return solution
      ? {
        category: "wrong_interface",
        reason: `the solution does not export "${missingExport[1]}"`,
      }
      : { category: "hallucinated_api", reason: `no export "${missingExport[1]}" in that module` };
  }
  if (
    /Module not found|Cannot find module|not a dependency|npm specifiers were requested|--no-remote|Relative import path|Unsupported scheme|Unable to load|Requires import access/
      .test(text)
  ) {
    return { category: "hallucinated_api", reason: "imports a module that is not available" };
  }
  if (/\b(?:wrong arity|wrong interface)\b/i.test(text)) {
    return { category: "wrong_interface", reason: "the tests report a wrong signature" };
  }
  if (
    /Maximum call stack size exceeded|Array buffer allocation failed|Invalid string length|out of memory|Reached heap limit/i
      .test(text)
  ) {
    return { category: "resource", reason: "a resource limit (stack, memory) was hit" };
  }
  const undefinedName = /ReferenceError: ([\w$]+) is not defined/.exec(text);
  if (undefinedName) {
    return readUndefinedName(undefinedName[1], context, {
      languageTags: LANGUAGE_TAGS,
      names,
      verb: "declared",
    });
  }
  const notCallable = /TypeError: (.+?) is not a (function|constructor)\b/.exec(text);
  if (notCallable) return readNotCallable(notCallable[1], context, names);
  const classCall = /Class constructor ([\w$]+) cannot be invoked without 'new'/.exec(text);
  if (classCall && classCall[1] === context.entry) {
    return { category: "wrong_interface", reason: `"${context.entry}" is a class, not a function` };
  }
  const wrongClass =
    /expected to be an instance of "[\w$]+"\. Received "([\w$]+)"\s*Error message:\s*([\s\S]*)$/
      .exec(text);
  if (wrongClass) {
    // assert.throws() caught an error of another class: read the error the program threw.
    const inner = readError(`${wrongClass[1]}: ${wrongClass[2].trim()}`, context, where);
    if (inner.category !== "behaviour") return inner;
  }
  if (/^AssertionError|^\w*Error: .*\[ERR_ASSERTION\]/.test(text)) {
    return { category: where === "load" ? "crash" : "behaviour", reason: "an assertion failed" };
  }
  if (NATIVE.some((pattern) => pattern.test(text))) {
    return { category: "crash", reason: "an uncaught runtime error" };
  }
  return where === "load"
    ? { category: "crash", reason: "the module threw while loading" }
    : { category: "behaviour", reason: "the program threw an error of its own" };
}

function readNotCallable(expr: string, context: ErrorContext, names: CodeNames): ErrorReading {
  const e = expr.trim();
  if (e === context.entry || e === `${context.entry}.default`) {
    return { category: "wrong_interface", reason: `the export "${context.entry}" is not callable` };
  }
  const member = /^(.*)\.(#?[\w$]+)$/.exec(e);
  if (!member) {
    return names.values.has(e) || names.members.has(e)
      ? { category: "crash", reason: `"${e}" is declared but is not a function` }
      : { category: "hallucinated_api", reason: `"${e}" is declared nowhere in the program` };
  }
  const [, receiver, prop] = member;
  // Only a plain path (`Math`, `Number`): `JSON.parse(...).x` is a call result, not JSON.
  const root = /^[\w$]+(?:\.[\w$]+)*$/.test(receiver) ? receiver.split(".")[0] : "";
  if (BUILTIN_GLOBALS.has(root) && !names.values.has(root)) {
    return { category: "hallucinated_api", reason: `"${root}" has no method "${prop}"` };
  }
  if (context.missingProperties?.has(prop)) {
    return { category: "hallucinated_api", reason: `the type-check finds no "${prop}" there` };
  }
  const defined = names.members.has(prop);
  const testsCall = context.testsSource !== undefined &&
    new RegExp(`\\.\\s*${prop.replace(/\$/g, "\\$")}\\s*\\(`).test(context.testsSource);
  if (testsCall && !defined) {
    return { category: "wrong_interface", reason: `the tests call ".${prop}()", never defined` };
  }
  if (!defined && (FOREIGN_METHODS.has(prop) || /^[a-z]+_[a-z_]+$/.test(prop))) {
    return { category: "hallucinated_api", reason: `".${prop}()" is no JavaScript built-in` };
  }
  return { category: "crash", reason: `"${e}" is not a function at run time` };
}
