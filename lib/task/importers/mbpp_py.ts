/**
 * Importing MBPP (google-research `mbpp.jsonl`: `task_id`, `text`, `code`, `test_list`,
 * `test_setup_code`, `challenge_test_list`; the sanitized file's `prompt` and `test_imports`
 * too) as Python tasks. Files of MultiPL-E Python records (`mbpp-py`: `name`, `prompt`,
 * `tests`) are read too.
 *
 * @module
 */
import { resolve } from "node:path";
import type { Suite } from "../schema.ts";
import { caseName } from "./check_cases.ts";
import { importJsonl } from "./import_jsonl.ts";
import { multiplEPyTask } from "./multipl_e_py.ts";
import { headerColon, readPython, reindent } from "./python_lines.ts";
import { pythonTestsModule } from "./python_tests_module.ts";
import type { SourceRecord } from "./read_records.ts";

/** Bump when the tasks this importer produces change. */
export const MBPP_PY_IMPORTER_VERSION = 1;

/**
 * The assay task id of an MBPP `task_id` (a number): `2` → `mbpp-2`; MultiPL-E's
 * `mbpp_2_similar_elements` maps to the same id (see `multiplEPyTaskId`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mbppTaskId } from "./mbpp_py.ts";
 * assert.equal(mbppTaskId(2), "mbpp-2");
 * assert.equal(mbppTaskId("Mbpp/17"), "mbpp-17");
 * ```
 */
export function mbppTaskId(taskId: number | string): string {
  const digits = String(taskId).match(/(\d+)$/)?.[1];
  return digits ? `mbpp-${Number(digits)}` : `mbpp-${String(taskId).toLowerCase()}`;
}

/**
 * Import MBPP as Python tasks: each `test_list` assert is one `core` case
 * (`test 1: similar_elements((3, 4, 5, 6),(5, 7, 4, 10)) == (4, 5)`), each
 * `challenge_test_list` assert one `edge` case (`challenge 1: …`); `test_setup_code`
 * (and the sanitized file's `test_imports`) runs before them. The entry is the
 * function of `code` the first test calls; tests.py imports it, and any other function or
 * class of `code` the tests name, from `solution`. The instructions are MBPP's own
 * prompt: the text, then "Your code should pass these tests:" and the test_list. The
 * reference is `code`. Tags: `mbpp`. MultiPL-E Python records are imported as
 * `importMultiplEPy` does. Throws an `ImportError` listing every malformed record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { importMbppPy } from "./mbpp_py.ts";
 * const file = new URL("../../../data/fixtures/importers/mbpp-py.jsonl", import.meta.url).pathname;
 * const suite = await importMbppPy(file);
 * const task = suite.tasks.find((t) => t.id === "mbpp-901")!;
 * assert.equal(task.entry, "second_largest");
 * assert.deepEqual(task.cases.map((c) => c.kind), ["core", "core", "core", "edge"]);
 * ```
 */
export async function importMbppPy(
  path: string,
  options: { limit?: number } = {},
): Promise<Suite> {
  return await importJsonl(path, {
    importer: "mbpp-py",
    version: MBPP_PY_IMPORTER_VERSION,
    options: { limit: options.limit },
    task: (record, problems) => {
      const value = record.value as Record<string, unknown>;
      return !("test_list" in value) && "name" in value
        ? multiplEPyTask(record, path, problems)
        : mbppTask(record, path, problems);
    },
  });
}

const BUILTINS = new Set([
  "set",
  "list",
  "tuple",
  "dict",
  "sorted",
  "len",
  "str",
  "int",
  "float",
  "abs",
  "round",
  "math",
  "isclose",
  "all",
  "any",
  "sum",
  "max",
  "min",
  "frozenset",
  "type",
  "isinstance",
  "bool",
  "map",
  "zip",
  "range",
]);

