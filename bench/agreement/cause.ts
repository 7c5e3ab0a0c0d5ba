/**
 * A short cause for a sample whose two verdicts differ, derived from the evidence: assay's first
 * failing case or outcome and its extracted code, the harness's failing check, error line or
 * extracted code. Causes are worded so that differences group. Pure.
 *
 * @module
 */
import { npmDependencies } from "../../lib/source/npm_dependencies.ts";
import type { Comparison } from "./verdict.ts";

/**
 * The kind of an error message with its particulars masked, so that differences group: quoted
 * text becomes `…`, numbers `N`, the name in "x is not defined" `<name>`; at most 70 characters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { errorKind } from "./cause.ts";
 * assert.equal(errorKind("case 1: error: ReferenceError: total is not defined\n  at x"), "ReferenceError: <name> is not defined");
 * assert.equal(errorKind("Expected values to be strictly equal: 3 !== 4"), "Expected values to be strictly equal: N !== N");
 * ```
 */
export function errorKind(message: string): string {
  const line = message.split("\n").find((l) => l.trim() !== "") ?? "";
  const error = line.match(/\b([A-Z]\w*Error|Error)\b:?\s*(.*)$/);
  const text = error ? `${error[1]}${error[2] ? `: ${error[2]}` : ""}` : line.trim();
  return text
    .replace(/\b[\w$.]+ is not defined/g, "<name> is not defined")
    .replace(/\b[\w$.]+ is not a function/g, "<name> is not a function")
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, "…")
    .replace(/-?\b\d+(\.\d+)?\b/g, "N")
    .slice(0, 70);
}

/**
 * Whether `code` assigns to `name` without a declaration the runtime saw: with a ReferenceError
 * "name is not defined", such an assignment is an implicit global, legal only in sloppy mode.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { assignsUndeclared } from "./cause.ts";
 * assert.equal(assignsUndeclared("function f(n) { for (i = 0; i < n; i++) {} }", "i"), true);
 * assert.equal(assignsUndeclared("function f(n) { return i == n; }", "i"), false);
 * ```
 */
export function assignsUndeclared(code: string, name: string): boolean {
  const id = name.replace(/\$/g, "\\$");
  return new RegExp(
    `(^|[^.\\w$])${id}\\s*(=(?![=>])|\\+\\+|--|[-+*/%&|^]=)|(\\+\\+|--)${id}\\b|\\(\\s*${id}\\s+(of|in)\\b`,
  ).test(code);
}

/**
 * The functions `code` declares at its top level and inside, in order of appearance
 * (`function f`, `const f = (…) =>`, `const f = function`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { declaredFunctions } from "./cause.ts";
 * assert.deepEqual(declaredFunctions("function gcd(a, b) {}\nconst fofx = (x, y) => gcd(x, y);"), ["gcd", "fofx"]);
 * ```
 */
export function declaredFunctions(code: string): string[] {
  const pattern =
    /\bfunction\s*\*?\s*([\w$]+)|\b(?:const|let|var)\s+([\w$]+)\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[\w$]+\s*=>)/g;
  return [...code.matchAll(pattern)].map((m) => m[1] ?? m[2]);
}

/** Code compared as extracted (line endings and surrounding blank space ignored). */
const sameCode = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? "").replace(/\r\n/g, "\n").trim() === (b ?? "").replace(/\r\n/g, "\n").trim();

/**
 * A short cause for a sample whose verdicts differ: which side fails and why, from the evidence.
 * A task error (the task's reference fails its own tests) is prefixed `[task error]`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { deriveCause } from "./cause.ts";
 * const failedCase = { name: "a", status: "error", message: "ReferenceError: x is not defined" };
 * const assay = { pass: false, outcome: "completed", detail: "", category: "crash", failedCase, taskError: null, sloppyOnly: false, code: "x + 1", entry: "f" };
 * const harness = { pass: true, detail: null };
 * assert.equal(deriveCause({ id: "t", assay, harness }), "assay fails: ReferenceError: <name> is not defined");
 * assert.equal(
 *   deriveCause({ id: "t", assay: { ...assay, code: "x = 1" }, harness }),
 *   "assay fails: assignment to an undeclared variable (an implicit global: sloppy mode only)",
 * );
 * assert.equal(
 *   deriveCause({ id: "t", assay: { ...assay, code: "f(1)" }, harness: { ...harness, code: "function f() {}" } }),
 *   "assay fails: assay extracted other code than the harness (assay's does not define the entry)",
 * );
 * const passing = { ...assay, pass: true, code: "function g(a) {}\nfunction f(b) { return g(b); }" };
 * assert.equal(
 *   deriveCause({ id: "t", assay: passing, harness: { pass: false, detail: 'check f.args[0].name == "b", got "a"' } }),
 *   "harness fails: check f.args[0].name (the answer declares another function before the entry)",
 * );
 * assert.equal(
 *   deriveCause({ id: "t", assay: { ...assay, pass: true, code: "import * as m from 'mathjs'" }, harness: { pass: false, detail: null } }),
 *   "harness fails (no detail recorded): the program imports mathjs",
 * );
 * ```
 */
export function deriveCause(c: Comparison): string {
  if (c.assay.pass === c.harness.pass) return "agree";
  const cause = c.harness.pass ? assayFailure(c) : harnessFailure(c);
  return c.assay.taskError ? `[task error] ${cause}` : cause;
}

function assayFailure({ assay: a, harness: h }: Comparison): string {
  if (h.code !== undefined && !sameCode(h.code, a.code)) {
    const defines = declaredFunctions(a.code ?? "").includes(a.entry);
    return `assay fails: assay extracted other code than the harness (${
      a.code === null
        ? "assay found none"
        : defines
        ? "both define the entry"
        : "assay's does not define the entry"
    })`;
  }
  if (a.outcome === "no_code") return "assay fails: no code extracted";
  const message = a.detail || a.failedCase?.message || "";
  const undefinedName = message.match(/ReferenceError: ([\w$]+) is not defined/)?.[1];
  if (undefinedName && a.code && assignsUndeclared(a.code, undefinedName)) {
    return "assay fails: assignment to an undeclared variable (an implicit global: sloppy mode only)";
  }
  if (undefinedName === "require") {
    return "assay fails: require is not defined (CommonJS require, which node scripts have)";
  }
  if (/Cannot assign to read only property/.test(message)) {
    return "assay fails: assignment to a read-only property (strict mode throws, sloppy mode ignores it)";
  }
  if (/does not provide an export named/.test(message)) {
    return "assay fails: the answer does not define the entry function";
  }
  const status = a.failedCase && !["fail", "error"].includes(a.failedCase.status)
    ? ` (${a.failedCase.status})`
    : "";
  return `assay fails${status}: ${errorKind(message) || a.outcome}`;
}

function harnessFailure({ assay: a, harness: h }: Comparison): string {
  if (h.code !== undefined && !sameCode(h.code, a.code)) {
    return "harness fails: the harness extracted other code than assay";
  }
  if (h.detail === null) {
    const packages = npmDependencies(a.code ?? "");
    return `harness fails (no detail recorded)${
      packages.length ? `: the program imports ${packages.join(", ")}` : ""
    }`;
  }
  const check = h.detail.match(/^check (.*?) ==/);
  if (check) {
    const first = declaredFunctions(a.code ?? "")[0];
    const other = /^f\.(name|args)/.test(check[1]) && first !== undefined && first !== a.entry;
    return `harness fails: check ${check[1].replace(/\(.+\)/, "(…)")}${
      other ? " (the answer declares another function before the entry)" : ""
    }`;
  }
  return `harness fails: ${errorKind(h.detail)}`;
}
