/**
 * The failure taxonomy (DESIGN.md, "Definitions"): one primary category per failed sample, the
 * other categories that also apply, and the evidence behind each — a compiler diagnostic, an
 * error message, the failing case names.
 *
 * Precedence (the first category with evidence is primary; the rest are secondary, in order):
 *
 * 0. `generation_error` — the model gave no answer (the request failed): not the model's code at
 *    all, shown apart, with the error and the endpoint (scored as no runnable code).
 * 1. `no_code` — nothing extracted, or the answer is prose (a refusal) that cannot load.
 * 2. `syntax` — the module failed to load with a parser error; or TS1xxx diagnostics (they count
 *    when the load failed, or in strict mode).
 * 3. `wrong_interface` — the solution does not export the entry (`does not provide an export
 *    named`), the entry is not callable (`add is not a function`, a class called without `new`),
 *    the tests call a method the solution never defines, the tests report a wrong arity, or the
 *    tests do not type-check against it (TS2305/TS2724/TS2614 missing export, TS2554 arity,
 *    TS2339 missing member).
 * 4. `hallucinated_api` — a name declared nowhere in the program (`ReferenceError`, TS2304/2552),
 *    a method missing on a built-in (`Math.sum is not a function`, `.append()`, TS2339/TS2551 on
 *    a built-in type), a module or export that does not exist (TS2307, `Module not found`). An
 *    import of an npm package outside the task's declared dependencies (for Python, of a module
 *    outside the standard library and the task's `pythonPackages`) is labelled
 *    `undeclared_dependency` (the package exists) or `nonexistent_package` (it does not), when a
 *    package check's verdicts are given (`packages`; lib/score/package_check.ts,
 *    python_package_check.ts).
 * 5. `timeout` — a wall-clock limit killed the run: the sample's, or a test case's own; or the
 *    module never settled, work kept running after the cases (lib/sandbox/settle.ts).
 * 6. `resource` — the output or memory cap, `Maximum call stack size exceeded`, `Array buffer
 *    allocation failed`, `Invalid string length`.
 * 7. `crash` — any other error the program did not mean to throw (V8's own messages: `Cannot read
 *    properties of undefined`…), a throw while loading, an early exit, a pass voided because the
 *    program replaced a built-in the tests share (lib/sandbox/runner.ts); in strict mode, the
 *    remaining type errors in the solution (the compile-time form of a runtime fault).
 * 8. `boundary` — no core case fails by assertion (or by a deliberate throw), an edge case does.
 * 9. `misunderstanding` — more than half of the core cases fail that way.
 * 10. `partial` — at most half of the core cases fail that way.
 *
 * A deliberate throw (an error whose message is not one of V8's, e.g. `RangeError: size must be
 * positive` where the tests expected a value or another error class) is wrong behaviour, counted
 * with assertion failures, not a crash. Type-check diagnostics are recorded separately from
 * execution; without `strict` they only explain a failure the run showed, with `strict` a type
 * error alone fails the sample.
 *
 * A Python sample (`language: "py"`) has its error messages read by `read_python_error.ts`
 * (CPython's exceptions, the same categories); everything else is the same.
 *
 * @module
 */
import type { CaseVerdict } from "../record/case_verdict.ts";
import type { Outcome } from "../record/outcome.ts";
import { codeNames } from "./code_names.ts";
import { isProse } from "./prose.ts";
import { quoteNames, semanticPattern } from "./semantic_pattern.ts";
import { readDiagnostic } from "./read_diagnostic.ts";
import { type ErrorReading, readError } from "./read_error.ts";
import { readPythonError } from "./read_python_error.ts";
import type { Diagnostic } from "../record/diagnostic.ts";
import type { PackageVerdict } from "./package_check.ts";
import { undeclaredImport } from "../sandbox/undeclared_import.ts";
import { missingPythonPackage } from "./missing_python_package.ts";
import {
  Evidence,
  EvidenceLabel,
  EvidenceSource,
  FailureCategory,
  FailureClassification,
} from "../record/failure.ts";

