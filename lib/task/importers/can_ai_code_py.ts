/**
 * The Python side of the can-ai-code importer: a task whose tests.py evaluates the
 * interview's checks (can-ai-code's own Python expressions, `f.call(5)`, `len(f.args)`,
 * `f.args[0].name`, `f.name`) against the answer, through a small shim `f` that behaves as
 * upstream's `FunctionSandbox` (sbox/sandbox.py).
 *
 * @module
 */
import { caseName } from "./check_cases.ts";
import { pyLiteral, pythonTestsModule } from "./python_tests_module.ts";

/** What the can-ai-code importer hands over for one task. */
export interface CanAiCodePyInput {
  /** The task's key in the file (`FactorialZeroShot`). */
  key: string;
  /** The task's id. */
  id: string;
  /** Its fields: Signature, Input, Output, Checks, interview. */
  task: Record<string, unknown>;
  /** The signature without `def`, e.g. `factorial(n)`. */
  signature: string;
  /** The function name of the signature. */
  entry: string;
  /** The line of the task's key, for problems. */
  line: number;
  /** The file (the task's `dir`). */
  dir: string;
  /** Problems are added here. */
  problems: string[];
}

/**
 * The runtime every can-ai-code tests.py starts with. Upstream calls the first function
 * its regex finds in the answer, whatever its name; here, the first function the
 * `solution` module defines at its top level (module attributes keep definition order; a
 * decorated function is followed through `__wrapped__`), so no file needs reading. `f.args`
 * are its parameters in `inspect.signature`'s order, each with a `.name`, read from its code
 * object: importing `inspect` is not possible in the CPython sandbox (loading a module's
 * bytecode is refused once the candidate may run). `f.call` passes arguments and the result
 * through JSON, as upstream's wrapper (sbox/eval.python.tpl) does, a generator becoming a
 * list. An answer without a function fails every check, as upstream's NO_FUNCTION.
 */
const RUNTIME = `import json as _json
import types as _types

import solution as _solution


class _Parameter:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "<Parameter %s>" % self.name


class _Answer:
    """can-ai-code's view of the answer: its first top-level function."""

    def _first(self):
        for name, value in vars(_solution).items():
            function = value
            while not isinstance(function, _types.FunctionType) and hasattr(function, "__wrapped__"):
                function = function.__wrapped__
            if (
                isinstance(function, _types.FunctionType)
                and function.__name__ != "<lambda>"
                and getattr(value, "__module__", None) == _solution.__name__
            ):
                return name, value, function
        raise AssertionError("the answer defines no function (can-ai-code: NO_FUNCTION)")

    @property
    def name(self):
        return self._first()[0]

    @property
    def args(self):
        code = self._first()[2].__code__
        names = code.co_varnames
        positional, keyword = code.co_argcount, code.co_kwonlyargcount
        rest = positional + keyword
        out = list(names[:positional])
        if code.co_flags & 0x04:  # *args
            out.append(names[rest])
            rest += 1
        out += names[positional:positional + keyword]
        if code.co_flags & 0x08:  # **kwargs
            out.append(names[rest])
        return [_Parameter(n) for n in out]

    def call(self, *args):
        value = self._first()[1](*_json.loads(_json.dumps(args)))
        if isinstance(value, _types.GeneratorType):
            value = list(value)
        return _json.loads(_json.dumps(value))


f = _Answer()`;

/**
 * The Python task of one can-ai-code interview task, or null after recording its problems:
 * each check becomes one `core` case `assert <expression> == <expected>` (`eq-any`: the
 * value must be one of them), named as the JavaScript import names it, tagged
 * `weight:<n>` when weighted. The instructions follow can-ai-code's prompt: "Write a Python
 * function <Signature> <Input> that returns <Output>."
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { canAiCodePyTask } from "./can_ai_code_py.ts";
 * const task = canAiCodePyTask({
 *   key: "Twice", id: "twice", signature: "twice(x)", entry: "twice", line: 3, dir: "x.json", problems: [],
 *   task: { Signature: "twice(x)", Input: "with input x", Output: "2x", Checks: { v: { assert: "f.call(2)", eq: 4 } } },
 * })!;
 * assert.equal(task.instructions, "Write a Python function twice(x) with input x that returns 2x.");
 * assert.match(task.testsSource as string, /def _case_1\(\):\n {4}assert f\.call\(2\) == 4\n/);
 * ```
 */
export function canAiCodePyTask(input: CanAiCodePyInput): Record<string, unknown> | null {
  const { key, task: t, problems } = input;
  const at = `line ${input.line}`;
  const cases = [];
  for (const [name, check] of Object.entries(t.Checks as Record<string, unknown>)) {
    const c = check as Record<string, unknown> | null;
    const expression = typeof c?.assert === "string" ? c.assert.trim() : null;
    const any = c?.["eq-any"];
    if (!expression || !c || (!("eq" in c) && !Array.isArray(any))) {
      problems.push(`${at}: Checks.${name}: needs "assert" and "eq" (or "eq-any")`);
      continue;
    }
    // A check spread over lines is wrapped in brackets, so its line breaks are Python's.
    const value = expression.includes("\n") ? `(${expression})` : expression;
    const shown = Array.isArray(any) ? `any of ${JSON.stringify(any)}` : JSON.stringify(c.eq);
    const body = Array.isArray(any)
      ? `    _actual = ${value}\n    assert _actual in ${pyLiteral(any)}, "got %r" % (_actual,)`
      : `    assert ${value} == ${pyLiteral(c.eq)}`;
    cases.push({
      name: caseName(name, `${expression} == ${shown}`),
      body,
      tags: typeof c.weight === "number" ? [`weight:${c.weight}`] : [],
    });
  }
  if (cases.length === 0) return null;
  const interview = typeof t.interview === "string" ? t.interview : null;
  return {
    id: input.id,
    title: key,
    language: "py",
    instructions: `Write a Python function ${input.signature} ${t.Input} that returns ${t.Output}.`,
    entry: input.entry,
    signature: `def ${input.signature}`,
    reference: null,
    tests: "tests.py",
    cases: cases.map((c) => ({ name: c.name, kind: "core", tags: c.tags })),
    tags: ["can-ai-code", ...(interview ? [interview] : [])],
    referenceSource: null,
    testsSource: pythonTestsModule({
      origin: `Imported by assay from can-ai-code ${key}: one case per check, each ` +
        "can-ai-code's own Python expression about the answer's first function f.",
      imports: [RUNTIME],
      cases,
    }),
    dir: input.dir,
  };
}