function mbppTask(
  record: SourceRecord,
  path: string,
  problems: string[],
): Record<string, unknown> | null {
  const at = `line ${record.line}`;
  const r = record.value as Record<string, unknown>;
  const strings = (key: string): string[] | null => {
    const v = r[key] ?? [];
    return Array.isArray(v) && v.every((s) => typeof s === "string")
      ? v.map((s) => s.replace(/\r\n?/g, "\n"))
      : null;
  };
  const tests = strings("test_list");
  const challenge = strings("challenge_test_list");
  const imports = strings("test_imports");
  const text = typeof r.text === "string" ? r.text : r.prompt;
  const code = typeof r.code === "string" ? r.code.replace(/\r\n?/g, "\n") : null;
  const problem = (message: string) => (problems.push(`${at}: ${message}`), null);
  if (r.task_id === undefined || r.task_id === null) return problem("task_id is required");
  if (typeof text !== "string") return problem("text is required (the task's description)");
  if (code === null) return problem("code is required (the reference solution)");
  if (!tests || tests.length === 0) {
    return problem("test_list: must be a non-empty list of asserts");
  }
  if (!challenge) return problem("challenge_test_list: must be a list of strings");
  if (!imports) return problem("test_imports: must be a list of strings");
  const defined = topLevelNames(code);
  const called = [...tests[0].matchAll(/(?<![\w.])([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1]);
  const entry = called.find((n) => defined.has(n)) ?? called.find((n) => !BUILTINS.has(n));
  if (!entry) return problem("test_list: the first test calls no function");
  const signature = defined.get(entry);
  if (!signature) return problem(`code: does not define "${entry}", which the tests call`);
  const named = [...defined.keys()].filter((n) =>
    n !== entry && [...tests, ...challenge].some((t) => new RegExp(`\\b${n}\\b`).test(t))
  );
  const setup = [...imports, ...(typeof r.test_setup_code === "string" ? [r.test_setup_code] : [])]
    .map((s) => s.replace(/\r\n?/g, "\n").trim()).filter((s) => s !== "");
  const cases = [
    ...tests.map((t, k) => ({ source: t, head: `test ${k + 1}`, kind: "core" })),
    ...challenge.map((t, k) => ({ source: t, head: `challenge ${k + 1}`, kind: "edge" })),
  ].map((c) => ({ ...c, name: caseName(c.head, label(c.source)), body: indented(c.source) }));
  return {
    id: mbppTaskId(r.task_id as string | number),
    title: `MBPP ${r.task_id}`,
    language: "py",
    instructions: `${text.trim()} Your code should pass these tests:\n\n${tests.join("\n")}`,
    entry,
    signature,
    reference: "reference.py",
    tests: "tests.py",
    cases: cases.map((c) => ({ name: c.name, kind: c.kind, tags: [] })),
    tags: ["mbpp"],
    referenceSource: code,
    testsSource: pythonTestsModule({
      origin: `Imported by assay from MBPP task ${r.task_id}: one case per assert of ` +
        "test_list (core) and challenge_test_list (edge).",
      imports: [`from solution import ${[entry, ...named].join(", ")}`],
      module: setup,
      cases,
    }),
    dir: resolve(path),
  };
}

/** The top-level functions and classes of `code`: name → its header (the signature for a def). */
function topLevelNames(code: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of readPython(code).lines) {
    const m = line.indent === 0 && line.code.match(/^(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)/);
    if (m && !names.has(m[1])) {
      names.set(m[1], line.text.slice(0, headerColon(line.code)).trimEnd());
    }
  }
  return names;
}

/** `assert <expr>, <message>` → `<expr>`; other statements as they are. */
function label(source: string): string {
  const [line] = readPython(source).lines;
  if (!line) return "";
  const start = line.code.match(/^assert\b\s*/)?.[0].length ?? 0;
  let depth = 0;
  for (let k = start; k < line.code.length; k++) {
    const c = line.code[k];
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    else if (c === "," && depth === 0 && start > 0) return line.text.slice(start, k).trim();
  }
  return line.text.slice(start).trim();
}

/** A test's statements as a function body (4 spaces), string lines left as they are. */
function indented(source: string): string {
  const src = readPython(source);
  if (src.lines.length === 0) return "    pass";
  return reindent(src, { head: src.lines[0], lines: src.lines }, src.lines[0].indent, "    ");
}