/** What {@link classifyFailure} reads: a result record's fields plus the code and entry. */
export interface FailureInput {
  /** The extracted code; null when none was found. */
  code: string | null;
  /** How the sandboxed run ended. */
  outcome: Outcome;
  /** Detail for a non-completed outcome (the load error…). */
  detail: string;
  /** Per-case verdicts. */
  cases: readonly Pick<CaseVerdict, "name" | "kind" | "status" | "message">[];
  /** The tail of stderr. */
  stderr: string;
  /** The entry point the tests import. */
  entry: string;
  /** Type-check diagnostics of the sample, when it was checked. */
  diagnostics?: readonly Diagnostic[];
  /** The tests' source, when known (tells a method the tests call from one the code calls). */
  testsSource?: string;
  /**
   * Verdicts on the packages the run could not import ({@link importedPackages}), from a
   * package check (lib/score/package_check.ts): each adds `hallucinated_api` evidence labelled
   * `undeclared_dependency` or `nonexistent_package`. Absent: such imports stay unlabelled.
   */
  packages?: Readonly<Record<string, PackageVerdict>>;
  /** The sample's language: "py" reads its errors as CPython's (read_python_error.ts). @default "ts" */
  language?: string;
}

/**
 * The npm packages a failed run could not import (outside the task's declared dependencies),
 * read from the load detail, the case messages and stderr: the names to check before
 * {@link classifyFailure} (`packages`). For a Python sample (`language: "py"`), the top-level
 * modules it could not import that are not in the standard library (missing_python_package.ts),
 * to check with a Python package check (python_package_check.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importedPackages } from "./taxonomy.ts";
 * assert.deepEqual(importedPackages({
 *   code: 'import { z } from "zod";', outcome: "load_error", stderr: "", cases: [],
 *   detail: 'import of "zod", not a declared dependency: TypeError: Import "zod" not a dependency',
 * }), ["zod"]);
 * assert.deepEqual(importedPackages({
 *   code: "import yaml", outcome: "load_error", stderr: "", cases: [], language: "py",
 *   detail: "ModuleNotFoundError: No module named 'yaml' (solution.py, line 1)",
 * }), ["yaml"]);
 * ```
 */
export function importedPackages(
  input: Pick<FailureInput, "code" | "detail" | "cases" | "stderr" | "outcome" | "language">,
): string[] {
  const texts = [
    ...(input.outcome === "completed" ? [] : [input.detail, input.stderr]),
    ...input.cases.filter((c) => c.status === "error").map((c) => c.message),
  ];
  const found = new Set<string>();
  for (const text of texts) {
    const name = input.language === "py"
      ? missingPythonPackage(text)
      : undeclaredImport(text, input.code ?? "");
    if (name !== null) found.add(name);
  }
  return [...found].sort();
}

/** Options for {@link classifyFailure}. */
export interface ClassifyOptions {
  /** Count type errors as failures: a sample that passes every case still fails on them. @default false */
  strict?: boolean;
}

const ORDER = FailureCategory.options;

/**
 * Classify one sample's failure, or return null when it did not fail (every case passed and, in
 * strict mode, no type error).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyFailure } from "./taxonomy.ts";
 * const result = classifyFailure({
 *   code: "export function add(a: number, b: number) { return Math.sum(a, b); }",
 *   outcome: "completed",
 *   detail: "",
 *   cases: [{ name: "adds", kind: "core", status: "error", message: "TypeError: Math.sum is not a function" }],
 *   stderr: "",
 *   entry: "add",
 * });
 * assert.equal(result?.category, "hallucinated_api");
 * assert.match(result?.evidence[0].text ?? "", /Math.sum is not a function/);
 * ```
 */
