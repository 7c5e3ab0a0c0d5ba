/**
 * Writing a generated Python tests file (`tests.py` of the Python task contract):
 * imports from the module `solution`, shared module code, one function per case and
 * the `cases` dict, plus the Python literals the importers bake into it.
 *
 * @module
 */

/** One case of a generated tests.py. */
export interface PythonCaseSource {
  /** The case name: its key in `cases`. */
  name: string;
  /** The function body, every line indented by 4 spaces. */
  body: string;
}

/** The parts of a generated tests.py. */
export interface PythonTestsParts {
  /** The first comment line: where the tests come from. */
  origin: string;
  /** More comment lines (without `#`), after the origin. @default [] */
  comments?: string[];
  /**
   * Code the benchmark's prompt gave before the entry function (imports, helpers). It runs
   * first, is in scope for the cases, and is lent to the candidate as in the original
   * harnesses, which ran prompt and completion as one program: its names resolve while
   * `solution` is imported (through `builtins`, restored afterwards) and are then set on the
   * `solution` module where the candidate does not define them. @default "" (none)
   */
  given?: string;
  /** Import statements; one must import from `solution`. */
  imports: string[];
  /** Module code after the imports (helpers, `candidate = <entry>`). @default [] */
  module?: string[];
  /** The cases, in order. */
  cases: PythonCaseSource[];
}

/**
 * The source of a tests.py defining `cases = {"<name>": <function>}`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pythonTestsModule } from "./python_tests_module.ts";
 * const src = pythonTestsModule({
 *   origin: "demo",
 *   imports: ["from solution import add"],
 *   cases: [{ name: "adds", body: "    assert add(1, 2) == 3" }],
 * });
 * assert.equal(src, "# demo\nfrom solution import add\n\n\ndef _case_1():\n    assert add(1, 2) == 3\n\n\ncases = {\n    \"adds\": _case_1,\n}\n");
 * ```
 */
export function pythonTestsModule(parts: PythonTestsParts): string {
  const out = [
    `# ${oneLine(parts.origin)}`,
    ...(parts.comments ?? []).map((c) => `# ${oneLine(c)}`),
  ];
  if (parts.given?.trim()) out.push(givenCode(parts.given.trim()));
  out.push(...parts.imports);
  if (parts.module?.length) out.push("", ...parts.module);
  parts.cases.forEach((c, k) => out.push("", "", `def _case_${k + 1}():`, c.body));
  out.push("", "", "cases = {");
  parts.cases.forEach((c, k) => out.push(`    ${pyString(c.name)}: _case_${k + 1},`));
  out.push("}", "");
  return out.join("\n");
}

/** The prompt's code, then lending its names to the candidate's module. */
function givenCode(given: string): string {
  return `
# The prompt's code (imports, helpers): in scope for these tests, and lent to the candidate as
# in the original harness, which ran prompt and completion as one program.
import builtins as _builtins

_before = set(globals())

${given}

_given = {_k: _v for _k, _v in globals().items() if _k not in _before and _k != "_before"}
_lent = [_k for _k in _given if not hasattr(_builtins, _k)]
for _k in _lent:
    setattr(_builtins, _k, _given[_k])
try:
    import solution as _solution
finally:
    for _k in _lent:
        delattr(_builtins, _k)
for _k, _v in _given.items():
    if not hasattr(_solution, _k):
        setattr(_solution, _k, _v)
`.trimStart();
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * A Python string literal for `text` (a JSON string literal is one: its escapes
 * `\" \\ \n \t \uXXXX` mean the same in Python).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pyString } from "./python_tests_module.ts";
 * assert.equal(pyString('say "hi"\n'), '"say \\"hi\\"\\n"');
 * ```
 */
export function pyString(text: string): string {
  return JSON.stringify(text);
}

/**
 * A Python literal for a JSON value: `null` → `None`, `true` → `True`, arrays →
 * lists, objects → dicts. Integers beyond 2^53 have already lost precision in
 * JavaScript: read such values in Python instead (see evalplus.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pyLiteral } from "./python_tests_module.ts";
 * assert.equal(pyLiteral({ a: [1, 2.5, null, true], "b c": "x" }), '{"a": [1, 2.5, None, True], "b c": "x"}');
 * ```
 */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return 'float("nan")';
    if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : '-float("inf")';
    return String(value);
  }
  if (typeof value === "string") return pyString(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pyString(k)}: ${pyLiteral(v)}`).join(", ")}}`;
  }
  throw new TypeError(`cannot write ${typeof value} as a Python literal`);
}
