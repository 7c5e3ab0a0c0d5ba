/**
 * Importing EvalPlus HumanEval+ and MBPP+ (evalplus/evalplus releases: fields `task_id`,
 * `prompt`, `entry_point`, `canonical_solution`, `base_input`, `plus_input`, `atol`, and
 * optionally `contract`, `expected_output`) as Python tasks whose expected outputs are
 * computed once, at import time, by running the reference.
 *
 * Per-case time limits: EvalPlus gives each input a limit of a multiple of the reference's
 * time. The task schema has no field for them, so the importer writes them into tests.py as
 * one comment line, `# assay-case-limits: {"<case name>": <ms>, …}` (case_limits_line.ts), each
 * `max(4 × reference time, 4 s)` as EvalPlus's defaults (`--gt-time-limit-factor 4`,
 * `--min-time-limit 4`); a run reads them back with `caseLimitsOf` and runs each
 * case under its own (lib/run/sample_limits.ts).
 *
 * @module
 */
import { resolve } from "node:path";
import { buildSuite, type TaskDraft } from "./build_suite.ts";
import { caseLimitsComment } from "./case_limits_line.ts";
import { caseName } from "./check_cases.ts";
import { type ComputeExpected, type ExpectedOutput, pythonExpected } from "./evalplus_expected.ts";
import { humanEvalTaskId, type SuiteWithNotes } from "./humaneval_py.ts";
import { cleandoc, splitPythonPrompt } from "./python_prompt.ts";
import { headerColon, readPython } from "./python_lines.ts";
import { type PythonCaseSource, pythonTestsModule } from "./python_tests_module.ts";
import { fieldReader, readJsonl } from "./read_records.ts";

/** Bump when the tasks this importer produces change. */
export const EVALPLUS_IMPORTER_VERSION = 2;

/** Options for {@link importEvalPlus}. */
export interface EvalPlusOptions {
  /** Import only the first N records. @default all */
  limit?: number;
  /** Runs the references to get the expected outputs. @default pythonExpected() (/usr/bin/python3) */
  computeExpected?: ComputeExpected;
  /** The least per-case limit, ms (EvalPlus's `--min-time-limit`). @default 4000 */
  minLimitMs?: number;
}

/** A case's limit: this many times the reference's time… */
export const LIMIT_FACTOR = 4;
/** …and at least this many ms (EvalPlus's DEFAULT_MIN_TIME_LIMIT: a floor this low still lets
 * a loaded machine, or Pyodide, stop an honest answer). */
export const LIMIT_FLOOR_MS = 4000;

const CLOSE = `def _close(got, expected, atol):
    # EvalPlus's comparison: equal, or of the same type (and length) with every number within
    # atol + 1e-7 * |expected| (numpy.allclose).
    if got == expected:
        return True
    if type(got) is not type(expected):
        return False
    return _allclose(got, expected, atol)


def _allclose(got, expected, atol):
    if isinstance(expected, (list, tuple)):
        return isinstance(got, (list, tuple)) and len(got) == len(expected) and all(
            _allclose(g, e, atol) for g, e in zip(got, expected)
        )
    try:
        return abs(got - expected) <= atol + 1e-7 * abs(expected)
    except TypeError:
        return got == expected`;