export function classifyFailure(
  input: FailureInput,
  options: ClassifyOptions = {},
): FailureClassification | null {
  const strict = options.strict ?? false;
  const evidence: Evidence[] = [];
  const add = (category: FailureCategory, source: EvidenceSource, text: string) =>
    evidence.push({ category, source, text: clean(text) });
  const { code, outcome } = input;
  const read = input.language === "py" ? readPythonError : readError;
  if (outcome === "generation_error") {
    add("generation_error", "generation", input.detail || "the request failed");
    return finish(evidence);
  }
  if (code === null || code.trim() === "" || outcome === "no_code") {
    // A files answer's detail says why no files could be taken (a hunk that does not apply…).
    const why = /^no changed files could be taken: /.test(input.detail)
      ? input.detail
      : "no code in the answer";
    add("no_code", "extraction", code === null ? why : "the code is empty");
    return finish(evidence);
  }
  const names = codeNames(code);
  const readings = (input.diagnostics ?? []).map((d) => ({
    d,
    r: readDiagnostic(d, { code, entry: input.entry, names }),
  }));
  const context = {
    code,
    entry: input.entry,
    testsSource: input.testsSource,
    missingProperties: new Set(readings.flatMap(({ r }) => r.property ?? [])),
  };
  if (outcome === "load_error" && isProse(code)) {
    add("no_code", "extraction", `the answer is prose, not code: ${code.trim().slice(0, 80)}`);
  }
  if (outcome === "load_error") {
    const r = read(input.detail, context, "load");
    add(atLoad(r), "load", `${r.reason}: ${input.detail}`);
  } else if (
    outcome === "timeout" &&
    input.cases.some((c) => c.status === "missing" || c.status === "timeout")
  ) {
    // A case stopped at its own limit (the rest ran on), or the sample's limit cut the run short.
    add("timeout", "sandbox", `killed: ${input.detail}`);
  } else if (outcome === "output_limit" || outcome === "memory_limit") {
    add("resource", "sandbox", `${outcome}: ${input.detail}`);
  } else if (outcome === "exited") {
    const r = read(`${input.detail}\n${input.stderr}`, context, "load");
    const specific = ["resource", "hallucinated_api", "wrong_interface"].includes(r.category);
    const category = specific ? atLoad(r) : "crash";
    add(category, "sandbox", `${input.detail}${specific ? ` (${r.reason})` : ""}`);
  }
  for (const name of importedPackages(input)) {
    const v = input.packages?.[name];
    if (!v) continue;
    const label: EvidenceLabel = v.exists ? "undeclared_dependency" : "nonexistent_package";
    evidence.push({
      category: "hallucinated_api",
      label,
      source: outcome === "completed" ? "runtime" : "load",
      text: clean(
        `${label}: imports "${name}", ${
          v.exists ? "a real package the task does not declare" : "a package that does not exist"
        } (checked by ${v.checkedBy}: ${v.detail})`,
      ),
    });
  }
  const failing = input.cases.filter((c) => c.status === "fail" || c.status === "error");
  const grouped = new Map<
    string,
    { category: FailureCategory; source: EvidenceSource; reason: string; names: string[] }
  >();
  const behaviour: typeof failing = [];
  for (const c of failing) {
    const r = read(c.message, context, "case");
    if (r.category === "behaviour") {
      behaviour.push(c);
      continue;
    }
    const message = clean(c.message, 160);
    const key = `${r.category}\u0000${message}`;
    const group = grouped.get(key) ??
      {
        category: r.category,
        source: c.status === "fail" ? "tests" : "runtime",
        reason: `${r.reason}: ${message}`,
        names: [],
      };
    group.names.push(c.name);
    grouped.set(key, group);
  }
  for (const g of grouped.values()) {
    add(g.category, g.source, `${g.reason} (in ${quoteNames(g.names)})`);
  }
  const pattern = semanticPattern(input.cases, behaviour);
  if (pattern) add(pattern.category, "tests", pattern.text);
  const failedRun = outcome !== "completed" || input.cases.some((c) => c.status !== "pass");
  for (const { d, r } of readings) {
    const counts = strict || (r.counts === "failed" && failedRun) ||
      (r.counts === "load_error" && outcome === "load_error");
    if (!counts) continue;
    add(
      r.category,
      "typecheck",
      `TS${d.code} at ${d.file}.ts:${d.line}:${d.column}: ${d.message} (${r.reason})`,
    );
  }
  if (evidence.length === 0) {
    if (!failedRun) return null;
    if (outcome === "timeout") {
      // Every case reported, then the clock ran out: the timeout is the only failure.
      add("timeout", "sandbox", `killed after every case reported: ${input.detail}`);
      return finish(evidence);
    }
    add("crash", "sandbox", `the run ended "${outcome}" with unexplained missing cases`);
  }
  return finish(evidence);
}

function atLoad(r: ErrorReading): FailureCategory {
  return r.category === "behaviour" ? "crash" : r.category;
}

function finish(evidence: Evidence[]): FailureClassification {
  const present = ORDER.filter((c) => evidence.some((e) => e.category === c));
  // Within a category, a labelled fact (the more specific one) comes first.
  const rank = (e: Evidence) => ORDER.indexOf(e.category) * 2 + (e.label ? 0 : 1);
  const labels = [...new Set(evidence.flatMap((e) => e.label ?? []))];
  return {
    category: present[0],
    secondary: present.slice(1),
    evidence: [...evidence].sort((a, b) => rank(a) - rank(b)),
    ...(labels.length ? { labels } : {}),
  };
}

/** One line, job paths removed, at most `max` characters. */
function clean(text: string, max = 400): string {
  const one = text.replace(/file:\/\/\/\S*?\/assay-job-[\w-]+\//g, "./")
    .replace(/\s*\n\s*\|?\s*/g, " ").replace(/\s+/g, " ").trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
