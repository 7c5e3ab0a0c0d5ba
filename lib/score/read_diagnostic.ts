/**
 * The failure category a type-check diagnostic points to, and when it counts: some explain any
 * failure (a missing export, a name declared nowhere), a TS1xxx explains a failed load, and the
 * rest (type mismatches) count only in strict mode.
 *
 * @module
 */
import { type CodeNames, codeNames } from "./code_names.ts";
import type { Diagnostic } from "../record/diagnostic.ts";

/** What one diagnostic means for the taxonomy. */
export interface DiagnosticReading {
  /** The category it is evidence for. */
  category: "syntax" | "wrong_interface" | "hallucinated_api" | "crash";
  /**
   * When it counts: `failed` whenever the sample failed at run time; `load_error` only when the
   * module failed to load (grammar errors the runtime may accept); `strict` only in strict mode.
   */
  counts: "failed" | "load_error" | "strict";
  /** Why, in one line. */
  reason: string;
  /** For a missing property on a non-local type, the property (feeds the runtime rules). */
  property?: string;
}

/** Diagnostics in the tests that mean the solution's shape is not the one asked for. */
const INTERFACE_CODES = new Set([
  2305,
  2724,
  2614,
  2459,
  2460,
  2554,
  2555,
  2556,
  2339,
  2551,
  2349,
  2351,
  2348,
]);
/** Names that cannot be found (2580… suggest installing types for Node, jQuery, test runners). */
const NAME_CODES = new Set([2304, 2552, 2580, 2581, 2582, 2591, 2592, 2593]);
/** Built-in types: a property missing on one of these was invented. */
const BUILTIN_TYPES = new Set(
  ("string number boolean bigint symbol String Number Boolean Object Function Array ReadonlyArray " +
    "Map ReadonlyMap Set ReadonlySet WeakMap WeakSet Promise Math JSON Date RegExp Error Console " +
    "ObjectConstructor ArrayConstructor NumberConstructor StringConstructor PromiseConstructor " +
    "DateConstructor MapConstructor SetConstructor JSON Iterator IterableIterator ArrayIterator " +
    "MapIterator SetIterator StringIterator RegExpMatchArray RegExpExecArray Uint8Array Deno Intl " +
    "Reflect Symbol BigInt globalThis").split(" "),
);

/**
 * Read one diagnostic against the candidate's code.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readDiagnostic } from "./read_diagnostic.ts";
 * const code = "export const last = (xs: number[]) => xs[xs.size - 1];";
 * const d = { code: 2339, message: "Property 'size' does not exist on type 'number[]'.", line: 1, column: 44, file: "solution" as const };
 * const reading = readDiagnostic(d, { code, entry: "last" });
 * assert.equal(reading.category, "hallucinated_api");
 * assert.equal(reading.counts, "failed");
 * assert.equal(reading.property, "size");
 * ```
 */
export function readDiagnostic(
  d: Diagnostic,
  context: { code: string; entry: string; names?: CodeNames },
): DiagnosticReading {
  const names = context.names ?? codeNames(context.code);
  if (d.file === "tests") {
    return INTERFACE_CODES.has(d.code)
      ? {
        category: "wrong_interface",
        counts: "failed",
        reason: "the tests cannot use the solution",
      }
      : { category: "wrong_interface", counts: "strict", reason: "the tests' types do not fit" };
  }
  if (d.code >= 1000 && d.code < 2000) {
    return { category: "syntax", counts: "load_error", reason: "a syntax or grammar error" };
  }
  if (d.code === 2307 || d.code === 2792) {
    return {
      category: "hallucinated_api",
      counts: "failed",
      reason: "a module that does not exist",
    };
  }
  if ([2305, 2614, 2724, 2694].includes(d.code)) {
    return {
      category: "hallucinated_api",
      counts: "failed",
      reason: "an export that does not exist",
    };
  }
  if (NAME_CODES.has(d.code)) {
    const name = /Cannot find name '([^']+)'/.exec(d.message)?.[1] ?? "";
    return names.values.has(name) || names.members.has(name)
      ? { category: "crash", counts: "strict", reason: `"${name}" is declared, but out of scope` }
      : { category: "hallucinated_api", counts: "failed", reason: `"${name}" is declared nowhere` };
  }
  if (d.code === 2339 || d.code === 2551) {
    const m = /Property '([^']+)' does not exist on type '(.+?)'(?:\.|$)/.exec(d.message);
    if (m && isBuiltinType(m[2], names)) {
      return {
        category: "hallucinated_api",
        counts: "failed",
        reason: `"${m[1]}" does not exist on the built-in type ${m[2]}`,
        property: m[1],
      };
    }
    return { category: "crash", counts: "strict", reason: "a property missing on a local type" };
  }
  return { category: "crash", counts: "strict", reason: "a type error in the solution" };
}

/** True when `type` (as TypeScript prints it) is a built-in type, not one the program declares. */
function isBuiltinType(type: string, names: CodeNames): boolean {
  const t = type.trim();
  if (/^[{(]/.test(t) || /\s[|&]\s/.test(t) || /^(?:never|unknown|object|any)$/.test(t)) {
    return false;
  }
  if (/\[\]$/.test(t)) return true; // arrays of anything
  const base = t.replace(/^typeof\s+/, "").replace(/^readonly\s+/, "").replace(/<.*$/, "").trim();
  if (names.types.has(base) || names.values.has(base)) return false;
  return BUILTIN_TYPES.has(base);
}