/**
 * Import an EvalPlus file. Each `base_input` entry is a `core` case and each `plus_input`
 * entry an `edge` case (`base 1: f(1, 2)`, `plus 4: f(…)`), asserting the reference's
 * output as a Python literal: with `==`, or, when `atol` > 0 or the output is floats, with
 * EvalPlus's tolerance (`atol`, else 1e-6; rtol 1e-7). HumanEval+'s `find_zero` is judged as
 * EvalPlus does (`|poly(xs, x)| <= atol`). The instructions and signature come from the
 * prompt (HumanEval+: the entry's docstring and `def` line, its helpers in scope as in
 * `importHumanEvalPy`; MBPP+: the prompt's text and the reference's `def` line). Ids as
 * HumanEval's and MBPP's own (`humaneval-0`, `mbpp-2`); tags `evalplus` and
 * `humaneval-plus` or `mbpp-plus`. `contract` and `expected_output` are not used. An input
 * the reference fails on is left out, with a note. Throws an `ImportError` listing every
 * malformed record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importEvalPlus } from "./evalplus.ts";
 * import { caseLimitsOf } from "./case_limits_line.ts";
 * const file = new URL("../../../data/fixtures/importers/evalplus-humaneval.jsonl", import.meta.url).pathname;
 * const suite = await importEvalPlus(file);
 * const task = suite.tasks.find((t) => t.id === "fixture-3")!;
 * assert.deepEqual(task.cases.map((c) => [c.name, c.kind]).slice(1, 3), [
 *   ["base 2: digit_sum(0)", "core"],
 *   ["plus 1: digit_sum(1000000000000000000000000000001)", "edge"],
 * ]);
 * assert.match(task.testsSource, /assert digit_sum\(1000000000000000000000000000001\) == 2\n/);
 * assert.ok(caseLimitsOf(task.testsSource)["base 1: digit_sum(-123)"] >= 50);
 * ```
 */
export async function importEvalPlus(
  path: string,
  options: EvalPlusOptions = {},
): Promise<SuiteWithNotes> {
  const { text, records, problems } = await readJsonl(path, options.limit);
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const parsed = [];
  for (const record of records) {
    const at = `line ${record.line}`;
    const field = fieldReader(record, problems);
    const taskId = field("task_id"), prompt = field("prompt"), entry = field("entry_point");
    const solution = field("canonical_solution");
    if (taskId === null || prompt === null || entry === null || solution === null) continue;
    const r = record.value as Record<string, unknown>;
    if (!Array.isArray(r.base_input)) {
      problems.push(`${at}: base_input: must be a list of argument lists`);
      continue;
    }
    if (r.plus_input !== undefined && r.plus_input !== null && !Array.isArray(r.plus_input)) {
      problems.push(`${at}: plus_input: must be a list of argument lists`);
      continue;
    }
    const atol = r.atol ?? 0;
    if (typeof atol !== "number" || atol < 0) {
      problems.push(`${at}: atol: must be a number >= 0`);
      continue;
    }
    const defines = new RegExp(`^(?:async\\s+)?def\\s+${entry}\\s*\\(`, "m");
    const reference = defines.test(solution) ? solution : prompt + solution;
    let parts;
    try {
      parts = promptParts(prompt, reference, entry);
    } catch (error) {
      problems.push(`${at}: prompt: ${(error as Error).message}`);
      continue;
    }
    parsed.push({ line: record.line, taskId, entry, reference, atol, parts });
  }
  const compute = options.computeExpected ?? pythonExpected();
  const results = await compute(parsed.map((p) => ({
    id: p.taskId,
    reference: p.reference,
    entry: p.entry,
    record: lines[p.line - 1],
  })));
  const drafts: TaskDraft[] = [];
  const notes: string[] = [];
  for (const [k, p] of parsed.entries()) {
    const result = results[k];
    const at = `line ${p.line}`;
    if (!result || result.error) {
      problems.push(`${at}: canonical_solution: the reference does not run: ${result?.error}`);
      continue;
    }
    const cases: (PythonCaseSource & { kind: string; limit: number })[] = [];
    const left: string[] = [];
    for (const [kind, outputs] of [["base", result.base], ["plus", result.plus]] as const) {
      outputs.forEach((o, i) => {
        if (o.error !== null || o.expected === null) {
          left.push(`${kind} ${i + 1} (${o.error})`);
          return;
        }
        cases.push({
          name: caseName(`${kind} ${i + 1}`, `${p.entry}(${o.args})`),
          kind: kind === "base" ? "core" : "edge",
          body: caseBody(p.entry, o, p.atol, p.parts.given),
          limit: Math.max(Math.ceil(LIMIT_FACTOR * o.ms), options.minLimitMs ?? LIMIT_FLOOR_MS),
        });
      });
    }
    if (left.length) notes.push(`${p.taskId}: the reference fails on ${left.join(", ")}: left out`);
    if (cases.length === 0) {
      problems.push(`${at}: base_input: no input the reference runs on`);
      continue;
    }
    const limits = Object.fromEntries(cases.map((c) => [c.name, c.limit]));
    const total = cases.reduce((n, c) => n + c.limit, 0);
    const id = humanEvalTaskId(p.taskId);
    const dataset = /^humaneval/.test(id)
      ? "humaneval-plus"
      : /^mbpp/.test(id)
      ? "mbpp-plus"
      : null;
    drafts.push({
      line: p.line,
      task: {
        id,
        title: p.taskId,
        language: "py",
        instructions: p.parts.instructions,
        entry: p.entry,
        signature: p.parts.signature,
        reference: "reference.py",
        tests: "tests.py",
        cases: cases.map((c) => ({ name: c.name, kind: c.kind, tags: [] })),
        tags: ["evalplus", ...(dataset ? [dataset] : [])],
        timeoutMs: Math.max(5_000, Math.min(60_000, total) + 1_000),
        referenceSource: p.reference,
        testsSource: pythonTestsModule({
          origin: `Imported by assay from EvalPlus ${p.taskId}: one case per base input (core) ` +
            "and plus input (edge), the expected outputs computed from the reference at import.",
          comments: [caseLimitsComment(limits)],
          given: p.parts.given,
          imports: [`from solution import ${p.entry}`],
          module: cases.some((c) => c.body.includes("_close(")) ? [CLOSE] : [],
          cases,
        }),
        dir: resolve(path),
      },
    });
  }
  const suite = await buildSuite(path, drafts, {
    problems,
    importer: "evalplus",
    version: EVALPLUS_IMPORTER_VERSION,
    options: { limit: options.limit, minLimitMs: options.minLimitMs ?? LIMIT_FLOOR_MS },
    text,
  });
  return { ...suite, notes };
}

