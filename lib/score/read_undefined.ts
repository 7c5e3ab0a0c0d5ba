/**
 * The failure category of a name the program uses but that is not defined where it is used
 * (`ReferenceError: x is not defined`, Python's `NameError: name 'x' is not defined`): one rule
 * for both languages (read_error.ts, read_python_error.ts).
 *
 * @module
 */

/** What {@link readUndefinedName} knows of the program: its language's tags and its names. */
export interface UndefinedNameRules {
  /** Fence language tags that extraction sometimes leaves as a line of the code (`ts`, `python`). */
  languageTags: ReadonlySet<string>;
  /** The names the program declares (code_names.ts, python_names.ts). */
  names: { values: ReadonlySet<string>; members: ReadonlySet<string> };
  /** The language's word for introducing a name: `declared` (JavaScript) or `defined` (Python). */
  verb: "declared" | "defined";
}

/** What an undefined name means for the taxonomy (an `ErrorReading` of read_error.ts). */
export interface UndefinedNameReading {
  /** `syntax`, `wrong_interface`, `crash` or `hallucinated_api`. */
  category: "syntax" | "wrong_interface" | "crash" | "hallucinated_api";
  /** Why, in one line, quoting the name. */
  reason: string;
}

/**
 * Read an undefined `name` in `context` (the candidate's code and the entry point the tests
 * import): a fence's language tag left on a line of its own is `syntax` (the answer is
 * malformed), the entry point `wrong_interface`, a name the program declares elsewhere `crash`
 * (a scope bug), any other `hallucinated_api`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readUndefinedName } from "./read_undefined.ts";
 * const rules = {
 *   languageTags: new Set(["python"]),
 *   names: { values: new Set(["total"]), members: new Set<string>() },
 *   verb: "defined" as const,
 * };
 * const context = { code: "python\ndef add(a, b):\n    return plus(a, b)\n", entry: "add" };
 * assert.equal(readUndefinedName("python", context, rules).category, "syntax");
 * assert.equal(readUndefinedName("add", context, rules).category, "wrong_interface");
 * assert.equal(readUndefinedName("total", context, rules).category, "crash");
 * assert.deepEqual(readUndefinedName("plus", context, rules), {
 *   category: "hallucinated_api",
 *   reason: '"plus" is defined nowhere in the program',
 * });
 * ```
 */
export function readUndefinedName(
  name: string,
  context: { code: string; entry: string },
  rules: UndefinedNameRules,
): UndefinedNameReading {
  const alone = new RegExp(`^\\s*${name}\\s*$`, "m");
  if (rules.languageTags.has(name.toLowerCase()) && alone.test(context.code)) {
    // A markdown fence's language tag left on its own line: the answer is malformed, not wrong.
    return { category: "syntax", reason: `a stray language tag "${name}" on its own line` };
  }
  if (name === context.entry) {
    return { category: "wrong_interface", reason: `the entry "${name}" is not defined` };
  }
  if (rules.names.values.has(name) || rules.names.members.has(name)) {
    return { category: "crash", reason: `"${name}" is declared, but not in that scope` };
  }
  return {
    category: "hallucinated_api",
    reason: `"${name}" is ${rules.verb} nowhere in the program`,
  };
}