/** One case's body: the call, then EvalPlus's check of its output. */
function caseBody(entry: string, o: ExpectedOutput, atol: number, given: string): string {
  const call = `${entry}(${o.args})`;
  if (entry === "find_zero" && /^def poly\(/m.test(given)) {
    // EvalPlus's special oracle for HumanEval/32: any root will do.
    return `    _got = ${call}\n    assert abs(poly(${o.args}, _got)) <= ${atol || 1e-6}, ` +
      `"poly(xs, %r) = %r" % (_got, poly(${o.args}, _got))`;
  }
  if (atol > 0 || o.floats) {
    return `    _got = ${call}\n    assert _close(_got, ${o.expected}, ${atol || 1e-6}), ` +
      `"got %r" % (_got,)`;
  }
  return `    assert ${call} == ${o.expected}`;
}

/** Instructions, signature and given code of a HumanEval+ or MBPP+ prompt. */
function promptParts(prompt: string, reference: string, entry: string) {
  const defines = new RegExp(`^(?:async\\s+)?def\\s+${entry}\\s*\\(`, "m");
  if (defines.test(prompt)) {
    const parts = splitPythonPrompt(prompt, entry);
    const helpers = parts.given.split("\n").some((l) =>
      l.trim() !== "" && !/^(import|from)\s/.test(l)
    );
    return {
      instructions: (parts.docstring || `Complete the Python function \`${entry}\`.`) +
        (helpers
          ? "\n\nThis code comes before the function and is in scope for it (you may call it):" +
            "\n\n```python\n" + parts.given + "\n```"
          : ""),
      signature: parts.signature,
      given: parts.given,
    };
  }
  // MBPP+: the prompt is a docstring holding the task and one example assert.
  const text = prompt.trim().match(/^[rRuU]?("""|''')([\s\S]*)\1$/)?.[2] ?? prompt;
  const def = readPython(reference).lines.find((l) => l.indent === 0 && defines.test(l.code));
  if (!def) throw new SyntaxError(`neither the prompt nor the reference defines "${entry}"`);
  return {
    instructions: cleandoc(text),
    signature: def.text.slice(0, headerColon(def.code)).trimEnd(),
    given: "",
  };
}
